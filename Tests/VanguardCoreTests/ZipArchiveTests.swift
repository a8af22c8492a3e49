import Foundation
import Testing

@testable import VanguardCore

@Suite struct ZipArchiveTests {
    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    /// Reads the archive back the way an unzip tool does: from the end record to the central
    /// directory to each local header.
    @Test func anArchiveReadsBackThroughItsCentralDirectory() throws {
        var archive = ZipArchive(modified: Date(timeIntervalSince1970: 1_733_270_400))  // 2024-12-04 00:00 UTC
        archive.add("summary.csv", text: "metric,value\r\nemergency_admissions,8.1\r\n")
        archive.add("notes/README.txt", text: "Café – generated data\n")
        let bytes = archive.bytes
        func le16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func le32(_ at: Int) -> Int { le16(at) | le16(at + 2) << 16 }
        let end = bytes.count - 22
        #expect(le32(end) == 0x0605_4b50)
        #expect(le16(end + 10) == 2)
        var cursor = le32(end + 16)
        var read: [String: String] = [:]
        for _ in 0..<2 {
            #expect(le32(cursor) == 0x0201_4b50)
            let crc = le32(cursor + 16), size = le32(cursor + 24), nameLength = le16(cursor + 28), local = le32(cursor + 42)
            let name = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
            #expect(le32(local) == 0x0403_4b50)
            #expect(le16(local + 12) == (44 << 9 | 12 << 5 | 4))  // the DOS date 2024-12-04: years from 1980
            let start = local + 30 + le16(local + 26)
            let content = Array(bytes[start..<(start + size)])
            #expect(UInt32(crc) == CRC32.checksum(content))
            read[name] = String(decoding: content, as: UTF8.self)
            cursor += 46 + nameLength
        }
        #expect(read == ["summary.csv": "metric,value\r\nemergency_admissions,8.1\r\n", "notes/README.txt": "Café – generated data\n"])
        #expect(cursor == end)
    }
}
