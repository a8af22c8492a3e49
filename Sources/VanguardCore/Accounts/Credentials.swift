import Foundation

/// A syntactically plausible e-mail address, lower-cased so one person has one account.
public struct EmailAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ text: String) throws(ValidationError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !trimmed.isEmpty else { throw .invalid(field: "email", reason: "Enter an e-mail address") }
        guard trimmed.utf8.count <= 254 else { throw .invalid(field: "email", reason: "An e-mail address can be at most 254 characters") }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64,
            parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains(".."),
            trimmed.allSatisfy({ !$0.isWhitespace && $0 != "<" && $0 != ">" && $0 != "\"" && $0 != "," })
        else {
            throw .invalid(field: "email", reason: "Enter an e-mail address in the right form, like name@example.nhs.uk")
        }
        value = trimmed
    }

    public var description: String { value }
}

/// The rules a new password must meet (NCSC guidance: length over complexity, no common passwords).
public enum PasswordPolicy {
    public static let minimumLength = 12
    /// bcrypt reads at most 72 bytes; longer passwords would be silently truncated, so refuse them.
    public static let maximumBytes = 72

    public static func check(_ password: String, email: EmailAddress? = nil) throws(ValidationError) {
        guard password.count >= minimumLength else {
            throw .invalid(field: "password", reason: "Use at least \(minimumLength) characters")
        }
        guard password.utf8.count <= maximumBytes else {
            throw .invalid(field: "password", reason: "Use at most \(maximumBytes) bytes (about \(maximumBytes) letters)")
        }
        let lowered = password.lowercased()
        if CommonPasswords.all.contains(lowered) {
            throw .invalid(field: "password", reason: "This password is one of the most common; choose another")
        }
        if let email, lowered.contains(email.value.split(separator: "@")[0]) && email.value.split(separator: "@")[0].count >= 4 {
            throw .invalid(field: "password", reason: "Do not use your e-mail address in your password")
        }
        if Set(lowered).count <= 2 {
            throw .invalid(field: "password", reason: "This password repeats one or two characters; choose another")
        }
    }
}

/// Text fields that end up on pages are bounded, so nobody can fill the database through a form.
public enum FieldLimits {
    public static func check(_ value: String, field: String, maximum: Int, required: Bool = true) throws(ValidationError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if required && trimmed.isEmpty {
            throw .invalid(field: field, reason: "Enter your \(field.replacingOccurrences(of: "_", with: " "))")
        }
        guard trimmed.count <= maximum else {
            throw .invalid(field: field, reason: "Use at most \(maximum) characters")
        }
        return trimmed
    }
}
