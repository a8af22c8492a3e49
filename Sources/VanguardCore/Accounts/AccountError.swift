/// Why an account operation was refused, in words a person can act on.
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(field: String, reason: String)

    public var field: String {
        switch self {
        case .invalid(let field, _): field
        }
    }

    public var reason: String {
        switch self {
        case .invalid(_, let reason): reason
        }
    }

    public var description: String { "\(field): \(reason)" }
}
