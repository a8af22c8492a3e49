/// How a call's presentations are to run: slot length, days and sessions, and the panels of
/// assessors. With the shortlist and declared conflicts it makes the timetable problem.
public struct PresentationPlan: Sendable, Equatable, Codable {
    public struct Panel: Sendable, Equatable, Codable {
        public var name: String
        /// Account ids of the assessors on the panel.
        public var assessors: [String]
        public init(name: String, assessors: [String]) { self.name = name; self.assessors = assessors }
    }

    public var slotMinutes: Int
    public var changeoverMinutes: Int
    public var days: [TimetableProblem.Day]
    public var panels: [Panel]

    public init(slotMinutes: Int, changeoverMinutes: Int, days: [TimetableProblem.Day], panels: [Panel]) {
        self.slotMinutes = slotMinutes
        self.changeoverMinutes = changeoverMinutes
        self.days = days
        self.panels = panels
    }

    /// The problem for the solver: each shortlisted application an applicant (by id), with its
    /// unavailable times, and a conflict wherever a panel member's declared interest touches it.
    public func problem(
        applications: [(id: String, content: ApplicationContent, unavailable: [TimetableProblem.Unavailability])],
        conflicts: [String: [ConflictOfInterest]]
    ) -> TimetableProblem {
        var pairs: [TimetableProblem.Conflict] = []
        for assessor in Set(panels.flatMap(\.assessors)).sorted() {
            for application in applications where (conflicts[assessor] ?? []).contains(where: { $0.touches(application.content) }) {
                pairs.append(.init(assessor: assessor, applicant: application.id))
            }
        }
        return TimetableProblem(
            slotMinutes: slotMinutes, changeoverMinutes: changeoverMinutes, days: days,
            panels: panels.map { .init(id: $0.name, assessors: $0.assessors) },
            applicants: applications.map { .init(id: $0.id, unavailable: $0.unavailable) },
            conflicts: pairs
        )
    }
}

extension PresentationPlan {
    /// Days as the programme team writes them, one per line: `2015-02-09 09:30-12:30, 13:30-16:30`.
    public static func days(_ text: String) throws(ValidationError) -> [TimetableProblem.Day] {
        var days: [TimetableProblem.Day] = []
        for (number, line) in CallText.lines(text) {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, ClockTime.isDate(parts[0]) else {
                throw .invalid(
                    field: "days", reason: "Line \(number): write the date as YYYY-MM-DD, then sessions like 09:30-12:30, 13:30-16:30")
            }
            var sessions: [TimetableProblem.Session] = []
            for session in parts[1].split(separator: ",") {
                let times = session.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
                guard times.count == 2, let start = ClockTime.minutes(times[0]), let end = ClockTime.minutes(times[1]), end > start else {
                    throw .invalid(
                        field: "days",
                        reason: "Line \(number): \"\(session.trimmingCharacters(in: .whitespaces))\" should be a session like 09:30-12:30")
                }
                sessions.append(.init(start: times[0], end: times[1]))
            }
            days.append(.init(date: parts[0], sessions: sessions))
        }
        guard !days.isEmpty else { throw .invalid(field: "days", reason: "Give at least one day of presentations") }
        return days
    }

    public static func text(of days: [TimetableProblem.Day]) -> String {
        days.map { "\($0.date) " + $0.sessions.map { "\($0.start)-\($0.end)" }.joined(separator: ", ") }.joined(separator: "\n")
    }

    /// Unavailable times as a lead writes them, one per line: `2015-02-09` (all day) or `2015-02-09 09:30-12:30`.
    public static func unavailability(_ text: String) throws(ValidationError) -> [TimetableProblem.Unavailability] {
        var times: [TimetableProblem.Unavailability] = []
        for (number, line) in CallText.lines(text) {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard ClockTime.isDate(parts[0]) else {
                throw .invalid(field: "unavailable", reason: "Line \(number): start with the date as YYYY-MM-DD")
            }
            if parts.count == 1 { times.append(.init(date: parts[0])); continue }
            let range = parts[1].split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            guard range.count == 2, let start = ClockTime.minutes(range[0]), let end = ClockTime.minutes(range[1]), end > start else {
                throw .invalid(
                    field: "unavailable", reason: "Line \(number): give the times as HH:MM-HH:MM, or the date alone for the whole day")
            }
            times.append(.init(date: parts[0], start: range[0], end: range[1]))
        }
        return times
    }

    public static func text(of times: [TimetableProblem.Unavailability]) -> String {
        times.map { time in time.start.map { "\(time.date) \($0)-\(time.end ?? "")" } ?? time.date }.joined(separator: "\n")
    }
}
