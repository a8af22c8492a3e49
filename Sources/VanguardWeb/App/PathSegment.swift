import Foundation
import Vapor

/// One piece of an address: a fixed word, or a value a route reads by name. `SiteURL` states each
/// address once as segments; links are its values joined, routes its names as `:parameter`s.
enum PathSegment: Hashable, ExpressibleByStringLiteral {
    case constant(String)
    case parameter(String, value: String)

    init(stringLiteral value: String) {
        self = .constant(value)
    }

    static func parameter(_ name: String, _ value: some CustomStringConvertible) -> PathSegment {
        .parameter(name, value: value.description)
    }

    /// The segment as written in a link.
    var linked: String {
        switch self {
        case .constant(let word): word
        case .parameter(_, let value): value.urlPathEncoded
        }
    }

    /// The segment as a route matches it.
    var routed: PathComponent {
        switch self {
        case .constant(let word): .constant(word)
        case .parameter(let name, _): .parameter(name)
        }
    }
}

extension SiteURL {
    /// The address as a link, with each value percent-encoded.
    var path: String {
        "/" + segments.map(\.linked).joined(separator: "/")
    }

    /// The address as a route pattern: its values stand for `:parameter`s by name.
    var pathComponents: [PathComponent] {
        segments.map(\.routed)
    }
}

// Stand-ins for a route's values: `.vanguard(.parameter)` is the route for every vanguard's page.
extension Int {
    static let parameter = 0
}

extension String {
    static let parameter = ""
}

extension UUID {
    static let parameter = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}
