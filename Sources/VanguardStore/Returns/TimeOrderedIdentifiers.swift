import Foundation

/// Identifiers for a batch of new rows that sort in the order they were made (UUID version 7 with
/// a monotonic counter, RFC 9562 §6.2 method 2): the time in milliseconds, then a random start
/// counted up by one per row.
///
/// Why: a million random identifiers land all over the primary-key index, and each insert touches
/// a different page of it; ordered ones are appended at its end, which made the import's writes
/// several times faster on SQLite (where identifiers are text, and upper-case hex sorts as the
/// number does) and keeps PostgreSQL's B-tree compact.
struct TimeOrderedIdentifiers: IteratorProtocol {
    private var high: UInt64
    private var low: UInt64

    init(at date: Date = Date()) {
        var random = SystemRandomNumberGenerator()
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000)) & 0xFFFF_FFFF_FFFF
        // 48 bits of time, version 7, then 12 random bits; the low half keeps the variant bits and
        // starts in its lower half so a million rows cannot carry into the high half.
        high = milliseconds << 16 | 0x7000 | (random.next() & 0x0FFF)
        low = 0x8000_0000_0000_0000 | (random.next() & 0x1FFF_FFFF_FFFF_FFFF)
    }

    mutating func next() -> UUID? {
        defer { low += 1 }
        return UUID(uuid: Self.bytes(high, low))
    }

    /// `uuid.uuidString` (upper case, the form Fluent stores on SQLite), without the C formatting
    /// Foundation uses for it, which was a tenth of a million-row write.
    static func text(of uuid: UUID) -> String {
        withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { buffer in
                var at = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        buffer[at] = UInt8(ascii: "-")
                        at += 1
                    }
                    buffer[at] = hexDigit(byte >> 4)
                    buffer[at + 1] = hexDigit(byte & 0x0F)
                    at += 2
                }
                return at
            }
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }

    private static func bytes(_ high: UInt64, _ low: UInt64) -> uuid_t {
        let h = high.bigEndian, l = low.bigEndian
        return withUnsafeBytes(of: (h, l)) { raw in
            raw.load(as: uuid_t.self)
        }
    }
}
