import Foundation

/// Which sub-ICB location a provider's activity counts towards, for importers of provider-level
/// publications (NHS England's A&E file). Kept in the database and edited by the programme team,
/// because trusts merge and change codes; a provider missing from it is reported, never guessed.
public struct ProviderArea: Sendable, Hashable, Codable {
    /// The provider's ODS code, upper case (e.g. RBL).
    public let orgCode: String
    public let orgName: String
    public let areaCode: String

    public init(orgCode: String, orgName: String, areaCode: String) {
        self.orgCode = orgCode.uppercased()
        self.orgName = orgName
        self.areaCode = areaCode
    }

    /// An ODS organisation code: 3 to 10 letters and digits.
    public static func isValidCode(_ code: String) -> Bool {
        (3...10).contains(code.count) && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}

/// A lookup file, `org_code,area_code[,org_name]`, checked whole against the known areas.
public struct ProviderLookupFile: Sendable {
    public let entries: [ProviderArea]

    public init(fileName: String, data: Data, areaCodes: Set<String>) throws(DataFileError) {
        let table = try CSVTable(fileName: fileName, data: data)
        var entries: [ProviderArea] = []
        var seen: [String: Int] = [:]
        for record in try table.records(requiring: ["org_code", "area_code"]) {
            let code = try record.required("org_code").uppercased()
            guard ProviderArea.isValidCode(code) else {
                throw record.error("org_code", "'\(code)' is not an ODS code (3 to 10 letters and digits)")
            }
            if let line = seen[code] { throw record.error("org_code", "'\(code)' is already mapped on line \(line)") }
            seen[code] = record.line
            let area = try record.required("area_code")
            guard areaCodes.contains(area) else { throw record.error("area_code", "'\(area)' is not a sub-ICB location") }
            entries.append(ProviderArea(orgCode: code, orgName: record.optional("org_name") ?? "", areaCode: area))
        }
        self.entries = entries
    }
}
