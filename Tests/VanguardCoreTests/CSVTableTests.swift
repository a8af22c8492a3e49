import Foundation
import Testing

@testable import VanguardCore

@Suite struct CSVTableTests {
    @Test func readsQuotedFieldsDoubledQuotesAndLineNumbers() throws {
        // setup
        let text = "a,b,c\n1,\"two, with comma\",3\n4,\"five\nspans lines\",\"say \"\"hi\"\"\"\n7,8,9\n"
        // MUT
        let table = try CSVTable(fileName: "t.csv", text: text)
        // validate
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows.map(\.line) == [2, 3, 5])
        #expect(table.rows[0].fields == ["1", "two, with comma", "3"])
        #expect(table.rows[1].fields == ["4", "five\nspans lines", "say \"hi\""])
        #expect(table.rows[2].fields == ["7", "8", "9"])
    }

    @Test func stripsByteOrderMarkAndCarriageReturns() throws {
        let table = try CSVTable(fileName: "t.csv", text: "\u{FEFF}code,name\r\nE38000001,Test\r\n")
        #expect(table.header == ["code", "name"])
        #expect(table.rows.count == 1)
        #expect(table.rows[0].fields == ["E38000001", "Test"])
    }

    @Test func rejectsAnUnclosedQuoteNamingTheLine() {
        #expect(throws: DataFileError(file: "t.csv", line: 3, field: nil, reason: "a quoted field is never closed")) {
            try CSVTable(fileName: "t.csv", text: "a,b\n1,2\n3,\"open\n")
        }
    }

    @Test func rejectsAnEmptyFile() {
        #expect(throws: DataFileError(file: "t.csv", line: 1, field: nil, reason: "the file is empty")) {
            try CSVTable(fileName: "t.csv", text: "")
        }
    }

    @Test func rejectsTextThatIsNotUTF8() {
        #expect(throws: DataFileError(file: "t.csv", line: 1, field: nil, reason: "the file is not UTF-8 text")) {
            try CSVTable(fileName: "t.csv", data: Data([0x61, 0x2C, 0xFF, 0xFE, 0x0A]))
        }
    }

    @Test func recordsRequireColumnsAndMatchingFieldCounts() throws {
        let table = try CSVTable(fileName: "t.csv", text: "a,b\n1,2\n3\n")
        #expect(throws: DataFileError(file: "t.csv", line: 3, field: nil, reason: "expected 2 fields, found 1")) {
            try table.records(requiring: ["a"])
        }
        let missing = #expect(throws: DataFileError.self) { try table.records(requiring: ["a", "z"]) }
        #expect(missing?.field == "z")
        #expect(missing?.line == 1)
    }

    @Test func errorDescriptionNamesFileLineFieldAndReason() {
        let error = DataFileError(file: "vanguards.csv", line: 7, field: "type", reason: "'XYZ' is not a care model")
        #expect(error.description == "vanguards.csv, line 7, field type: 'XYZ' is not a care model")
    }
}
