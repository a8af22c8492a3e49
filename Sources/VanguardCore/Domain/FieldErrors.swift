/// What was wrong with a submitted form, by field name, to show beside each field.
public struct FieldErrors: Error, Equatable, Sendable {
    public let byField: [String: String]

    public init(byField: [String: String]) {
        self.byField = byField
    }

    public init(_ error: ValidationError) {
        byField = error.byField
    }
}

extension ValidationError {
    /// The error as a form shows it, beside its field. (Uncaught, the web layer answers 400 naming the field.)
    public var byField: [String: String] { [field: reason] }
}

/// Reads a form field by field, keeping each field's first problem, so a person sees every
/// problem at once rather than one per attempt.
public struct FormReading {
    public private(set) var errors: [String: String] = [:]

    /// The value `read` gives, or `otherwise` with its problem noted.
    public init() {}

    public mutating func read<T>(_ otherwise: T, _ read: () throws(ValidationError) -> T) -> T {
        do { return try read() } catch {
            note(error.field, error.reason)
            return otherwise
        }
    }

    public mutating func note(_ field: String, _ reason: String) {
        errors[field] = errors[field] ?? reason
    }

    public func result<T>(_ value: T) -> Result<T, FieldErrors> {
        errors.isEmpty ? .success(value) : .failure(FieldErrors(byField: errors))
    }
}
