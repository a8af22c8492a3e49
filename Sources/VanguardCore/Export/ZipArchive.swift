import Foundation

/// A ZIP archive of stored (uncompressed) files, for bundles of CSV a person can send on.
///
/// Stored entries keep this dependency-free: a progress report's CSVs are tens of kilobytes, so
/// deflate would save little. Names are flagged UTF-8 (general-purpose bit 11) so every unzip tool
/// reads them the same way.
public struct ZipArchive: Sendable {
    public struct Entry: Sendable, Equatable {
        public let name: String
        public let bytes: [UInt8]
    }

    public private(set) var entries: [Entry] = []
    /// The modification time written for every entry, so one bundle is byte-for-byte reproducible.
    public let modified: Date

    public init(modified: Date) {
        self.modified = modified
    }

    public mutating func add(_ name: String, text: String) {
        entries.append(Entry(name: name, bytes: Array(text.utf8)))
    }

    /// The archive's bytes: each entry's local header and data, the central directory, its end record.
    public var bytes: [UInt8] {
        var output: [UInt8] = []
        var central: [UInt8] = []
        let (time, date) = Self.dosTimestamp(modified)
        for entry in entries {
            let name = Array(entry.name.utf8)
            let crc = CRC32.checksum(entry.bytes)
            let offset = UInt32(output.count)
            output.append(le32: 0x0403_4b50)
            output.append(le16: 20)  // version needed: 2.0
            output.append(le16: 0x0800)  // UTF-8 names
            output.append(le16: 0)  // stored
            output.append(le16: time)
            output.append(le16: date)
            output.append(le32: crc)
            output.append(le32: UInt32(entry.bytes.count))
            output.append(le32: UInt32(entry.bytes.count))
            output.append(le16: UInt16(name.count))
            output.append(le16: 0)
            output += name
            output += entry.bytes

            central.append(le32: 0x0201_4b50)
            central.append(le16: 0x0314)  // made by: Unix, 2.0
            central.append(le16: 20)
            central.append(le16: 0x0800)
            central.append(le16: 0)
            central.append(le16: time)
            central.append(le16: date)
            central.append(le32: crc)
            central.append(le32: UInt32(entry.bytes.count))
            central.append(le32: UInt32(entry.bytes.count))
            central.append(le16: UInt16(name.count))
            central.append(le16: 0)  // extra
            central.append(le16: 0)  // comment
            central.append(le16: 0)  // disk
            central.append(le16: 0)  // internal attributes
            central.append(le32: 0o100644 << 16)  // a regular file, rw-r--r--
            central.append(le32: offset)
            central += name
        }
        let centralOffset = UInt32(output.count)
        output += central
        output.append(le32: 0x0605_4b50)
        output.append(le16: 0)
        output.append(le16: 0)
        output.append(le16: UInt16(entries.count))
        output.append(le16: UInt16(entries.count))
        output.append(le32: UInt32(central.count))
        output.append(le32: centralOffset)
        output.append(le16: 0)
        return output
    }

    /// MS-DOS time and date, in UTC, as ZIP stores them (two-second resolution, years from 1980).
    static func dosTimestamp(_ date: Date) -> (time: UInt16, date: UInt16) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = max(0, (parts.year ?? 1980) - 1980)
        let time = UInt16((parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2)
        let day = UInt16(year << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1))
        return (time, day)
    }
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) as ZIP requires.
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

extension [UInt8] {
    mutating func append(le16 value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func append(le32 value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
