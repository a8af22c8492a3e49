import FluentKit
import Foundation
import VanguardCore

/// Accounts, roles, sessions, links, tokens and the outbox. Every change is written with its audit
/// entry in one transaction. Secrets arrive here already hashed; this layer never sees them plain.
public struct AccountStore: Store {
    public let database: any Database
    public let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    // MARK: - Accounts

    /// Creates an account, with optional grants, and audits it. Refuses an e-mail already in use.
    public func createAccount(
        email: EmailAddress, displayName: String, organisation: String?, passwordHash: String, confirmed: Bool,
        grants: [RoleGrant] = [], by actor: Actor
    ) async throws -> Account {
        try await database.guardedTransaction { database in
            if try await UserRecord.query(on: database).filter(\.$email == email.value).first() != nil {
                throw ValidationError.invalid(field: "email", reason: "An account with this e-mail address already exists")
            }
            let user = UserRecord()
            user.id = UUID()
            user.email = email.value
            user.displayName = displayName
            user.organisation = organisation
            user.passwordHash = passwordHash
            user.confirmedAt = confirmed ? now() : nil
            user.createdAt = now()
            try await user.create(on: database)
            try await AuditLog.record(
                actor, "create", entity: "user", id: user.id!.uuidString, after: Self.snapshot(user), at: now(), on: database)
            for grant in grants {
                try await Self.add(grant, to: user, by: actor, at: now(), on: database)
            }
            return try await Self.account(user, on: database)
        }
    }

    public func account(id: UUID) async throws -> Account? {
        guard let user = try await UserRecord.find(id, on: database) else { return nil }
        return try await Self.account(user, on: database)
    }

    public func account(email: String) async throws -> Account? {
        guard let user = try await UserRecord.query(on: database).filter(\.$email == email.lowercased()).first() else { return nil }
        return try await Self.account(user, on: database)
    }

    /// The stored bcrypt hash for an address, to verify a password against.
    public func passwordHash(email: String) async throws -> (id: UUID, hash: String)? {
        guard let user = try await UserRecord.query(on: database).filter(\.$email == email.lowercased()).first(), let id = user.id else {
            return nil
        }
        return (id, user.passwordHash)
    }

    public func accounts() async throws -> [Account] {
        var result: [Account] = []
        for user in try await UserRecord.query(on: database).sort(\.$email).all() {
            result.append(try await Self.account(user, on: database))
        }
        return result
    }

