/// The plain-text parts of an application form (partners, metric commitments, money), read with
/// every problem named by field and line. Drafts may be incomplete; what is written must be valid.
public enum ApplicationText {
    /// One partner per line: `name | sector | ODS code` (the ODS code may be left off).
    public static func partners(_ text: String) throws(ValidationError) -> [ProposedPartner] {
        var partners: [ProposedPartner] = []
        for (number, line) in CallText.lines(text) {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty else {
                throw .invalid(field: "partners", reason: "Line \(number): write name | sector | ODS code")
            }
            guard parts[0].count <= 200 else {
                throw .invalid(field: "partners", reason: "Line \(number): keep the name to 200 characters")
            }
            guard let sector = sector(parts[1]) else {
                let known = Sector.allCases.filter { $0 != .unclassified }.map(\.rawValue).joined(separator: ", ")
                throw .invalid(field: "partners", reason: "Line \(number): \"\(parts[1])\" is not a sector (\(known))")
            }
            var ods: String?
            if parts.count == 3, !parts[2].isEmpty {
                let code = parts[2].uppercased()
                guard (3...6).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                    throw .invalid(
                        field: "partners", reason: "Line \(number): \"\(parts[2])\" is not an ODS code (3 to 6 letters and digits)")
                }
                ods = code
            }
            if partners.contains(where: { $0.name.lowercased() == parts[0].lowercased() }) {
                throw .invalid(field: "partners", reason: "Line \(number): \(parts[0]) is named twice")
            }
            partners.append(ProposedPartner(name: parts[0], sector: sector, odsCode: ods))
        }
        return partners
    }

    public static func text(of partners: [ProposedPartner]) -> String {
        partners.map { "\($0.name) | \($0.sector.rawValue)" + ($0.odsCode.map { " | \($0)" } ?? "") }.joined(separator: "\n")
    }

    /// One metric per line: `metric code | change in per cent` (negative for a fall).
    public static func commitments(_ text: String) throws(ValidationError) -> [MetricCommitment] {
        var commitments: [MetricCommitment] = []
        for (number, line) in CallText.lines(text) {
            let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw .invalid(
                    field: "commitments", reason: "Line \(number): write metric code | change in per cent, e.g. emergency_admissions | -3.5"
                )
            }
            let figure = parts[1].hasSuffix("%") ? String(parts[1].dropLast()) : parts[1]
            guard let change = Double(figure.trimmingCharacters(in: .whitespaces)), change.isFinite, abs(change) <= 100 else {
                throw .invalid(
                    field: "commitments", reason: "Line \(number): \"\(parts[1])\" should be a change in per cent between -100 and 100")
            }
            commitments.append(MetricCommitment(metricCode: parts[0], changePercent: change))
        }
        return commitments
    }

    public static func text(of commitments: [MetricCommitment]) -> String {
        commitments.map { "\($0.metricCode) | \(Self.figure($0.changePercent))" }.joined(separator: "\n")
    }

    /// Whole pounds, written with or without "£" and thousands commas; nil when blank.
    public static func pounds(_ text: String, field: String) throws(ValidationError) -> Int? {
        let cleaned = text.replacingOccurrences(of: "£", with: "").replacingOccurrences(of: ",", with: "").trimmingCharacters(
            in: .whitespaces)
        if cleaned.isEmpty { return nil }
        guard let pounds = Int(cleaned) else {
            throw .invalid(field: field, reason: "\"\(text)\" should be an amount in whole pounds, e.g. 1,500,000")
        }
        guard pounds >= 0 else { throw .invalid(field: field, reason: "The amount cannot be negative") }
        guard pounds <= 10_000_000_000 else { throw .invalid(field: field, reason: "The amount is beyond any pot (over £10 billion)") }
        return pounds
    }

    /// A whole number of people; nil when blank.
    public static func population(_ text: String) throws(ValidationError) -> Int? {
        let cleaned = text.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        if cleaned.isEmpty { return nil }
        guard let value = Int(cleaned), value > 0, value <= 100_000_000 else {
            throw .invalid(field: "population", reason: "\"\(text)\" should be a whole number of people above 0")
        }
        return value
    }

    static func sector(_ text: String) -> Sector? {
        let key = text.lowercased()
        return Sector.allCases.first {
            $0 != .unclassified && ($0.rawValue == key.replacingOccurrences(of: " ", with: "_") || $0.name.lowercased() == key)
        }
    }

    public static func figure(_ value: Double) -> String {
        value.figureText
    }
}
