/// An image uploaded for a post, accepted only when its bytes say it is a PNG, JPEG, GIF or WebP
/// (whatever its name or declared type). SVG is refused: it can carry script.
public enum PostImage {
    public static let maximumBytes = 2 * 1024 * 1024

    public enum Format: String, Sendable, CaseIterable {
        case png, jpeg, gif, webp

        public var mediaType: String { "image/\(rawValue)" }
    }

    /// The format the bytes begin with, or why the upload is refused (naming the field).
    public static func check(_ bytes: [UInt8]) throws(ValidationError) -> Format {
        if bytes.isEmpty { throw .invalid(field: "image", reason: "Choose an image file") }
        if bytes.count > maximumBytes {
            throw .invalid(field: "image", reason: "The image is \(bytes.count / 1024) KB; the limit is \(maximumBytes / 1024 / 1024) MB")
        }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return .gif }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return .webp }
        throw .invalid(field: "image", reason: "This file is not a PNG, JPEG, GIF or WebP image")
    }
}
