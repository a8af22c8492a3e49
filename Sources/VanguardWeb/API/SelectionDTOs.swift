import Foundation
import VanguardCore
import Vapor

/// A call as the public reads it; once closed, its funnel and who was selected.
struct CallDTO: Content {
    struct Funnel: Codable, Sendable {
        /// Stage → count: started, applied, shortlisted, selected.
        let totals: [String: Int]
        let byCareModel: [String: [String: Int]]
        let byRegion: [String: [String: Int]]

        enum CodingKeys: String, CodingKey {
            case totals
            case byCareModel = "by_care_model", byRegion = "by_region"
        }

        init(_ funnel: SelectionFunnel) {
            totals = Dictionary(uniqueKeysWithValues: SelectionFunnel.Stage.allCases.map { ($0.rawValue, funnel.totals[$0] ?? 0) })
            byCareModel = Dictionary(
                uniqueKeysWithValues: SelectionFunnel.Stage.allCases.map { stage in
                    (
                        stage.rawValue,
                        Dictionary(uniqueKeysWithValues: (funnel.byCareModel[stage] ?? [:]).map { ($0.key.rawValue, $0.value) })
                    )
                })
            byRegion = Dictionary(uniqueKeysWithValues: SelectionFunnel.Stage.allCases.map { ($0.rawValue, funnel.byRegion[$0] ?? [:]) })
        }
    }

    struct Selected: Codable, Sendable {
        let partnership: String
        let vanguardNumber: Int

        enum CodingKeys: String, CodingKey {
            case partnership
            case vanguardNumber = "vanguard_number"
        }
    }

    let id: UUID
    let title: String
    let description: String
    let opensAt: Date
    let closesAt: Date
    let phase: String
    let careModels: [String]
    let url: String
    @NullWhenAbsent var funnel: Funnel?
    let selected: [Selected]
    let fastFollowers: [String]

    enum CodingKeys: String, CodingKey {
        case id, title, description, phase, url, funnel, selected
        case opensAt = "opens_at", closesAt = "closes_at", careModels = "care_models", fastFollowers = "fast_followers"
    }
}