    public func setPasswordHash(_ hash: String, for userID: UUID, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard let user = try await UserRecord.find(userID, on: database) else {
                throw ValidationError.invalid(field: "account", reason: "No such account")
            }
            user.passwordHash = hash
            try await user.update(on: database)
            // The hash itself is never written to the log; the entry says that it changed.
            try await AuditLog.record(actor, "change_password", entity: "user", id: userID.uuidString, at: now(), on: database)
            // A new password ends every other session: whoever knew the old one is signed out.
            try await UserSessionRecord.query(on: database).filter(\.$userID == userID).delete()
        }
    }

    public func confirm(_ userID: UUID, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard let user = try await UserRecord.find(userID, on: database) else { return }
            guard user.confirmedAt == nil else { return }
            let before = Self.snapshot(user)
            user.confirmedAt = now()
            try await user.update(on: database)
            try await AuditLog.record(
                actor, "confirm_email", entity: "user", id: userID.uuidString, before: before, after: Self.snapshot(user), at: now(),
                on: database)
        }
    }

    // MARK: - Roles

    /// Grants a role, checking that its vanguard or organisation exists.
    public func grant(_ grant: RoleGrant, to userID: UUID, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard let user = try await UserRecord.find(userID, on: database) else {
                throw ValidationError.invalid(field: "account", reason: "No such account")
            }
            try await Self.add(grant, to: user, by: actor, at: now(), on: database)
        }
    }

    public func revokeGrant(_ grantID: UUID, from userID: UUID, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard let record = try await RoleGrantRecord.find(grantID, on: database), record.userID == userID else {
                throw ValidationError.invalid(field: "grant", reason: "No such role on this account")
            }
            let before = Self.snapshot(record)
            try await record.delete(on: database)
            try await AuditLog.record(
                actor, "revoke_role", entity: "role_grant", id: grantID.uuidString, before: before, at: now(), on: database)
        }
    }

    static func add(_ grant: RoleGrant, to user: UserRecord, by actor: Actor, at date: Date, on database: any Database) async throws {
        switch grant.scope {
        case .vanguard(let number):
            guard try await VanguardRecord.find(number, on: database) != nil else {
                throw ValidationError.invalid(field: "vanguard", reason: "There is no vanguard \(number)")
            }
        case .organisation(let slug):
            guard try await OrganisationRecord.find(slug, on: database) != nil else {
                throw ValidationError.invalid(field: "organisation", reason: "There is no organisation '\(slug)'")
            }
        case nil:
            break
        }
        let existing = try await RoleGrantRecord.query(on: database).filter(\.$userID == user.id!).all()
        if existing.contains(where: { Self.grant($0) == grant }) {
            throw ValidationError.invalid(field: "role", reason: "This account already holds that role")
        }
        let record = RoleGrantRecord()
        record.id = UUID()
        record.userID = user.id!
        record.role = grant.role.rawValue
        if case .vanguard(let number) = grant.scope { record.vanguardNumber = number }
        if case .organisation(let slug) = grant.scope { record.organisationSlug = slug }
        record.grantedAt = date
        try await record.create(on: database)
        try await AuditLog.record(
            actor, "grant_role", entity: "role_grant", id: record.id!.uuidString, after: snapshot(record), at: date, on: database)
    }

    // MARK: - Sessions

    public func createSession(secretHash: String, for userID: UUID, lifetime: TimeInterval) async throws {
        let session = UserSessionRecord()
        session.id = secretHash
        session.userID = userID
        session.createdAt = now()
        session.expiresAt = now().addingTimeInterval(lifetime)
        try await session.create(on: database)
    }

    public func deleteSession(secretHash: String) async throws {
        try await UserSessionRecord.query(on: database).filter(\.$id == secretHash).delete()
    }

    // MARK: - E-mail links (confirmation, password reset)

    public enum LinkPurpose: String, Sendable {
        case confirmEmail = "confirm_email"
        case resetPassword = "reset_password"
    }

    public func createLink(secretHash: String, purpose: LinkPurpose, for userID: UUID, lifetime: TimeInterval) async throws {
        let link = AccountLinkRecord()
        link.id = secretHash
        link.userID = userID
        link.purpose = purpose.rawValue
        link.expiresAt = now().addingTimeInterval(lifetime)
        try await link.create(on: database)
    }

    /// Uses a link once: answers its account, or says why it cannot be used.
    public func useLink(secretHash: String, purpose: LinkPurpose) async throws -> UUID {
        try await database.guardedTransaction { database in
            guard let link = try await AccountLinkRecord.find(secretHash, on: database), link.purpose == purpose.rawValue else {
                throw ValidationError.invalid(field: "link", reason: "This link is not valid. Ask for a new one.")
            }
            guard link.usedAt == nil else {
                throw ValidationError.invalid(field: "link", reason: "This link has already been used. Ask for a new one.")
            }
            guard link.expiresAt > now() else {
                throw ValidationError.invalid(field: "link", reason: "This link has expired. Ask for a new one.")
            }
            link.usedAt = now()
            try await link.update(on: database)
            return link.userID
        }
    }

    /// Whether a link can still be used, without using it (to show the reset form).
    public func linkIsUsable(secretHash: String, purpose: LinkPurpose) async throws -> Bool {
        guard let link = try await AccountLinkRecord.find(secretHash, on: database) else { return false }
        return link.purpose == purpose.rawValue && link.usedAt == nil && link.expiresAt > now()
    }

    // MARK: - API tokens

    /// A token for one vanguard's data, or with `vanguard` nil a programme token, which only a
    /// programme-team member may hold (it acts with that role, so revoking the role disarms it).
    public func createToken(
        secretHash: String, prefix: String, name: String, vanguard: Int?, for userID: UUID,
        lifetime: TimeInterval = AccountStore.defaultTokenLifetime, by actor: Actor
    ) async throws -> UUID {
        if vanguard == nil, try await account(id: userID)?.roleGrants.contains(where: { $0.role == .programmeTeam }) != true {
            throw ValidationError.invalid(field: "vanguard", reason: "Only the programme team can hold a programme token")
        }
        return try await database.guardedTransaction { database in
            if let vanguard, try await VanguardRecord.find(vanguard, on: database) == nil {
                throw ValidationError.invalid(field: "vanguard", reason: "There is no vanguard \(vanguard)")
            }
            let token = APITokenRecord()
            token.id = UUID()
            token.userID = userID
            token.vanguardNumber = vanguard
            token.name = name
            token.secretHash = secretHash
            token.prefix = prefix
            token.createdAt = now()
            token.expiresAt = now().addingTimeInterval(lifetime)
            try await token.create(on: database)
            try await AuditLog.record(
                actor, "create", entity: "api_token", id: token.id!.uuidString, after: Self.snapshot(token), at: now(), on: database)
            return token.id!
        }
    }

    /// Ninety days: long enough for a quarterly data pipeline, short enough that a forgotten token dies.
    public static let defaultTokenLifetime: TimeInterval = 90 * 24 * 60 * 60

    public func tokens(of userID: UUID) async throws -> [APITokenSummary] {
        try await APITokenRecord.query(on: database).filter(\.$userID == userID).sort(\.$createdAt, .descending).all().map(Self.summary)
    }

    /// Every token of every account, newest first, with its owner's address: for the programme team.
    public func allTokens() async throws -> [(token: APITokenSummary, owner: String)] {
        let owners = Dictionary(
            uniqueKeysWithValues: try await UserRecord.query(on: database).all().compactMap { user in user.id.map { ($0, user.email) } })
        return try await APITokenRecord.query(on: database).sort(\.$createdAt, .descending).all().map {
            (Self.summary($0), owners[$0.userID] ?? "unknown")
        }
    }

    public func revokeToken(_ id: UUID, ownedBy userID: UUID?, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            guard let token = try await APITokenRecord.find(id, on: database), userID == nil || token.userID == userID else {
                throw ValidationError.invalid(field: "token", reason: "No such token")
            }
            guard token.revokedAt == nil else { return }
            let before = Self.snapshot(token)
            token.revokedAt = now()
            try await token.update(on: database)
            try await AuditLog.record(
                actor, "revoke", entity: "api_token", id: id.uuidString, before: before, after: Self.snapshot(token), at: now(),
                on: database)
        }
    }

    // MARK: - Outbox

    /// Writes a message to the outbox. A `sensitive` one (an account e-mail with a one-time link)
    /// is never shown on the outbox page or the CLI, and its text is deleted once it is sent.
    public func enqueue(to recipient: String, subject: String, body: String, sensitive: Bool = false, listUnsubscribe: String? = nil)
        async throws
    {
        let message = OutboxMessageRecord()
        message.sensitive = sensitive
        message.listUnsubscribe = listUnsubscribe
        message.id = UUID()
        message.recipient = recipient
        message.subject = subject
        message.body = body
        message.createdAt = now()
        message.attempts = 0
        try await message.create(on: database)
    }

    public func outbox(limit: Int = 100) async throws -> [OutboxMessage] {
        try await OutboxMessageRecord.query(on: database).sort(\.$createdAt, .descending).limit(limit).all().map(Self.message)
    }

    /// Messages not yet sent that have not failed `maximumAttempts` times, oldest first.
    public func pendingMessages(maximumAttempts: Int, limit: Int) async throws -> [OutboxMessage] {
        try await OutboxMessageRecord.query(on: database).filter(\.$sentAt == nil).filter(\.$attempts < maximumAttempts)
            .sort(\.$createdAt).limit(limit).all().map(Self.message)
    }

    public func markSent(_ id: UUID) async throws {
        guard let message = try await OutboxMessageRecord.find(id, on: database) else { return }
        message.sentAt = now()
        message.lastError = nil
        if message.sensitive { message.body = "" }
        try await message.update(on: database)
    }

    public func markFailed(_ id: UUID, reason: String) async throws {
        guard let message = try await OutboxMessageRecord.find(id, on: database) else { return }
        message.attempts += 1
        message.lastError = String(reason.prefix(500))
        try await message.update(on: database)
    }

    static func message(_ record: OutboxMessageRecord) -> OutboxMessage {
        OutboxMessage(
            id: record.id!, recipient: record.recipient, subject: record.subject, body: record.body, isSensitive: record.sensitive,
            createdAt: record.createdAt,
            sentAt: record.sentAt, attempts: record.attempts, lastError: record.lastError, listUnsubscribe: record.listUnsubscribe
        )
    }

    // MARK: - Sign-in attempts

    public func recordSignIn(email: String, address: String, succeeded: Bool) async throws {
        _ = try await insertAttempt(email: email, address: address, succeeded: succeeded)
    }

    func insertAttempt(email: String, address: String, succeeded: Bool) async throws -> SignInAttemptRecord {
        let attempt = SignInAttemptRecord()
        attempt.id = UUID()
        attempt.email = email.lowercased()
        attempt.address = address
        attempt.at = now()
        attempt.succeeded = succeeded
        try await attempt.create(on: database)
        return attempt
    }

    public func failedSignIns(email: String, address: String, since: Date) async throws -> (account: Int, address: Int) {
        let byAccount = try await SignInAttemptRecord.query(on: database)
            .filter(\.$email == email.lowercased()).filter(\.$succeeded == false).filter(\.$at > since).count()
        let byAddress = try await SignInAttemptRecord.query(on: database)
            .filter(\.$address == address).filter(\.$succeeded == false).filter(\.$at > since).count()
        return (byAccount, byAddress)
    }

    /// A sign-in attempt held before its password is checked, or the seconds to wait.
    public enum SignInReservation: Sendable, Equatable {
        case reserved(UUID)
        case refused(retryAfter: Int)
    }

    /// Writes the attempt as a failure first, then counts: whatever the interleaving of parallel
    /// attempts, only the first ones written within the limit are let through to the password check.
    /// A refused attempt is removed again, so waiting out the window is enough.
    public func reserveSignIn(email: String, address: String, throttle: SignInThrottle) async throws -> SignInReservation {
        let attempt = try await insertAttempt(email: email, address: address, succeeded: false)
        let since = throttle.windowStart(at: now())
        let failures = try await failedSignIns(email: email, address: address, since: since)
        if throttle.allowsReserved(accountFailures: failures.account, addressFailures: failures.address) { return .reserved(attempt.id!) }
        try await attempt.delete(on: database)
        let byAccount = failures.account > throttle.failuresPerAccount
        let oldest =
            try await SignInAttemptRecord.query(on: database)
            .group(.and) { query in
                if byAccount { query.filter(\.$email == email.lowercased()) } else { query.filter(\.$address == address) }
            }
            .filter(\.$succeeded == false).filter(\.$at > since).sort(\.$at).first()?.at ?? now()
        return .refused(retryAfter: max(1, Int(oldest.addingTimeInterval(throttle.window).timeIntervalSince(now()).rounded(.up))))
    }

    /// Settles a reserved attempt once the password has been checked.
    public func settleSignIn(_ id: UUID, succeeded: Bool) async throws {
        guard succeeded else { return }
        guard let attempt = try await SignInAttemptRecord.find(id, on: database) else { return }
        attempt.succeeded = true
        try await attempt.update(on: database)
    }

    // MARK: - Mapping

    static func account(_ user: UserRecord, on database: any Database) async throws -> Account {
        let grants = try await RoleGrantRecord.query(on: database).filter(\.$userID == user.id!).sort(\.$grantedAt).all()
        return Account(
            id: user.id!, email: user.email, displayName: user.displayName, organisation: user.organisation,
            isConfirmed: user.confirmedAt != nil,
            grants: grants.compactMap { record in grant(record).map { StoredGrant(id: record.id!, grant: $0) } }
        )
    }

    static func grant(_ record: RoleGrantRecord) -> RoleGrant? {
        guard let role = Role(rawValue: record.role) else { return nil }
        let scope: Scope? = record.vanguardNumber.map(Scope.vanguard) ?? record.organisationSlug.map(Scope.organisation)
        return try? RoleGrant(role: role, scope: scope)
    }

    static func summary(_ token: APITokenRecord) -> APITokenSummary {
        APITokenSummary(
            id: token.id!, name: token.name, prefix: token.prefix, vanguardNumber: token.vanguardNumber,
            createdAt: token.createdAt, expiresAt: token.expiresAt, revokedAt: token.revokedAt, lastUsedAt: token.lastUsedAt
        )
    }

    static func snapshot(_ user: UserRecord) -> [String: String] {
        [
            "email": user.email, "display_name": user.displayName, "organisation": user.organisation ?? "",
            "confirmed": user.confirmedAt == nil ? "no" : "yes",
        ]
    }

    static func snapshot(_ grant: RoleGrantRecord) -> [String: String] {
        [
            "user_id": grant.userID.uuidString, "role": grant.role, "vanguard": grant.vanguardNumber.map(String.init) ?? "",
            "organisation": grant.organisationSlug ?? "",
        ]
    }

    static func snapshot(_ token: APITokenRecord) -> [String: String] {
        [
            "user_id": token.userID.uuidString, "vanguard": token.vanguardNumber.map(String.init) ?? "programme", "name": token.name,
            "prefix": token.prefix,
            "revoked": token.revokedAt == nil ? "no" : "yes",
        ]
    }
}
