/// What a person may do in the programme. An account can hold several roles; some are scoped.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    /// Runs calls, selection, funding and the metric framework; moderates; manages accounts.
    case programmeTeam = "programme_team"
    /// Scores the applications assigned to them.
    case assessor
    /// Acts for one vanguard: its profile, returns, posts, API tokens.
    case siteLead = "site_lead"
    /// Signs for one partner organisation.
    case partnerSignatory = "partner_signatory"
    /// Any signed-in person: comments, subscribes, records adoptions.
    case member

    public var name: String {
        switch self {
        case .programmeTeam: "Programme team"
        case .assessor: "Assessor"
        case .siteLead: "Site lead"
        case .partnerSignatory: "Partner signatory"
        case .member: "Member"
        }
    }

    /// The kind of thing a grant of this role must name, if any.
    public var scopeKind: Scope.Kind? {
        switch self {
        case .siteLead: .vanguard
        case .partnerSignatory: .organisation
        case .programmeTeam, .assessor, .member: nil
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The vanguard or organisation a scoped role or action is about.
public enum Scope: Hashable, Sendable, Codable, CustomStringConvertible {
    case vanguard(Int)
    case organisation(String)

    public enum Kind: String, Sendable, Codable {
        case vanguard, organisation
    }

    public var kind: Kind {
        switch self {
        case .vanguard: .vanguard
        case .organisation: .organisation
        }
    }

    public var description: String {
        switch self {
        case .vanguard(let number): "vanguard \(number)"
        case .organisation(let slug): "organisation \(slug)"
        }
    }
}

/// One role held by one account, with its scope when the role is scoped.
public struct RoleGrant: Hashable, Sendable, Codable {
    public let role: Role
    public let scope: Scope?

    /// Refuses a scoped role without its scope, or a scope of the wrong kind.
    public init(role: Role, scope: Scope?) throws(ValidationError) {
        switch (role.scopeKind, scope) {
        case (nil, nil):
            break
        case (nil, .some):
            throw .invalid(field: "scope", reason: "the \(role.name.lowercased()) role is not scoped to a vanguard or organisation")
        case (.some(let kind), nil):
            throw .invalid(field: "scope", reason: "the \(role.name.lowercased()) role needs a \(kind.rawValue)")
        case (.some(let kind), .some(let given)) where given.kind != kind:
            throw .invalid(
                field: "scope", reason: "the \(role.name.lowercased()) role is scoped to a \(kind.rawValue), not a \(given.kind.rawValue)")
        default:
            break
        }
        self.role = role
        self.scope = scope
    }
}
