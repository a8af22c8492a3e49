import Foundation

/// A partnership's bid to a call, from first draft to the decision.
public struct CallApplication: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let callID: UUID
    /// The account that started the application and leads the applicant partnership.
    public let leadAccountID: UUID
    public var content: ApplicationContent
    public var status: ApplicationStatus
    public var submittedAt: Date?
    public var updatedAt: Date

    public init(
        id: UUID, callID: UUID, leadAccountID: UUID, content: ApplicationContent, status: ApplicationStatus, submittedAt: Date?,
        updatedAt: Date
    ) {
        self.id = id
        self.callID = callID
        self.leadAccountID = leadAccountID
        self.content = content
        self.status = status
        self.submittedAt = submittedAt
        self.updatedAt = updatedAt
    }
}

/// Where an application stands; an applicant sees this at every stage.
public enum ApplicationStatus: String, Sendable, Codable, CaseIterable {
    case draft
    case submitted
    case shortlisted
    case selected
    case fastFollower = "fast_follower"
    case notSelected = "not_selected"

    public var name: String {
        switch self {
        case .draft: "Draft"
        case .submitted: "Submitted, being assessed"
        case .shortlisted: "Shortlisted for presentation"
        case .selected: "Selected"
        case .fastFollower: "Fast follower"
        case .notSelected: "Not selected"
        }
    }

    /// Whether the applicant may still change what they wrote.
    public var isEditable: Bool { self == .draft }
}

/// What the applicants write: who they are, where, what they will change and what it costs.
public struct ApplicationContent: Sendable, Equatable, Codable {
    public var partnershipName: String
    public var careModel: CareModel?
    public var areaCodes: [String]
    public var population: Int?
    public var partners: [ProposedPartner]
    /// Answers by question key.
    public var answers: [String: String]
    public var commitments: [MetricCommitment]
    public var sustainabilityPounds: Int?
    public var transformationPounds: Int?

    public init(
        partnershipName: String = "", careModel: CareModel? = nil, areaCodes: [String] = [], population: Int? = nil,
        partners: [ProposedPartner] = [], answers: [String: String] = [:], commitments: [MetricCommitment] = [],
        sustainabilityPounds: Int? = nil, transformationPounds: Int? = nil
    ) {
        self.partnershipName = partnershipName
        self.careModel = careModel
        self.areaCodes = areaCodes
        self.population = population
        self.partners = partners
        self.answers = answers
        self.commitments = commitments
        self.sustainabilityPounds = sustainabilityPounds
        self.transformationPounds = transformationPounds
    }

    public var totalFundingPounds: Int { (sustainabilityPounds ?? 0) + (transformationPounds ?? 0) }
}

/// An organisation in the applicant partnership: one already in the directory, or a new one.
public struct ProposedPartner: Sendable, Equatable, Codable {
    public var name: String
    public var sector: Sector
    public var odsCode: String?

    public init(name: String, sector: Sector, odsCode: String?) {
        self.name = name
        self.sector = sector
        self.odsCode = odsCode
    }
}

/// A metric the partnership says it will move, and by how much (per cent; negative is a fall).
public struct MetricCommitment: Sendable, Equatable, Codable {
    public var metricCode: String
    public var changePercent: Double

    public init(metricCode: String, changePercent: Double) {
        self.metricCode = metricCode
        self.changePercent = changePercent
    }
}
