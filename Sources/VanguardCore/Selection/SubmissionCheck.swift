import Foundation

/// Whether an application can be submitted to its call, and if not, exactly what is missing or
/// wrong, field by field, so the applicant can put it right in one go.
public enum SubmissionCheck {
    public static func problems(
        _ content: ApplicationContent, call: Call, at now: Date, knownAreas: Set<String>, knownMetrics: Set<String>
    ) -> [ValidationError] {
        var problems: [ValidationError] = []
        switch call.phase(at: now) {
        case .upcoming:
            problems.append(.invalid(field: "call", reason: "The call opens on \(CalendarText.dateTime(call.opensAt)); submit after that"))
        case .closed:
            problems.append(
                .invalid(
                    field: "call",
                    reason: "The call closed on \(CalendarText.dateTime(call.closesAt)); applications can no longer be submitted"))
        case .open: break
        }
        if content.partnershipName.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(.invalid(field: "partnership_name", reason: "Give the partnership's name"))
        }
        if let model = content.careModel {
            if !call.careModels.contains(model) {
                let allowed = call.careModels.map(\.abbreviation).joined(separator: ", ")
                problems.append(.invalid(field: "care_model", reason: "This call is for \(allowed), not \(model.abbreviation)"))
            }
        } else {
            problems.append(.invalid(field: "care_model", reason: "Choose the care model"))
        }
        if content.areaCodes.isEmpty {
            problems.append(.invalid(field: "areas", reason: "Give at least one area of the footprint"))
        } else if let unknown = content.areaCodes.first(where: { !knownAreas.contains($0) }) {
            problems.append(.invalid(field: "areas", reason: "\(unknown) is not an area code in the registry"))
        }
        if (content.population ?? 0) <= 0 {
            problems.append(.invalid(field: "population", reason: "Give the population served, a whole number above 0"))
        }
        if content.partners.count < 2 {
            problems.append(
                .invalid(
                    field: "partners", reason: "Name at least two partner organisations: a vanguard works across organisational boundaries")
            )
        }
        for question in call.questions {
            let answer = content.answers[question.key]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if question.isRequired && answer.isEmpty {
                problems.append(.invalid(field: "answer_\(question.key)", reason: "Answer \"\(question.prompt)\""))
            }
            if let limit = question.wordLimit {
                let words = answer.split(whereSeparator: \.isWhitespace).count
                if words > limit {
                    problems.append(
                        .invalid(
                            field: "answer_\(question.key)",
                            reason: "The answer to \"\(question.prompt)\" has \(words) words; the limit is \(limit)"))
                }
            }
        }
        if content.commitments.isEmpty {
            problems.append(.invalid(field: "commitments", reason: "Name at least one metric you will move, and by how much"))
        } else if let unknown = content.commitments.first(where: { !knownMetrics.contains($0.metricCode) }) {
            problems.append(.invalid(field: "commitments", reason: "\(unknown.metricCode) is not a metric in the framework"))
        }
        if content.sustainabilityPounds == nil || content.transformationPounds == nil {
            problems.append(
                .invalid(
                    field: "funding", reason: "Give the funding asked for, split into sustainability and transformation (0 where none)"))
        } else if content.totalFundingPounds <= 0 {
            problems.append(.invalid(field: "funding", reason: "The funding asked for should be more than £0"))
        }
        return problems
    }
}
