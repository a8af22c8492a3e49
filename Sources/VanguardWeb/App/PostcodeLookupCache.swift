import Foundation
import NIOConcurrencyHelpers
import VanguardCore

/// The postcode lookup read once per process from `.vendor/postcodes/postcode_sectors.csv` (made by
/// `scripts/fetch-assets.sh`), on first use, so starting an app (or a test) does not pay for it.
/// Nil when the file is not there: search then says postcodes cannot be searched.
enum PostcodeLookupCache {
    private static let loaded = NIOLockedValueBox<[String: PostcodeLookup?]>([:])

    static func lookup(vendorDirectory: URL) -> PostcodeLookup? {
        let file = vendorDirectory.appendingPathComponent("postcodes/postcode_sectors.csv")
        return loaded.withLockedValue { cache in
            if let known = cache[file.path] { return known }
            let lookup = (try? Data(contentsOf: file)).flatMap { data in
                try? PostcodeLookup(table: CSVTable(fileName: "postcode_sectors.csv", data: data))
            }
            cache[file.path] = .some(lookup)
            return lookup
        }
    }
}
