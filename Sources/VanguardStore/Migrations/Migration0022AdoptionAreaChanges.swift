import FluentKit
import Foundation

/// Adoptions recorded before their area's changes were kept get them now. It runs last because it
/// reads metrics through today's model, whose columns the migrations before it add (it was part of
/// 0017, where a database upgrading from before 0017 with adoptions would have read columns not
/// there yet).
struct Migration0022AdoptionAreaChanges: AsyncMigration {
    var name: String { "0022_adoption_area_changes" }

    func prepare(on database: any Database) async throws {
        let missing = try await AdoptionRecord.query(on: database).filter(\.$areaChanges == nil).all()
        guard !missing.isEmpty else { return }
        let innovations = try await InnovationStore(database: database).innovations()
        for record in missing {
            guard let innovation = innovations.first(where: { $0.slug == record.innovationSlug }) else { continue }
            let changes = try await InnovationStore.areaChanges(area: record.areaCode, careModel: innovation.careModel, on: database)
            record.areaChanges = String(decoding: try JSONEncoder().encode(changes), as: UTF8.self)
            try await record.update(on: database)
        }
    }

    func revert(on database: any Database) async throws {}
}
