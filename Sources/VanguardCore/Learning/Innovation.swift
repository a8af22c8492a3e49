import Foundation

/// Something a vanguard built that others can take up: the catalogue's entry.
public struct Innovation: Sendable, Equatable, Identifiable {
    public var id: String { slug }
    public let slug: String
    public var name: String
    public var summary: String
    public var careModel: CareModel
    /// The vanguard that originated it.
    public var originVanguard: Int

    public init(slug: String, name: String, summary: String, careModel: CareModel, originVanguard: Int) {
        self.slug = slug
        self.name = name
        self.summary = summary
        self.careModel = careModel
        self.originVanguard = originVanguard
    }

    public var problems: [ValidationError] {
        var problems: [ValidationError] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(.invalid(field: "name", reason: "Give the innovation a name"))
        }
        if name.count > 120 { problems.append(.invalid(field: "name", reason: "Keep the name to 120 characters")) }
        if summary.count > PostContent.maximumSummaryLength {
            problems.append(.invalid(field: "summary", reason: "Keep the summary to \(PostContent.maximumSummaryLength) characters"))
        }
        return problems
    }
}

/// One organisation's or area's adoption of an innovation: when, where, and whom to ask.
public struct Adoption: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let innovationSlug: String
    /// The adopting organisation's name as given (and its directory slug when it is in the directory).
    public let adopter: String
    public let organisationSlug: String?
    /// The sub-ICB location where it was adopted.
    public let areaCode: String
    public let adoptedOn: CalendarDate
    public let contact: String
    public let recordedBy: UUID
    /// The adopting area's change since 2014/15 on each of the care model's metrics, worked out once
    /// when the adoption was recorded, so showing the page never evaluates returns.
    public let areaChanges: [AreaChange]

    /// One metric's change for the adopting area (nil when the area has no returns for it).
    public struct AreaChange: Sendable, Equatable, Codable {
        public let metricCode: String
        public let change: Double?
        public let inPoints: Bool

        public init(metricCode: String, change: Double?, inPoints: Bool) {
            self.metricCode = metricCode
            self.change = change
            self.inPoints = inPoints
        }

        public init(_ evaluation: MetricEvaluation?, metricCode: String) {
            self.init(metricCode: metricCode, change: evaluation?.changeAgainstBaseline, inPoints: evaluation?.changeIsInPoints == true)
        }
    }

    /// At most this many adoptions recorded by one person in a day: enough for a real programme
    /// officer's backlog, too few to flood an innovation's page.
    public static let dailyLimitPerPerson = 20

    public init(
        id: UUID, innovationSlug: String, adopter: String, organisationSlug: String?, areaCode: String, adoptedOn: CalendarDate,
        contact: String, recordedBy: UUID, areaChanges: [AreaChange] = []
    ) {
        self.areaChanges = areaChanges
        self.id = id
        self.innovationSlug = innovationSlug
        self.adopter = adopter
        self.organisationSlug = organisationSlug
        self.areaCode = areaCode
        self.adoptedOn = adoptedOn
        self.contact = contact
        self.recordedBy = recordedBy
    }

    /// Whether `other` records the same thing: the same adopter (in any case or spacing) in the same area.
    public func duplicates(_ other: Adoption) -> Bool {
        innovationSlug == other.innovationSlug && areaCode == other.areaCode && Self.key(adopter) == Self.key(other.adopter)
    }

    static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    /// Why the adoption cannot be recorded, each naming its field.
    public static func problems(
        adopter: String, areaCode: String, knownAreas: Set<String>, adoptedOn: CalendarDate?, today: CalendarDate,
        contact: String
    ) -> [ValidationError] {
        var problems: [ValidationError] = []
        if adopter.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(.invalid(field: "adopter", reason: "Name the organisation or area that adopted it"))
        }
        if adopter.count > 200 { problems.append(.invalid(field: "adopter", reason: "Keep the name to 200 characters")) }
        if !knownAreas.contains(areaCode) {
            problems.append(.invalid(field: "area", reason: "Choose the sub-ICB location where it was adopted"))
        }
        if let adoptedOn {
            if adoptedOn > today {
                problems.append(
                    .invalid(
                        field: "adopted_on", reason: "An adoption is recorded once it has happened: \(adoptedOn.iso8601) is in the future"))
            }
            if adoptedOn.year < 2015 { problems.append(.invalid(field: "adopted_on", reason: "The programme began in 2015")) }
        } else {
            problems.append(.invalid(field: "adopted_on", reason: "Give the date as YYYY-MM-DD"))
        }
        if contact.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(.invalid(field: "contact", reason: "Give a contact, so others can ask how it went"))
        }
        if contact.count > 200 { problems.append(.invalid(field: "contact", reason: "Keep the contact to 200 characters")) }
        return problems
    }
}

/// How an innovation spread: adoptions counted up month by month.
public struct AdoptionCurve: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public let month: Month
        public let cumulative: Int
    }

    public let points: [Point]

    /// Every month from the first adoption to `through`, with the running total.
    public init(_ adoptions: [Adoption], through last: Month) {
        let months = adoptions.map { Month(year: $0.adoptedOn.year, month: $0.adoptedOn.month) }
        guard let first = months.min() else { points = []; return }
        let counts = Dictionary(grouping: months, by: { $0 }).mapValues(\.count)
        var points: [Point] = []
        var total = 0
        var month = first
        while month <= max(last, first) {
            total += counts[month] ?? 0
            points.append(Point(month: month, cumulative: total))
            month = month.adding(months: 1)
        }
        self.points = points
    }
}
