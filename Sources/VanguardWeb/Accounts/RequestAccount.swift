import VanguardCore
import VanguardStore
import Vapor

/// Who is making a request: a signed-in person (session cookie) or a program (API token).
enum Caller: Sendable {
    case person(Account)
    /// A token acts for its owner only through the API: on its vanguard's data, or, with no
    /// vanguard, with the owner's programme-team role (and nothing else they hold).
    case token(Account, vanguard: Int?)

    var account: Account {
        switch self {
        case .person(let account), .token(let account, _): account
        }
    }

    /// The grants that decide what this caller may do.
    var grants: [RoleGrant] {
        switch self {
        case .person(let account): account.roleGrants
        // A vanguard scope is the right kind for a site lead: cannot throw.
        case .token(_, let vanguard?): [try! RoleGrant(role: .siteLead, scope: .vanguard(vanguard))]
        case .token(let account, nil): account.roleGrants.filter { $0.role == .programmeTeam }
        }
    }

    var actor: Actor {
        switch self {
        case .person(let account): Actor(userID: account.id, label: account.publicLabel, channel: .web)
        case .token(let account, _): Actor(userID: account.id, label: account.publicLabel, channel: .api)
        }
    }
}

struct CallerKey: StorageKey {
    typealias Value = Caller
}

extension Request {
    var caller: Caller? {
        get { storage[CallerKey.self] }
        set { storage[CallerKey.self] = newValue }
    }

    var accounts: AccountStore { AccountStore(on: self) }

    /// The signed-in person; routes that need one are guarded, so this throws only on a wiring mistake.
    func requirePerson() throws -> Account {
        guard case .person(let account) = caller else { throw Abort(.unauthorized) }
        return account
    }
}

enum SessionCookie {
    static let lifetime: TimeInterval = 12 * 60 * 60

    static func make(_ secret: String, secure: Bool, now: Date) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: secret, expires: now.addingTimeInterval(lifetime), maxAge: Int(lifetime), path: "/",
            isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    static func expired(secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}

/// Reads the session cookie or the bearer token and records the caller for the rest of the request:
/// one database round trip, with the account's roles. The body is not touched here.
struct AuthenticationMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        // Most visitors carry neither: they go on without a hop off the event loop.
        guard request.headers.bearerAuthorization != nil || !(request.cookies[request.cookieNames.session]?.string ?? "").isEmpty
        else { return next.respond(to: request) }
        return request.eventLoop.makeFutureWithTask { try await identify(request) }.flatMap { next.respond(to: request) }
    }

    private func identify(_ request: Request) async throws {
        if let bearer = request.headers.bearerAuthorization?.token {
            // A token on a page is refused by the permission check, like any other missing right.
            switch try await request.readingDatabase({ try await request.accounts.authenticate(tokenHash: Secrets.hash(bearer)) }) {
            case .failure(.unknownOrRevoked):
                throw AppError.unauthorized("The API token is not valid or has been revoked.")
            case .failure(.expired):
                throw AppError.unauthorized("The API token has expired. Its owner can make a new one at /account/tokens.")
            case .success(let holder):
                guard PermissionMatrix.tokenMayAct(ownerGrants: holder.account.roleGrants, vanguard: holder.vanguard) else {
                    throw AppError.unauthorized(
                        "The API token's owner no longer holds the role it acts with, so the token no longer works.")
                }
                request.caller = .token(holder.account, vanguard: holder.vanguard)
            }
        } else if let secret = request.cookies[request.cookieNames.session]?.string, !secret.isEmpty {
            if let account = try await request.readingDatabase({ try await request.accounts.account(sessionHash: Secrets.hash(secret)) }) {
                request.caller = .person(account)
            }
        }
    }
}
