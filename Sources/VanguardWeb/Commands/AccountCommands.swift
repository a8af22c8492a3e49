import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// `vanguard users create`: creates an account with a role, e.g. the first programme-team account.
struct UsersCommand: AsyncCommandGroup {
    var help: String { "Manage accounts from the command line." }
    var commands: [String: any AnyAsyncCommand] {
        ["create": CreateUserCommand(), "list": ListUsersCommand(), "grant": GrantRoleCommand(), "revoke": RevokeRoleCommand()]
    }
}

struct CreateUserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The account's e-mail address")
        var email: String?
        @Option(name: "role", help: "programme_team, assessor, site_lead, partner_signatory or member")
        var role: String?
        @Option(name: "vanguard", help: "The vanguard number, for a site lead")
        var vanguard: Int?
        @Option(name: "organisation", help: "The organisation's directory address, for a partner signatory")
        var organisation: String?
        @Option(name: "name", help: "The name shown for the account (defaults to the e-mail address)")
        var name: String?
        @Flag(name: "password-stdin", help: "Read the password from standard input instead of asking")
        var passwordStdin: Bool
    }

    var help: String {
        "Creates a confirmed account with a role. Without --password-stdin it asks for the password without echoing it. The change is audited as made at the CLI."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let email = try EmailAddress(signature.email ?? "")
        guard let roleText = signature.role, let role = Role(rawValue: roleText) else {
            throw ValidationError.invalid(
                field: "role", reason: "Give --role, one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let scope: Scope? =
            switch role.scopeKind {
            case .vanguard: signature.vanguard.map(Scope.vanguard)
            case .organisation: signature.organisation.map(Scope.organisation)
            case nil: nil
            }
        let grants = role == .member ? [] : [try RoleGrant(role: role, scope: scope)]
        let password: String
        if signature.passwordStdin {
            password = (readLine(strippingNewline: true) ?? "")
        } else {
            context.console.output("Password for \(email.value): ", newLine: false)
            password = context.console.input(isSecure: true)
        }
        try PasswordPolicy.check(password, email: email)
        let hash = try await app.passwordHasher.hash(password)
        let account = try await AccountStore(on: app).createAccount(
            email: email, displayName: try FieldLimits.check(signature.name ?? email.value, field: "name", maximum: 100), organisation: nil,
            passwordHash: hash, confirmed: true, grants: grants, by: .operatorAtCLI()
        )
        context.console.print(
            "Created \(account.email) (\(account.id.uuidString)) with role \(role.rawValue)\(scope.map { " for \($0)" } ?? "").")
    }
}

/// `vanguard tokens create`: prints a new API token once.
struct TokensCommand: AsyncCommandGroup {
    var help: String { "Manage API tokens from the command line." }
    var commands: [String: any AnyAsyncCommand] {
        ["create": CreateTokenCommand(), "list": ListTokensCommand(), "revoke": RevokeTokenCommand()]
    }
}

struct CreateTokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The account the token acts for")
        var email: String?
        @Option(name: "vanguard", help: "The vanguard the token may submit data for (defaults to the account's only site-lead vanguard)")
        var vanguard: Int?
        @Option(name: "name", help: "What the token is for")
        var name: String?
        @Flag(name: "programme", help: "A programme token (programme team only): edits the metric framework and rebase points")
        var programme: Bool
    }

    var help: String {
        "Creates an API token for a site lead's vanguard, or with --programme a programme token, and prints it once; only its hash is stored."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let store = AccountStore(on: context.application)
        guard let account = try await store.account(email: try EmailAddress(signature.email ?? "").value) else {
            throw ValidationError.invalid(field: "email", reason: "No account has that e-mail address")
        }
        let led = account.roleGrants.compactMap { grant -> Int? in
            if grant.role == .siteLead, case .vanguard(let number) = grant.scope { return number }
            return nil
        }
        let isProgrammeTeam = account.roleGrants.contains { $0.role == .programmeTeam }
        let secret = Secrets.make(prefix: "vg_")
        if signature.programme {
            _ = try await store.createToken(
                secretHash: Secrets.hash(secret), prefix: String(secret.prefix(10)), name: signature.name ?? "created at the CLI",
                vanguard: nil, for: account.id, lifetime: context.application.appConfig.tokenLifetime, by: .operatorAtCLI()
            )
            context.console.print(secret)
            return
        }
        guard let vanguard = signature.vanguard ?? (led.count == 1 ? led[0] : nil) else {
            throw ValidationError.invalid(
                field: "vanguard",
                reason: "Give --vanguard (the account leads \(led.isEmpty ? "no vanguard" : led.map(String.init).joined(separator: ", ")))")
        }
        guard isProgrammeTeam || led.contains(vanguard) else {
            throw ValidationError.invalid(field: "vanguard", reason: "\(account.email) is not a site lead for vanguard \(vanguard)")
        }
        _ = try await store.createToken(
            secretHash: Secrets.hash(secret), prefix: String(secret.prefix(10)), name: signature.name ?? "created at the CLI",
            vanguard: vanguard, for: account.id, lifetime: context.application.appConfig.tokenLifetime, by: .operatorAtCLI()
        )
        context.console.print(secret)
    }
}

/// `vanguard outbox list`: the messages waiting in the outbox.
struct OutboxCommand: AsyncCommandGroup {
    var help: String { "Read the e-mail outbox." }
    var commands: [String: any AnyAsyncCommand] { ["list": ListOutboxCommand(), "send": SendOutboxCommand()] }
}

struct ListOutboxCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "limit", help: "How many messages, newest first (default 20)")
        var limit: Int?
    }

    var help: String { "Prints the newest messages in the outbox." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let limit = signature.limit ?? 20
        guard (1...1000).contains(limit) else { throw ValidationError.invalid(field: "limit", reason: "Give --limit from 1 to 1000") }
        for message in try await AccountStore(on: context.application).outbox(limit: limit) {
            context.console.print(
                "--- \(message.createdAt) to \(message.recipient)\nSubject: \(message.subject)\n\n\(message.readableBody)\n")
        }
    }
}

/// `vanguard outbox send`: delivers waiting messages once, through the configured SMTP relay.
struct SendOutboxCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Sends the messages waiting in the outbox through SMTP_HOST (and SMTP_PORT), once; for running from a scheduler." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let settings = app.appConfig.smtp else {
            throw ValidationError.invalid(field: "SMTP_HOST", reason: "is not set, so there is nowhere to send mail")
        }
        let result = try await OutboxDelivery.deliverPending(
            store: AccountStore(on: app), client: SMTPClient(settings: settings, group: app.eventLoopGroup)
        )
        context.console.print("Sent \(result.sent), failed \(result.failed).")
    }
}
