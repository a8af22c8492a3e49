import Foundation
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

/// People with each role, signed in, for tests that ask who may do what.
struct People {
    enum Kind: String, CaseIterable, CustomStringConvertible {
        case anonymous, member, assessor, siteLead, signatory, programmeTeam, token, programmeToken
        var description: String { rawValue }

        var isToken: Bool { self == .token || self == .programmeToken }
    }

    static let csrf = String(repeating: "c", count: 43)
    static let password = "a long and unusual passphrase"

    var accounts: [Kind: Account] = [:]
    var sessions: [Kind: String] = [:]
    /// A live API token for vanguard 1, owned by the site lead.
    var token = ""
    /// A live programme token, owned by the programme-team member.
    var programmeToken = ""

    /// Creates one account per role (site lead of vanguard 1, signatory for Salford Royal) and signs each in.
    static func make(in app: Application) async throws -> People {
        var people = People()
        let store = AccountStore(on: app)
        let hash = try await app.password.async.hash(password).get()
        let roles: [(Kind, [RoleGrant])] = [
            (.member, []),
            (.assessor, [try RoleGrant(role: .assessor, scope: nil)]),
            (.siteLead, [try RoleGrant(role: .siteLead, scope: .vanguard(1))]),
            (.signatory, [try RoleGrant(role: .partnerSignatory, scope: .organisation("salford-royal-nhs-ft"))]),
            (.programmeTeam, [try RoleGrant(role: .programmeTeam, scope: nil)]),
        ]
        for (kind, grants) in roles {
            let account = try await store.createAccount(
                email: try EmailAddress("\(kind.rawValue.lowercased())@example.nhs.uk"), displayName: "Test \(kind.rawValue)",
                organisation: nil,
                passwordHash: hash, confirmed: true, grants: grants, by: .operatorAtCLI("test")
            )
            people.accounts[kind] = account
            let secret = Secrets.make()
            try await store.createSession(secretHash: Secrets.hash(secret), for: account.id, lifetime: 3600)
            people.sessions[kind] = secret
        }
        let token = Secrets.make(prefix: "vg_")
        _ = try await store.createToken(
            secretHash: Secrets.hash(token), prefix: String(token.prefix(10)), name: "test", vanguard: 1,
            for: people.accounts[.siteLead]!.id, by: .operatorAtCLI("test"))
        people.token = token
        let programmeToken = Secrets.make(prefix: "vg_")
        _ = try await store.createToken(
            secretHash: Secrets.hash(programmeToken), prefix: String(programmeToken.prefix(10)), name: "test", vanguard: nil,
            for: people.accounts[.programmeTeam]!.id, by: .operatorAtCLI("test"))
        people.programmeToken = programmeToken
        return people
    }

    /// The cookies a browser of `kind` sends: its session (if any) and the CSRF cookie.
    func cookies(_ kind: Kind) -> [String: String] {
        var cookies = [TestApp.cookies.csrf: Self.csrf]
        if let session = sessions[kind] { cookies[TestApp.cookies.session] = session }
        return cookies
    }

    /// A second session for the same person, for requests that end the session they use (sign-out).
    mutating func renewSession(_ kind: Kind, in app: Application) async throws {
        guard let account = accounts[kind] else { return }
        let secret = Secrets.make()
        try await AccountStore(on: app).createSession(secretHash: Secrets.hash(secret), for: account.id, lifetime: 3600)
        sessions[kind] = secret
    }

    /// Sends a request as `kind`: with its session and a valid CSRF token, or with the API token.
    func send(_ app: Application, _ kind: Kind, _ method: HTTPMethod, _ path: String, form: [String: String] = [:], json: String? = nil)
        async throws -> Fetched
    {
        if kind.isToken {
            return try await app.send(
                method, path, json: json ?? (method == .GET ? nil : "{}"), bearer: kind == .token ? token : programmeToken)
        }
        if method == .GET { return try await app.send(.GET, path, cookies: cookies(kind)) }
        if path.hasPrefix("/api/") { return try await app.send(method, path, cookies: cookies(kind), json: json ?? "{}") }
        return try await app.send(method, path, cookies: cookies(kind), form: form.merging([CSRFMiddleware.fieldName: Self.csrf]) { $1 })
    }
}
