import Foundation

/// The presentation timetable to be solved: days of sessions cut into slots, panels of assessors,
/// shortlisted applicants with the times they cannot make, and declared conflicts of interest.
/// The JSON form is the one `vanguard timetable solve` reads (see the README).
public struct TimetableProblem: Sendable, Equatable, Codable {
    public struct Day: Sendable, Equatable, Codable {
        public var date: String
        public var sessions: [Session]
        public init(date: String, sessions: [Session]) { self.date = date; self.sessions = sessions }
    }

    public struct Session: Sendable, Equatable, Codable {
        public var start: String
        public var end: String
        public init(start: String, end: String) { self.start = start; self.end = end }
    }

    public struct Panel: Sendable, Equatable, Codable {
        public var id: String
        public var assessors: [String]
        public init(id: String, assessors: [String]) { self.id = id; self.assessors = assessors }
    }

    public struct Applicant: Sendable, Equatable, Codable {
        public var id: String
        public var unavailable: [Unavailability]
        public init(id: String, unavailable: [Unavailability] = []) { self.id = id; self.unavailable = unavailable }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            unavailable = try container.decodeIfPresent([Unavailability].self, forKey: .unavailable) ?? []
        }
    }

    /// A time an applicant cannot present; without `start` and `end` it is the whole day.
    public struct Unavailability: Sendable, Equatable, Codable {
        public var date: String
        public var start: String?
        public var end: String?
        public init(date: String, start: String? = nil, end: String? = nil) { self.date = date; self.start = start; self.end = end }
    }

    public struct Conflict: Sendable, Equatable, Codable {
        public var assessor: String
        public var applicant: String
        public init(assessor: String, applicant: String) { self.assessor = assessor; self.applicant = applicant }
    }

    public var slotMinutes: Int
    public var changeoverMinutes: Int
    public var days: [Day]
    public var panels: [Panel]
    public var applicants: [Applicant]
    public var conflicts: [Conflict]

    public init(slotMinutes: Int, changeoverMinutes: Int, days: [Day], panels: [Panel], applicants: [Applicant], conflicts: [Conflict]) {
        self.slotMinutes = slotMinutes
        self.changeoverMinutes = changeoverMinutes
        self.days = days
        self.panels = panels
        self.applicants = applicants
        self.conflicts = conflicts
    }

    enum CodingKeys: String, CodingKey {
        case slotMinutes = "slot_minutes", changeoverMinutes = "changeover_minutes", days, panels, applicants, conflicts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        slotMinutes = try container.decode(Int.self, forKey: .slotMinutes)
        changeoverMinutes = try container.decodeIfPresent(Int.self, forKey: .changeoverMinutes) ?? 0
        days = try container.decode([Day].self, forKey: .days)
        panels = try container.decode([Panel].self, forKey: .panels)
        applicants = try container.decode([Applicant].self, forKey: .applicants)
        conflicts = try container.decodeIfPresent([Conflict].self, forKey: .conflicts) ?? []
    }

    /// Reads the JSON form, naming the field that is wrong.
    public static func decode(_ data: Data) throws(TimetableInputError) -> TimetableProblem {
        do {
            return try JSONDecoder().decode(TimetableProblem.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw TimetableInputError(field: Self.path(context.codingPath + [key]), reason: "is missing")
        } catch let DecodingError.typeMismatch(type, context) {
            throw TimetableInputError(field: Self.path(context.codingPath), reason: "should be \(Self.kind(of: type))")
        } catch let DecodingError.valueNotFound(type, context) {
            throw TimetableInputError(field: Self.path(context.codingPath), reason: "should be \(Self.kind(of: type)), not null")
        } catch {
            throw TimetableInputError(field: "(document)", reason: "is not valid JSON")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return text.isEmpty ? "(document)" : text
    }

    private static func kind(of type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is String.Type: "text"
        default: type is [Any].Type ? "a list" : "an object"
        }
    }
}

/// Input that cannot describe a timetable at all (as opposed to one with no solution).
public struct TimetableInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: String
    public let reason: String
    public init(field: String, reason: String) { self.field = field; self.reason = reason }
    public var description: String { "\(field): \(reason)" }
}
