/// A solved presentation timetable: one presentation per applicant, in time order.
public struct Timetable: Sendable, Equatable, Codable {
    public struct Presentation: Sendable, Equatable, Codable {
        public var applicant: String
        public var panel: String
        public var date: String
        public var start: String
        public var end: String
        public init(applicant: String, panel: String, date: String, start: String, end: String) {
            self.applicant = applicant; self.panel = panel; self.date = date; self.start = start; self.end = end
        }
    }

    public var slots: [Presentation]
    public init(slots: [Presentation]) { self.slots = slots }

    /// How many presentations each panel hears, for every panel (a panel with none shows 0).
    public func load(of panels: [TimetableProblem.Panel]) -> [String: Int] {
        var load = Dictionary(uniqueKeysWithValues: panels.map { ($0.id, 0) })
        for presentation in slots { load[presentation.panel, default: 0] += 1 }
        return load
    }
}

/// The rule that makes a timetable impossible, named so a planner knows what to relax.
public enum TimetableConstraint: String, Sendable, Codable, CaseIterable {
    /// No session is long enough for one presentation.
    case slots
    /// More applicants than panel slots, whatever else holds.
    case capacity
    /// Conflicts of interest leave some applicants too few panels.
    case conflicts
    /// Applicants' unavailable times leave them too few slots.
    case unavailability
    /// Neither alone, but conflicts and unavailable times together.
    case conflictsAndUnavailability = "conflicts_and_unavailability"
    /// Assessors who sit on several panels cannot be in two places at once.
    case assessorOverlap = "assessor_overlap"
}

/// No timetable exists; `applicants` are the ones that cannot all be placed.
public struct TimetableUnsolvable: Error, Sendable, Equatable, CustomStringConvertible {
    public let constraint: TimetableConstraint
    public let message: String
    public let applicants: [String]
    public var description: String { message }
}

/// Why `TimetableSolver.solve` gave no timetable.
public enum TimetableFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case input(TimetableInputError)
    case unsolvable(TimetableUnsolvable)

    public var description: String {
        switch self {
        case .input(let error): error.description
        case .unsolvable(let unsolvable): unsolvable.message
        }
    }
}
