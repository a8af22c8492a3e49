import Foundation

/// The published funnel of a call: how many applications reached each stage, by care model and
/// by region. Eligibility is checked when an application is submitted, so every submitted
/// application is eligible; drafts never submitted are counted as started.
public struct SelectionFunnel: Sendable, Equatable {
    public enum Stage: String, Sendable, CaseIterable {
        case started, applied, shortlisted, selected

        public var name: String {
            switch self {
            case .started: "Started"
            case .applied: "Applied and eligible"
            case .shortlisted: "Shortlisted"
            case .selected: "Selected"
            }
        }
    }

    public struct Entry: Sendable {
        public let status: ApplicationStatus
        public let careModel: CareModel?
        /// Every region the footprint touches.
        public let regions: [String]
        /// Set when the application reached the shortlist (a decision after it keeps this true).
        public let wasShortlisted: Bool

        public init(status: ApplicationStatus, careModel: CareModel?, regions: [String], wasShortlisted: Bool) {
            self.status = status
            self.careModel = careModel
            self.regions = regions
            self.wasShortlisted = wasShortlisted
        }

        func reached(_ stage: Stage) -> Bool {
            switch stage {
            case .started: true
            case .applied: status != .draft
            case .shortlisted: wasShortlisted || status == .shortlisted
            case .selected: status == .selected
            }
        }
    }

    public let totals: [Stage: Int]
    public let byCareModel: [Stage: [CareModel: Int]]
    public let byRegion: [Stage: [String: Int]]

    public init(_ entries: [Entry]) {
        var totals: [Stage: Int] = [:], byCareModel: [Stage: [CareModel: Int]] = [:], byRegion: [Stage: [String: Int]] = [:]
        for stage in Stage.allCases {
            let reached = entries.filter { $0.reached(stage) }
            totals[stage] = reached.count
            for entry in reached {
                if let model = entry.careModel { byCareModel[stage, default: [:]][model, default: 0] += 1 }
                for region in Set(entry.regions) { byRegion[stage, default: [:]][region, default: 0] += 1 }
            }
        }
        self.totals = totals
        self.byCareModel = byCareModel
        self.byRegion = byRegion
    }
}

extension SelectionFunnel {
    /// A call's funnel from its applications and their decisions, with the regions each footprint
    /// touches: what the call's page and the API both publish.
    public init(applications: [CallApplication], decisions: [UUID: SelectionDecision], registry: Registry) {
        self.init(
            applications.map { application in
                Entry(
                    status: application.status, careModel: application.content.careModel,
                    regions: registry.regionNames(of: application.content.areaCodes),
                    wasShortlisted: decisions[application.id]?.wasShortlisted ?? false)
            })
    }
}
