import Foundation

/// A funding plan as its form writes it: one line a year (year | sustainability £ | transformation £),
/// one a quarter of the spend profile (quarter | £), one a partner.
public enum FundingPlanText {
    /// The plan as the form's fields, partners named by `name`.
    public static func values(of content: FundingPlanContent, name: (String) -> String) -> [String: String] {
        [
            "title": content.title, "objectives": content.objectives, "commitments": ApplicationText.text(of: content.commitments),
            "years": content.years.map { "\($0.year) | \($0.sustainabilityPounds) | \($0.transformationPounds)" }.joined(separator: "\n"),
            "spend_profile": content.spendProfile.map { "\($0.quarter) | \($0.pounds)" }.joined(separator: "\n"),
            "partners": content.partners.map(name).joined(separator: "\n"),
        ]
    }

    /// Reads the plan form; every problem named by field and line.
    public static func content(from form: [String: String], knownMetrics: Set<String>, knownOrganisations: Set<String>) -> Result<
        FundingPlanContent, FieldErrors
    > {
        var reading = FormReading()
        let commitments = reading.read([]) { () throws(ValidationError) in try ApplicationText.commitments(form["commitments"] ?? "") }
        var years: [FundingPlanContent.YearAsk] = []
        for (number, line) in (form["years"] ?? "").split(whereSeparator: \.isNewline).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let year = parts.first.flatMap { Int($0.prefix(4)) }
            let amounts = parts.dropFirst().map { try? ApplicationText.pounds($0, field: "years") }
            guard parts.count == 3, let year, (2000...2100).contains(year), let sustainability = amounts[0] ?? nil,
                let transformation = amounts[1] ?? nil
            else {
                reading.note(
                    "years",
                    "Line \(number + 1): write financial year | sustainability £ | transformation £, e.g. 2017 | 1,000,000 | 2,000,000 (amounts not negative)"
                )
                continue
            }
            years.append(.init(year: year, sustainabilityPounds: sustainability, transformationPounds: transformation))
        }
        var profile: [FundingPlanContent.QuarterSpend] = []
        for (number, line) in (form["spend_profile"] ?? "").split(whereSeparator: \.isNewline).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let quarter = FinancialQuarter(parts[0]),
                let pounds = (try? ApplicationText.pounds(parts[1], field: "spend_profile")) ?? nil
            else {
                reading.note("spend_profile", "Line \(number + 1): write quarter | £, e.g. 2017/18 Q1 | 750,000")
                continue
            }
            profile.append(.init(quarter: quarter, pounds: pounds))
        }
        let partners = (form["partners"] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        .map { Organisation.slug(for: $0) }
        let content = FundingPlanContent(
            title: (form["title"] ?? "").trimmingCharacters(in: .whitespaces),
            objectives: (form["objectives"] ?? "").replacingOccurrences(of: "\r\n", with: "\n"),
            commitments: commitments, years: years, spendProfile: profile, partners: partners)
        // Every field's problem is named at once; a field that could not be read is not judged
        // again, nor is the spend profile's total when the years it must match were unreadable.
        let unreadable = Set(reading.errors.keys)
        for problem in content.problems(knownMetrics: knownMetrics, knownOrganisations: knownOrganisations)
        where !unreadable.contains(problem.field) && !(problem.field == "spend_profile" && unreadable.contains("years")) {
            reading.note(problem.field, problem.reason)
        }
        return reading.result(content)
    }
}
