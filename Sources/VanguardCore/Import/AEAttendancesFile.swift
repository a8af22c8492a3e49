import Foundation

/// NHS England's monthly "A&E attendances and emergency admissions" CSV (provider level).
///
/// Column names drift between years ("4-12 hs" and "4-12 hrs", "Other emergency admissions (i.e
/// not via A&E)"), so columns are matched on a normalised form, and any column not recognised is
/// reported rather than silently dropped.
public struct AEAttendancesFile: Sendable {
    /// One provider's month.
    public struct ProviderMonth: Hashable, Sendable {
        public let period: Month
        public let orgCode: String
        public let orgName: String
        public let attendances: Double
        public let attendancesOver4Hours: Double
        public let emergencyAdmissions: Double
    }

    public let rows: [ProviderMonth]
    public let unrecognisedColumns: [String]

    enum Field: String, CaseIterable {
        case period, orgCode, parentOrg, orgName
        case attendances1, attendances2, attendancesOther, booked1, booked2, bookedOther
        case over1, over2, overOther, overBooked1, overBooked2, overBookedOther
        case wait4to12, wait12Plus
        case emergencyVia1, emergencyVia2, emergencyViaOther, otherEmergency

        /// Normalised header names seen in published files.
        var names: [String] {
            switch self {
            case .period: ["period"]
            case .orgCode: ["orgcode"]
            case .parentOrg: ["parentorg"]
            case .orgName: ["orgname"]
            case .attendances1: ["aeattendancestype1"]
            case .attendances2: ["aeattendancestype2"]
            case .attendancesOther: ["aeattendancesotheraedepartment", "aeattendancesotherdepartment"]
            case .booked1: ["aeattendancesbookedappointmentstype1"]
            case .booked2: ["aeattendancesbookedappointmentstype2"]
            case .bookedOther: ["aeattendancesbookedappointmentsotherdepartment", "aeattendancesbookedappointmentsotheraedepartment"]
            case .over1: ["attendancesover4hrstype1"]
            case .over2: ["attendancesover4hrstype2"]
            case .overOther: ["attendancesover4hrsotherdepartment", "attendancesover4hrsotheraedepartment"]
            case .overBooked1: ["attendancesover4hrsbookedappointmentstype1"]
            case .overBooked2: ["attendancesover4hrsbookedappointmentstype2"]
            case .overBookedOther:
                ["attendancesover4hrsbookedappointmentsotherdepartment", "attendancesover4hrsbookedappointmentsotheraedepartment"]
            case .wait4to12: ["patientswhohavewaited412hrsfromdtatoadmission"]
            case .wait12Plus: ["patientswhohavewaited12hrsfromdtatoadmission"]
            case .emergencyVia1: ["emergencyadmissionsviaaetype1"]
            case .emergencyVia2: ["emergencyadmissionsviaaetype2"]
            case .emergencyViaOther: ["emergencyadmissionsviaaeotheraedepartment", "emergencyadmissionsviaaeotherdepartment"]
            case .otherEmergency: ["otheremergencyadmissions", "otheremergencyadmissionsienotviaae"]
            }
        }
    }

    /// "Patients who have waited 4-12 hs from DTA to admission" → "patientswhohavewaited412hrsfromdtatoadmission".
    static func normalised(_ header: String) -> String {
        var text = header.lowercased().replacingOccurrences(of: "&", with: "")
        text = text.replacingOccurrences(of: " hs ", with: " hrs ")
        text = text.replacingOccurrences(of: "+", with: "")
        return String(text.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII }.map(Character.init))
    }

    /// `MSitAE-MARCH-2026` or `MARCH-2026` → 2026-03.
    static func period(_ text: String) -> Month? {
        let parts = text.uppercased().split(separator: "-").map(String.init)
        guard parts.count >= 2, let year = Int(parts[parts.count - 1]) else { return nil }
        let months = [
            "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
        ]
        guard let index = months.firstIndex(of: parts[parts.count - 2]) else { return nil }
        return Month(year: year, month: index + 1)
    }

    public init(fileName: String, data: Data) throws(DataFileError) {
        let table = try CSVTable(fileName: fileName, data: data)
        var columns: [Field: Int] = [:]
        var unrecognised: [String] = []
        for (index, header) in table.header.enumerated() {
            let key = Self.normalised(header)
            if let field = Field.allCases.first(where: { $0.names.contains(key) }) {
                columns[field] = index
            } else if !header.isEmpty {
                unrecognised.append(header)
            }
        }
        for required in [Field.period, .orgCode, .attendances1] where columns[required] == nil {
            throw DataFileError(
                file: fileName, line: 1, field: required.names[0],
                reason: "no column is recognised as \(required.rawValue); found \(table.header.joined(separator: ", "))")
        }
        var rows: [ProviderMonth] = []
        for row in table.rows {
            func text(_ field: Field) -> String {
                guard let index = columns[field], index < row.fields.count else { return "" }
                return row.fields[index].trimmingCharacters(in: .whitespaces)
            }
            func number(_ fields: [Field]) throws(DataFileError) -> Double {
                var total = 0.0
                for field in fields {
                    let value = text(field).replacingOccurrences(of: ",", with: "")
                    if value.isEmpty || value == "-" { continue }
                    guard let number = Double(value), number >= 0 else {
                        throw DataFileError(
                            file: fileName, line: row.line, field: table.header[columns[field] ?? 0], reason: "'\(value)' is not a count")
                    }
                    total += number
                }
                return total
            }
            let code = text(.orgCode)
            // The published files end with a TOTAL row for England.
            if code.uppercased() == "TOTAL" || text(.orgName).uppercased() == "TOTAL" || code.isEmpty { continue }
            guard let period = Self.period(text(.period)) else {
                throw DataFileError(
                    file: fileName, line: row.line, field: "Period", reason: "'\(text(.period))' is not a period like MSitAE-MARCH-2026")
            }
            rows.append(
                ProviderMonth(
                    period: period, orgCode: code, orgName: text(.orgName),
                    attendances: try number([.attendances1, .attendances2, .attendancesOther, .booked1, .booked2, .bookedOther]),
                    attendancesOver4Hours: try number([.over1, .over2, .overOther, .overBooked1, .overBooked2, .overBookedOther]),
                    emergencyAdmissions: try number([.emergencyVia1, .emergencyVia2, .emergencyViaOther, .otherEmergency])
                ))
        }
        self.rows = rows
        unrecognisedColumns = unrecognised
    }

    /// Four-hour performance returns: providers mapped to areas by `lookup` (ODS code → area), summed per area and month.
    /// Providers missing from the lookup are listed, not guessed.
    public func fourHourReturns(lookup: [String: String]) -> (values: [ReturnValue], unmapped: [String]) {
        var within: [ReturnValue.Key: Double] = [:]
        var all: [ReturnValue.Key: Double] = [:]
        var unmapped = Set<String>()
        for row in rows where row.attendances > 0 {
            guard let area = lookup[row.orgCode] else {
                unmapped.insert(row.orgCode)
                continue
            }
            let key = ReturnValue.Key(areaCode: area, metricCode: "ae_four_hour", period: row.period)
            within[key, default: 0] += row.attendances - row.attendancesOver4Hours
            all[key, default: 0] += row.attendances
        }
        let values = all.keys.sorted { ($0.areaCode, $0.period) < ($1.areaCode, $1.period) }.map { key in
            ReturnValue(
                areaCode: key.areaCode, metricCode: key.metricCode, period: key.period, numerator: within[key] ?? 0,
                denominator: all[key] ?? 1)
        }
        return (values, unmapped.sorted())
    }
}
