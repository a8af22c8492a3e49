import Foundation
import Testing

@testable import VanguardCore

@Suite struct RegistryFilesTests {
    static let header = "name,type,announced,lead_organisations,area,region,source,ncm_number,confidence,notes"
    static let goodRow = "Wirral Partners,PACS,2015-03-10,Wirral CCG,Wirral,North West,https://a.example | https://b.example,1,sourced,"

    @Test func readsAGoodRow() throws {
        let table = try CSVTable(fileName: "vanguards.csv", text: "\(Self.header)\n\(Self.goodRow)\n")
        let vanguards = try RegistryFiles.vanguards(from: table)
        #expect(vanguards.count == 1)
        let vanguard = try #require(vanguards.first)
        #expect(vanguard.number == 1)
        #expect(vanguard.careModel == .pacs)
        #expect(vanguard.wave == .first)
        #expect(vanguard.announced == CalendarDate(year: 2015, month: 3, day: 10))
        #expect(vanguard.sources == ["https://a.example", "https://b.example"])
        #expect(vanguard.confidence == .sourced)
        #expect(vanguard.notes == nil)
    }

    @Test(arguments: [
        ("X,XYZ,2015-03-10,o,a,r,s,2,sourced,", "type", "'XYZ' is not a care model (expected one of PACS, MCP, EHCH, UEC, ACC)"),
        ("X,MCP,2015-02-30,o,a,r,s,2,sourced,", "announced", "'2015-02-30' is not a date in the form YYYY-MM-DD"),
        (
            "X,MCP,2015-04-01,o,a,r,s,2,sourced,", "announced",
            "2015-04-01 is not the date of any wave (10 March, 24 July or 25 September 2015)"
        ),
        ("X,MCP,2015-03-10,o,a,r,s,two,sourced,", "ncm_number", "'two' is not a positive whole number"),
        ("X,MCP,2015-03-10,o,a,r,s,1,sourced,", "ncm_number", "1 appears twice"),
        ("X,MCP,2015-03-10,o,a,r,s,2,maybe,", "confidence", "'maybe' is not one of sourced, partial, lead_org_unverified"),
        (",MCP,2015-03-10,o,a,r,s,2,sourced,", "name", "is empty"),
    ])
    func rejectsABadRowNamingLineFieldAndReason(row: String, field: String, reason: String) throws {
        // setup: the bad row is the third line, after the header and a good row
        let table = try CSVTable(fileName: "vanguards.csv", text: "\(Self.header)\n\(Self.goodRow)\n\(row)\n")
        // MUT + validate
        #expect(throws: DataFileError(file: "vanguards.csv", line: 3, field: field, reason: reason)) {
            try RegistryFiles.vanguards(from: table)
        }
    }

    @Test func rejectsAFootprintWithABadAreaCode() throws {
        let text = "ncm_number,sicbl_code,ccg2015_name,ccg2015_ods_code,basis,confidence\n1,E3800020,NHS Wirral CCG,12F,kept,high\n"
        let table = try CSVTable(fileName: "vanguard_areas.csv", text: text)
        #expect(
            throws: DataFileError(
                file: "vanguard_areas.csv", line: 2, field: "sicbl_code", reason: "'E3800020' is not an ONS code of the form E38NNNNNN")
        ) {
            try RegistryFiles.footprints(from: table)
        }
    }

    @Test func readsSeveralCCGsJoinedInOneFootprintRow() throws {
        let text =
            "ncm_number,sicbl_code,ccg2015_name,ccg2015_ods_code,basis,confidence\n2,E38000243,NHS A CCG; NHS B CCG,04E; 04H,merged,high\n"
        let footprints = try RegistryFiles.footprints(from: try CSVTable(fileName: "f.csv", text: text))
        #expect(footprints.first?.ccg2015Names == ["NHS A CCG", "NHS B CCG"])
        #expect(footprints.first?.ccg2015Codes == ["04E", "04H"])
    }

    @Test func rejectsAPartnerWithAnUnknownSector() throws {
        let text = "ncm_number,organisation,sector,is_lead,as_written\n1,Acme,space_agency,no,Acme\n"
        let error = #expect(throws: DataFileError.self) {
            try RegistryFiles.partners(from: try CSVTable(fileName: "p.csv", text: text))
        }
        #expect(error?.line == 2)
        #expect(error?.field == "sector")
    }

    @Test func readsTheODSCodeFromASubICBLocationName() {
        #expect(SubICBLocation.odsCode(fromName: "NHS South Yorkshire ICB - 02P") == "02P")
        #expect(SubICBLocation.odsCode(fromName: "NHS Bedfordshire, Luton and Milton Keynes ICB - M1J4Y") == "M1J4Y")
        #expect(SubICBLocation.odsCode(fromName: "No suffix here") == nil)
    }
}
