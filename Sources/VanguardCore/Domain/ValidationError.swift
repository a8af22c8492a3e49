/// Why something a person or program sent was refused: the field at fault and the reason, in words
/// they can act on. Every feature's rules throw it; the web layer turns it into a form's error beside
/// the field, or a 400 naming the field for the API.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public static func invalid(field: String, reason: String) -> ValidationError {
        ValidationError(field: field, reason: reason)
    }

    public var description: String { "\(field): \(reason)" }
}
