import Foundation

/// A tranche of an allocation: money for one quarter, released only when its condition is met
/// or the programme team overrides with a recorded reason.
public struct Tranche: Sendable, Equatable, Identifiable {
    public enum Status: String, Sendable, Codable {
        case held, released
    }

    public let id: UUID
    public let planID: UUID
    public let quarter: FinancialQuarter
    public let pounds: Int
    public let condition: TrancheCondition?
    public let status: Status

    public init(id: UUID, planID: UUID, quarter: FinancialQuarter, pounds: Int, condition: TrancheCondition?, status: Status) {
        self.id = id
        self.planID = planID
        self.quarter = quarter
        self.pounds = pounds
        self.condition = condition
        self.status = status
    }
}

/// One movement of money. Entries are only ever added: a mistake is put right by a reversal
/// that names the entry it reverses, never by editing.
public struct LedgerEntry: Sendable, Equatable, Identifiable {
    public enum Kind: String, Sendable, Codable {
        case allocation, release, reversal
    }

    public let id: UUID
    public let planID: UUID
    public let trancheID: UUID?
    public let kind: Kind
    /// Positive for allocations and releases; a reversal carries the opposite of what it reverses.
    public let pounds: Int
    public let reason: String
    public let reverses: UUID?
    public let at: Date
    public let by: String

    public init(id: UUID, planID: UUID, trancheID: UUID?, kind: Kind, pounds: Int, reason: String, reverses: UUID?, at: Date, by: String) {
        self.id = id
        self.planID = planID
        self.trancheID = trancheID
        self.kind = kind
        self.pounds = pounds
        self.reason = reason
        self.reverses = reverses
        self.at = at
        self.by = by
    }
}

/// Totals of a ledger: what is allocated and released, after reversals.
public struct FundingPosition: Sendable, Equatable {
    public let allocated: Int
    public let released: Int

    public init(_ entries: [LedgerEntry]) {
        let kinds = Dictionary(entries.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        var allocated = 0, released = 0
        for entry in entries {
            switch entry.kind {
            case .allocation: allocated += entry.pounds
            case .release: released += entry.pounds
            case .reversal:
                switch entry.reverses.flatMap({ kinds[$0] }) {
                case .allocation: allocated += entry.pounds
                case .release: released += entry.pounds
                default: break
                }
            }
        }
        self.allocated = allocated
        self.released = released
    }
}

/// A place's report of what it spent in a quarter, against its profile.
public struct SpendReturn: Sendable, Equatable {
    public let quarter: FinancialQuarter
    public let sustainabilityPounds: Int
    public let transformationPounds: Int
    public let narrative: String
    public let submittedAt: Date

    public init(quarter: FinancialQuarter, sustainabilityPounds: Int, transformationPounds: Int, narrative: String, submittedAt: Date) {
        self.quarter = quarter
        self.sustainabilityPounds = sustainabilityPounds
        self.transformationPounds = transformationPounds
        self.narrative = narrative
        self.submittedAt = submittedAt
    }

    public var totalPounds: Int { sustainabilityPounds + transformationPounds }

    /// Spend against profile in per cent (+12 is 12% over); nil when nothing was profiled.
    public func variancePercent(profile: Int) -> Double? {
        profile > 0 ? Double(totalPounds - profile) * 100 / Double(profile) : nil
    }

    /// A return is due by the end of the month after its quarter.
    public static func dueDate(for quarter: FinancialQuarter) -> CalendarDate {
        let month = quarter.next.firstMonth.adding(months: 1)
        return CalendarDate(year: month.year, month: month.month, day: 1)
    }
}
