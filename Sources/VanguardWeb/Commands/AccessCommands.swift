import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// The options naming one role, as `users grant` and `users revoke` read them.
struct RoleOptions {
    static func grant(role: String?, vanguard: Int?, organisation: String?) throws -> RoleGrant {
        guard let text = role, let role = Role(rawValue: text), role != .member else {
            throw ValidationError.invalid(
                field: "role",
                reason: "Give --role, one of \(Role.allCases.filter { $0 != .member }.map(\.rawValue).joined(separator: ", "))")
        }
        let scope: Scope? =
            switch role.scopeKind {
            case .vanguard: vanguard.map(Scope.vanguard)
            case .organisation: organisation.map(Scope.organisation)
            case nil: nil
            }
        return try RoleGrant(role: role, scope: scope)
    }

    static func account(_ email: String?, in store: AccountStore) async throws -> Account {
        guard let account = try await store.account(email: try EmailAddress(email ?? "").value) else {
            throw ValidationError.invalid(field: "email", reason: "No account has that e-mail address")
        }
        return account
    }

    static func describe(_ grant: RoleGrant) -> String {
        grant.role.rawValue + (grant.scope.map { " for \($0)" } ?? "")
    }
}

/// One account and one role, as `users grant` and `users revoke` take them.
struct RoleChangeSignature: CommandSignature {
    @Option(name: "email", help: "The account's e-mail address")
    var email: String?
    @Option(name: "role", help: "programme_team, assessor, site_lead or partner_signatory")
    var role: String?
    @Option(name: "vanguard", help: "The vanguard number, for a site lead")
    var vanguard: Int?
    @Option(name: "organisation", help: "The organisation's directory address, for a partner signatory")
    var organisation: String?

    init() {}

    /// The account named and the role described, or an error naming the option that is wrong.
    func read(in store: AccountStore) async throws -> (Account, RoleGrant) {
        (try await RoleOptions.account(email, in: store), try RoleOptions.grant(role: role, vanguard: vanguard, organisation: organisation))
    }
}

/// `vanguard users list`: every account with its roles.
struct ListUsersCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Lists every account: e-mail address, name, whether confirmed, and roles." }

    func run(using context: CommandContext, signature: Signature) async throws {
        for account in try await AccountStore(on: context.application).accounts() {
            let roles = account.roleGrants.isEmpty ? "member" : account.roleGrants.map(RoleOptions.describe).joined(separator: "; ")
            context.console.print(
                "\(account.email)\t\(account.displayName)\t\(account.isConfirmed ? "confirmed" : "unconfirmed")\t\(roles)")
        }
    }
}

/// `vanguard users grant`: gives an account a role, audited as made at the CLI.
struct GrantRoleCommand: AsyncCommand {
    typealias Signature = RoleChangeSignature

    var help: String { "Gives an account a role (with its vanguard or organisation). Audited as made at the CLI." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let store = AccountStore(on: context.application)
        let (account, grant) = try await signature.read(in: store)
        try await store.grant(grant, to: account.id, by: .operatorAtCLI())
        context.console.print("\(account.email) now holds \(RoleOptions.describe(grant)).")
    }
}

/// `vanguard users revoke`: takes a role away; tokens that relied on it stop working at once.
struct RevokeRoleCommand: AsyncCommand {
    typealias Signature = RoleChangeSignature

    var help: String { "Takes a role from an account; API tokens that acted with it stop working at once. Audited as made at the CLI." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let store = AccountStore(on: context.application)
        let (account, grant) = try await signature.read(in: store)
        guard let stored = account.grants.first(where: { $0.grant == grant }) else {
            throw ValidationError.invalid(field: "role", reason: "\(account.email) does not hold \(RoleOptions.describe(grant))")
        }
        try await store.revokeGrant(stored.id, from: account.id, by: .operatorAtCLI())
        context.console.print("\(account.email) no longer holds \(RoleOptions.describe(grant)).")
    }
}

/// `vanguard tokens list`: every token (or one account's), never the secret.
struct ListTokensCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "Only this account's tokens")
        var email: String?
    }

    var help: String { "Lists API tokens: id, owner, what it acts for, first characters, created, expires, last used and state." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let store = AccountStore(on: context.application)
        let owner = try signature.email.map { try EmailAddress($0).value }
        let now = context.application.now
        for (token, email) in try await store.allTokens() where owner == nil || email == owner {
            let state = token.revokedAt != nil ? "revoked" : (token.isLive(at: now) ? "live" : "expired")
            let fields = [
                token.id.uuidString, email, token.vanguardNumber.map { "vanguard \($0)" } ?? "programme", token.prefix + "…", token.name,
                "created \(CalendarText.dateTime(token.createdAt))", "expires \(token.expiresAt.map(CalendarText.dateTime) ?? "–")",
                "last used \(token.lastUsedAt.map(CalendarText.dateTime) ?? "never")", state,
            ]
            context.console.print(fields.joined(separator: "\t"))
        }
    }
}

/// `vanguard tokens revoke`: stops a token at once, whoever owns it.
struct RevokeTokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "id", help: "The token's id, as `vanguard tokens list` prints it")
        var id: String?
    }

    var help: String { "Revokes an API token by its id. Audited as made at the CLI." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let id = signature.id.flatMap(UUID.init(uuidString:)) else {
            throw ValidationError.invalid(field: "id", reason: "Give --id, a token id as vanguard tokens list prints it")
        }
        try await AccountStore(on: context.application).revokeToken(id, ownedBy: nil, by: .operatorAtCLI())
        context.console.print("Revoked \(id.uuidString).")
    }
}
