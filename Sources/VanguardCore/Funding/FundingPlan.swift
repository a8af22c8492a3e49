import Foundation

/// One funding plan for a place in a round. Every change makes a new version; partners sign a
/// version, and only signatures of the current version count.
public struct FundingPlan: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let roundID: UUID
    public let place: FundingPlace
    public let versions: [FundingPlanVersion]
    public let signatures: [PlanSignature]
    /// The organisations that are known to belong to the place: a vanguard's partners in the
    /// registry when the plan started, and any others the programme team has confirmed. A lead
    /// cannot make a plan eligible by naming only the partners who agree.
    public let confirmedPartners: Set<String>

    /// Whether someone may change the plan: the programme team, or its lead while they still
    /// lead the place (a vanguard's plan needs that vanguard's site-lead role; a partnership's lead
    /// needs none), so a lead who loses the role loses the plan with it.
    public func mayBeChanged(by grants: [RoleGrant], userID: UUID?, lead: UUID) -> Bool {
        if grants.contains(where: { $0.role == .programmeTeam }) { return true }
        guard let userID, userID == lead else { return false }
        switch place {
        case .vanguard(let number): return grants.contains { $0.role == .siteLead && $0.scope == .vanguard(number) }
        case .areas: return true
        }
    }

    public init(
        id: UUID, roundID: UUID, place: FundingPlace, versions: [FundingPlanVersion], signatures: [PlanSignature],
        confirmedPartners: Set<String> = []
    ) {
        self.id = id
        self.roundID = roundID
        self.place = place
        self.versions = versions.sorted { $0.number < $1.number }
        self.signatures = signatures
        self.confirmedPartners = confirmedPartners
    }

    public var current: FundingPlanVersion { versions.last! }

    /// Partner organisations that have signed the current version, and those that have not.
    public var signOff: (signed: [String], waiting: [String]) {
        let signedNow = Set(signatures.filter { $0.version == current.number }.map(\.organisationSlug))
        let partners = current.content.partners
        return (partners.filter { signedNow.contains($0) }, partners.filter { !signedNow.contains($0) })
    }

    /// Partners the lead has named that the programme team has not yet confirmed.
    public var unconfirmedPartners: [String] { current.content.partners.filter { !confirmedPartners.contains($0) } }

    /// Eligible for money only when every partner is confirmed and has signed exactly the current version.
    public var isEligible: Bool { !current.content.partners.isEmpty && signOff.waiting.isEmpty && unconfirmedPartners.isEmpty }

    /// Why the plan cannot have money yet, naming organisations by `name`; nil when it can.
    public func ineligibility(name: (String) -> String) -> String? {
        guard !isEligible else { return nil }
        let partners = current.content.partners
        guard !partners.isEmpty else { return "it names no partner organisations yet, so none can sign it" }
        var reasons: [String] = []
        let unconfirmed = unconfirmedPartners.map(name), waiting = signOff.waiting.map(name)
        if !unconfirmed.isEmpty {
            reasons.append(
                "the programme team has not confirmed \(unconfirmed.joined(separator: ", ")) as \(unconfirmed.count == 1 ? "a partner" : "partners") of the place"
            )
        }
        if !waiting.isEmpty {
            reasons.append("\(waiting.joined(separator: ", ")) \(waiting.count == 1 ? "has" : "have") not signed version \(current.number)")
        }
        return reasons.joined(separator: "; ")
    }

    /// The registry's partners of a vanguard whose plan leaves them out: each signs its place's plan.
    public static func missingPartners(_ content: FundingPlanContent, required: [String]) -> [String] {
        required.filter { !content.partners.contains($0) }
    }
}

public struct FundingPlanVersion: Sendable, Equatable {
    public let number: Int
    public let content: FundingPlanContent
    public let createdAt: Date
    public let createdBy: String

