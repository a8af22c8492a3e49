/// An assessor's declared interest: an organisation they work for or with, or an area they
/// serve. Any application naming that organisation or covering that area is one they must not assess.
public enum ConflictOfInterest: Sendable, Hashable, Codable {
    case organisation(name: String)
    case area(code: String)

    /// Whether the interest touches the application: organisation names compare without case or
    /// surrounding space, as applicants and assessors type them differently.
    public func touches(_ content: ApplicationContent) -> Bool {
        switch self {
        case .organisation(let name):
            let key = Self.normalised(name)
            return content.partners.contains { Self.normalised($0.name) == key }
        case .area(let code):
            return content.areaCodes.contains(code.uppercased())
        }
    }

    static func normalised(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
