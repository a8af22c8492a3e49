/// A path on this site that is safe to redirect to, read the way a browser would read a `Location`.
///
/// Browsers drop tabs and newlines inside URLs and treat `\` as `/`, so "/\t/evil.example" and
/// "/\\evil.example" both mean "//evil.example", another site. Rather than list the tricks, only
/// printable ASCII without backslashes is accepted, and the path must not begin with two slashes
/// (a network-path reference) in any spelling.
public struct SameOriginPath: Hashable, Sendable {
    public let value: String

    public init?(_ text: String) {
        let scalars = text.unicodeScalars
        guard text.count <= 2_000, let first = scalars.first, first == "/" else { return nil }
        // Printable ASCII only: no controls, spaces, DEL or non-ASCII lookalikes.
        guard scalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }) else { return nil }
        let second = scalars.dropFirst().first
        guard second != "/" else { return nil }
        // Percent-encoded controls, slashes or backslashes can be decoded by a proxy on the way.
        let lowered = text.lowercased()
        guard !["%2f", "%5c", "%09", "%0a", "%0d", "%00"].contains(where: { lowered.hasPrefix("/" + $0) }) else { return nil }
        value = text
    }
}