    public init(number: Int, content: FundingPlanContent, createdAt: Date, createdBy: String) {
        self.number = number
        self.content = content
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}

/// A partner organisation's signature, by its signatory, of one version.
public struct PlanSignature: Sendable, Equatable {
    public let version: Int
    public let organisationSlug: String
    public let signatoryName: String
    public let signedAt: Date

    public init(version: Int, organisationSlug: String, signatoryName: String, signedAt: Date) {
        self.version = version
        self.organisationSlug = organisationSlug
        self.signatoryName = signatoryName
        self.signedAt = signedAt
    }
}

/// What a place commits to and asks for.
public struct FundingPlanContent: Sendable, Equatable, Codable {
    public struct YearAsk: Sendable, Equatable, Codable {
        /// The financial year it starts in (2017 for 2017/18).
        public var year: Int
        public var sustainabilityPounds: Int
        public var transformationPounds: Int
        public init(year: Int, sustainabilityPounds: Int, transformationPounds: Int) {
            self.year = year; self.sustainabilityPounds = sustainabilityPounds; self.transformationPounds = transformationPounds
        }
    }

    public struct QuarterSpend: Sendable, Equatable, Codable {
        public var quarter: FinancialQuarter
        public var pounds: Int
        public init(quarter: FinancialQuarter, pounds: Int) { self.quarter = quarter; self.pounds = pounds }
    }

    public var title: String
    public var objectives: String
    public var commitments: [MetricCommitment]
    public var years: [YearAsk]
    public var spendProfile: [QuarterSpend]
    /// Directory slugs of the partner organisations, each of which must sign.
    public var partners: [String]

    public init(
        title: String, objectives: String, commitments: [MetricCommitment], years: [YearAsk], spendProfile: [QuarterSpend],
        partners: [String]
    ) {
        self.title = title
        self.objectives = objectives
        self.commitments = commitments
        self.years = years
        self.spendProfile = spendProfile
        self.partners = partners
    }

    public var totalPounds: Int { years.reduce(0) { $0 + $1.sustainabilityPounds + $1.transformationPounds } }

    /// The parts that differ from another version, by name, for signatories to see what changed.
    public func changes(from earlier: FundingPlanContent) -> [String] {
        var changed: [String] = []
        if title != earlier.title { changed.append("title") }
        if objectives != earlier.objectives { changed.append("objectives") }
        if commitments != earlier.commitments { changed.append("metric commitments") }
        if years != earlier.years { changed.append("amounts asked") }
        if spendProfile != earlier.spendProfile { changed.append("spend profile") }
        if partners != earlier.partners { changed.append("partners") }
        return changed
    }

    /// What is wrong with the plan as written, field by field.
    public func problems(knownMetrics: Set<String>, knownOrganisations: Set<String>) -> [ValidationError] {
        var problems: [ValidationError] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(.invalid(field: "title", reason: "Give the plan a title")) }
        if objectives.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(.invalid(field: "objectives", reason: "Write the plan's objectives"))
        }
        if let unknown = commitments.first(where: { !knownMetrics.contains($0.metricCode) }) {
            problems.append(.invalid(field: "commitments", reason: "\(unknown.metricCode) is not a metric in the framework"))
        }
        if years.isEmpty { problems.append(.invalid(field: "years", reason: "Give the amount asked for at least one year")) }
        if partners.count < 2 {
            problems.append(
                .invalid(field: "partners", reason: "A place's plan has at least two partner organisations, each of which signs it"))
        }
        if let unknown = partners.first(where: { !knownOrganisations.contains($0) }) {
            problems.append(.invalid(field: "partners", reason: "\(unknown) is not an organisation in the directory"))
        }
        let profiled = spendProfile.reduce(0) { $0 + $1.pounds }
        if !spendProfile.isEmpty && profiled != totalPounds {
            problems.append(
                .invalid(
                    field: "spend_profile",
                    reason: "The spend profile adds up to \(Pounds.text(profiled)) but the plan asks for \(Pounds.text(totalPounds))"))
        }
        return problems
    }
}
