import FluentKit

extension Array where Element: Model {
    /// Inserts in batches, so no statement exceeds SQLite's limit on bound parameters.
    func create(on database: any Database, inChunksOf size: Int, progress: (Int) -> Void = { _ in }) async throws {
        for start in stride(from: 0, to: count, by: size) {
            let end = Swift.min(start + size, count)
            try await Array(self[start..<end]).create(on: database)
            progress(end)
        }
    }
}
