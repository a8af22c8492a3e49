import Foundation

/// How a shortlisted (or unshortlisted) application ends.
public enum SelectionOutcome: String, Sendable, Codable, CaseIterable {
    case selected
    case fastFollower = "fast_follower"
    case notSelected = "not_selected"

    public var name: String {
        switch self {
        case .selected: "Selected"
        case .fastFollower: "Fast follower"
        case .notSelected: "Not selected"
        }
    }

    public var status: ApplicationStatus {
        switch self {
        case .selected: .selected
        case .fastFollower: .fastFollower
        case .notSelected: .notSelected
        }
    }
}

/// The programme team's decision on an application, with the feedback its applicants read.
public struct SelectionDecision: Sendable, Equatable {
    public let outcome: SelectionOutcome
    /// The wave's name, e.g. "Wave 4"; only for a selection.
    public let waveName: String?
    public let announcedOn: CalendarDate?
    public let feedback: String
    /// The registry entry a selection created.
    public let vanguardNumber: Int?
    public let wasShortlisted: Bool
    public let decidedAt: Date

    public init(
        outcome: SelectionOutcome, waveName: String?, announcedOn: CalendarDate?, feedback: String, vanguardNumber: Int?,
        wasShortlisted: Bool, decidedAt: Date
    ) {
        self.outcome = outcome
        self.waveName = waveName
        self.announcedOn = announcedOn
        self.feedback = feedback
        self.vanguardNumber = vanguardNumber
        self.wasShortlisted = wasShortlisted
        self.decidedAt = decidedAt
    }

    /// What is wrong with a decision as entered: a selection needs a wave and an announcement
    /// date; every decision needs feedback for the applicants.
    public static func problems(outcome: SelectionOutcome, waveName: String?, announcedOn: CalendarDate?, feedback: String)
        -> [ValidationError]
    {
        var problems: [ValidationError] = []
        if outcome == .selected {
            if (waveName ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(.invalid(field: "wave", reason: "Name the wave the partnership is selected into"))
            }
            if announcedOn == nil { problems.append(.invalid(field: "announced_on", reason: "Give the announcement date as YYYY-MM-DD")) }
        }
        if feedback.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(.invalid(field: "feedback", reason: "Write feedback for the applicants: they read it with the decision"))
        }
        if feedback.count > 10_000 { problems.append(.invalid(field: "feedback", reason: "Keep feedback to 10,000 characters")) }
        return problems
    }
}
