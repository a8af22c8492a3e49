/// An announcement that chose vanguards: the three of 2015, and any later wave a call selects into.
///
/// A 2015 vanguard's wave follows from its announcement date, so it is derived, never typed in.
public struct Wave: Hashable, Sendable, Comparable, Codable {
    public let number: Int
    public let announced: CalendarDate

    public static let first = Wave(number: 1, announced: CalendarDate(year: 2015, month: 3, day: 10))
    public static let second = Wave(number: 2, announced: CalendarDate(year: 2015, month: 7, day: 24))
    public static let third = Wave(number: 3, announced: CalendarDate(year: 2015, month: 9, day: 25))
    public static let all: [Wave] = [.first, .second, .third]

    /// The wave announced on `date`, or nil when no wave was announced that day.
    public init?(announcedOn date: CalendarDate) {
        guard let wave = Self.all.first(where: { $0.announced == date }) else { return nil }
        self = wave
    }

    public init?(number: Int) {
        guard let wave = Self.all.first(where: { $0.number == number }) else { return nil }
        self = wave
    }

    /// A wave after 2015's, made when a call's selection is announced.
    public init(later number: Int, announced: CalendarDate) {
        self.init(number: number, announced: announced)
    }

    private init(number: Int, announced: CalendarDate) {
        self.number = number
        self.announced = announced
    }

    public static func < (lhs: Wave, rhs: Wave) -> Bool { lhs.number < rhs.number }
}
