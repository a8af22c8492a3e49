import FluentKit
import Foundation
import VanguardCore

/// A plan's signers are no longer whoever its lead lists: they are the place's confirmed partners
/// (the registry's for a vanguard, the programme team's word for anyone else). Plans written
/// before this keep the partners they were signed under, recorded as confirmed, so money already
/// allocated against them stays explained.
struct Migration0019ConfirmedPartners: AsyncMigration {
    var name: String { "0019_confirmed_partners" }

    func prepare(on database: any Database) async throws {
        try await database.schema(FundingPlanRecord.schema).field("confirmed_partners", .string, .required, .sql(.default("[]"))).update()
        for plan in try await FundingPlanRecord.query(on: database).all() {
            guard let id = plan.id,
                let latest = try await FundingPlanVersionRecord.query(on: database).filter(\.$planID == id).sort(\.$number, .descending)
                    .first(),
                let content = try? SelectionStore.decode(FundingPlanContent.self, latest.content)
            else { continue }
            plan.confirmedPartners = try SelectionStore.json(content.partners.sorted())
            try await plan.update(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FundingPlanRecord.schema).deleteField("confirmed_partners").update()
    }
}
