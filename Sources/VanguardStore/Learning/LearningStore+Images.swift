import FluentKit
import Foundation
import VanguardCore

/// Images uploaded for posts: checked by their bytes, kept in the database, served by id.
extension LearningStore {
    public func saveImage(_ bytes: [UInt8], by account: UUID) async throws -> UUID {
        let format = try PostImage.check(bytes)
        let record = PostImageRecord()
        record.id = UUID()
        record.mediaType = format.mediaType
        record.bytes = Data(bytes)
        record.uploadedBy = account
        record.uploadedAt = now()
        try await record.create(on: database)
        return record.id!
    }

    public func image(_ id: UUID) async throws -> (mediaType: String, bytes: Data)? {
        try await PostImageRecord.find(id, on: database).map { ($0.mediaType, $0.bytes) }
    }
}
