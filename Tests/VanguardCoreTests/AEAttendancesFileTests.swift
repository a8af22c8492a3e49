import Foundation
import Testing

@testable import VanguardCore

@Suite struct AEAttendancesFileTests {
    static func load(_ name: String) throws -> AEAttendancesFile {
        try AEAttendancesFile(fileName: name, data: Data(contentsOf: ProjectFiles.fixtures.appendingPathComponent("ae/\(name)")))
    }

    @Test func readsProvidersSkipsTheTotalAndSumsTheTypes() throws {
        let file = try Self.load("ae-2016-03.csv")
        #expect(file.rows.map(\.orgCode) == ["RBL", "RM3", "NLO12"])
        #expect(file.unrecognisedColumns.isEmpty)
        let wirral = try #require(file.rows.first)
        #expect(wirral.period == Month(year: 2016, month: 3))
        #expect(wirral.attendances == 10_132)
        #expect(wirral.attendancesOver4Hours == 1_322)
        #expect(wirral.emergencyAdmissions == 3_435)
    }

    @Test func toleratesHeaderDriftAndReportsUnknownColumns() throws {
        let file = try Self.load("ae-2019-11-drift.csv")
        #expect(file.rows.count == 1)
        #expect(file.rows[0].period == Month(year: 2019, month: 11))
        #expect(file.rows[0].attendances == 11_100)
        #expect(file.rows[0].emergencyAdmissions == 3_700)
        #expect(file.unrecognisedColumns == ["Notes"])
    }

    @Test func fourHourReturnsComeFromMappedProvidersOnly() throws {
        let file = try Self.load("ae-2016-03.csv")
        let (values, unmapped) = file.fourHourReturns(lookup: ["RBL": "E38000208", "RM3": "E38000143"])
        #expect(unmapped == ["NLO12"])
        #expect(
            values == [
                ReturnValue(
                    areaCode: "E38000143", metricCode: "ae_four_hour", period: Month(year: 2016, month: 3), numerator: 8_550,
                    denominator: 9_500),
                ReturnValue(
                    areaCode: "E38000208", metricCode: "ae_four_hour", period: Month(year: 2016, month: 3), numerator: 8_810,
                    denominator: 10_132),
            ])
    }

    @Test func aBadCountNamesItsRowAndColumn() {
        let text = "Period,Org Code,Org name,A&E attendances Type 1\nMSitAE-MAY-2017,RBL,Wirral,lots\n"
        #expect(throws: DataFileError(file: "ae.csv", line: 2, field: "A&E attendances Type 1", reason: "'lots' is not a count")) {
            try AEAttendancesFile(fileName: "ae.csv", data: Data(text.utf8))
        }
        let noCode = "Period,Provider,A&E attendances Type 1\nMSitAE-MAY-2017,RBL,3\n"
        let error = #expect(throws: DataFileError.self) { try AEAttendancesFile(fileName: "ae.csv", data: Data(noCode.utf8)) }
        #expect(error?.reason.hasPrefix("no column is recognised as orgCode") == true)
    }
}

@Suite struct ProviderLookupFileTests {
    static let areas: Set<String> = ["E38000208", "E38000143"]

    @Test func aLookupFileIsReadWithOptionalNames() throws {
        let file = try ProviderLookupFile(
            fileName: "lookup.csv", data: Data("org_code,area_code,org_name\nrbl,E38000208,Wirral\nRM3,E38000143,\n".utf8),
            areaCodes: Self.areas)
        #expect(
            file.entries == [
                ProviderArea(orgCode: "RBL", orgName: "Wirral", areaCode: "E38000208"),
                ProviderArea(orgCode: "RM3", orgName: "", areaCode: "E38000143"),
            ])
    }

    @Test(arguments: [
        ("org_code,area_code\nRBL,E38999999\n", "lookup.csv, line 2, field area_code: 'E38999999' is not a sub-ICB location"),
        ("org_code,area_code\nRBL,E38000208\nrbl,E38000143\n", "lookup.csv, line 3, field org_code: 'RBL' is already mapped on line 2"),
        ("org_code,area_code\nR!,E38000208\n", "lookup.csv, line 2, field org_code: 'R!' is not an ODS code (3 to 10 letters and digits)"),
        (
            "provider,area\nRBL,E38000208\n",
            "lookup.csv, line 1, field org_code: missing column(s) org_code, area_code; found provider, area"
        ),
    ])
    func badLookupFilesNameTheRowAndField(text: String, message: String) {
        #expect(
            performing: { try ProviderLookupFile(fileName: "lookup.csv", data: Data(text.utf8), areaCodes: Self.areas) },
            throws: { ($0 as? DataFileError)?.description == message })
    }
}
