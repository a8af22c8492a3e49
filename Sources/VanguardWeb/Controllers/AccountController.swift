import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// Sign-up, e-mail confirmation, sign-in and out, password reset and change, API tokens.
enum AccountController {
    static let confirmationLifetime: TimeInterval = 24 * 60 * 60
    static let resetLifetime: TimeInterval = 60 * 60
    static let throttle = SignInThrottle.standard
    /// Verified against when an address has no account, so both answers take as long (made at start-up).
    // MARK: Sign-up

    static func signUpFields(_ values: [String: String] = [:], errors: [String: String] = [:]) -> [FormField] {
        [
            FormField(
                name: "display_name", label: "Your name", value: values["display_name"] ?? "",
                hint: "As colleagues know you; shown with your comments", error: errors["display_name"], autocomplete: "name"),
            FormField(
                name: "organisation", label: "Your organisation (optional)", value: values["organisation"] ?? "",
                error: errors["organisation"], autocomplete: "organization"),
            FormField(
                name: "email", label: "E-mail address", kind: .email, value: values["email"] ?? "", error: errors["email"],
                autocomplete: "email"),
            FormField(
                name: "password", label: "Password", kind: .password,
                hint: "At least \(PasswordPolicy.minimumLength) characters; a few unrelated words make a strong one.",
                error: errors["password"], autocomplete: "new-password"),
        ]
    }

    @Sendable static func signUpForm(request: Request) async throws -> Response {
        AccountFormPage.document(
            title: "Create an account", action: .signUp, fields: signUpFields(), submit: "Create account", context: request.pageContext
        ).response()
    }

    @Sendable static func signUp(request: Request) async throws -> Response {
        let form = try request.content.decode([String: String].self)
        var errors: [String: String] = [:]
        var email: EmailAddress?
        var name = "", organisation: String?
        do { email = try EmailAddress(form["email"] ?? "") } catch { errors[error.field] = error.reason }
        do { name = try FieldLimits.check(form["display_name"] ?? "", field: "display_name", maximum: 100) } catch {
            errors[error.field] = error.reason
        }
        do {
            organisation = try FieldLimits.check(form["organisation"] ?? "", field: "organisation", maximum: 200, required: false).nonEmpty
        } catch { errors[error.field] = error.reason }
        do { try PasswordPolicy.check(form["password"] ?? "", email: email) } catch { errors[error.field] = error.reason }
        guard errors.isEmpty, let email else {
            return AccountFormPage.document(
                title: "Create an account", action: .signUp, fields: signUpFields(form, errors: errors), submit: "Create account",
                context: request.pageContext
            ).response(status: .badRequest)
        }
        let address = request.clientAddress
        if let wait = try await RateLimitStore(on: request).use(.signUpsPerAddress, key: address) {
            return tooMany(request, title: "Too many new accounts", retryAfter: wait)
        }
        let accounts = request.accounts
        if try await accounts.account(email: email.value) != nil {
            // Same answer as a new sign-up, so the form cannot be used to learn who has an account.
            try await accounts.enqueue(
                to: email.value, subject: "Someone tried to create a Vanguard account with your address",
                body:
                    "An account already exists for this address. If this was you, sign in at \(url(request, .signIn)) or reset your password at \(url(request, .resetRequest)).\nIf it was not you, you need do nothing.",
                sensitive: true
            )
        } else {
            let hash = try await request.passwordHasher.hash(form["password"] ?? "")
            let account = try await accounts.createAccount(
                email: email, displayName: name, organisation: organisation, passwordHash: hash, confirmed: false,
                by: Actor(userID: nil, label: "\(name) (signing up)", channel: .web)
            )
            try await sendConfirmation(to: account, request: request)
        }
        return MessagePage.document(
            title: "Check your e-mail",
            paragraphs: [
                "We have sent a link to \(email.value). Open it to confirm your address, then sign in. The link works for 24 hours."
            ],
            context: request.pageContext
        ).response()
    }

    static func sendConfirmation(to account: Account, request: Request) async throws {
        let secret = Secrets.make()
        try await request.accounts.createLink(
            secretHash: Secrets.hash(secret), purpose: .confirmEmail, for: account.id, lifetime: confirmationLifetime)
        try await request.accounts.enqueue(
            to: account.email, subject: "Confirm your e-mail address for Vanguard",
            body:
                "Hello \(account.displayName),\n\nConfirm your address by opening this link within 24 hours:\n\(url(request, .confirmEmail, query: ["token": secret]))\n",
            sensitive: true
        )
    }

    @Sendable static func confirm(request: Request) async throws -> Response {
        guard let secret = request.queryValue("token").nonBlank else { throw AppError.badRequest("The confirmation link is incomplete.") }
        do {
            let userID = try await request.accounts.useLink(secretHash: Secrets.hash(secret), purpose: .confirmEmail)
            try await request.accounts.confirm(
                userID,
                by: Actor(userID: userID, label: try await request.accounts.account(id: userID)?.publicLabel ?? "unknown", channel: .web))
        } catch let error as ValidationError {
            throw AppError.badRequest(error.reason)
        }
        return MessagePage.document(
            title: "Your e-mail address is confirmed", paragraphs: ["You can now sign in."], link: ("Sign in", .signIn),
            context: request.pageContext
        ).response()
    }

    // MARK: Sign-in and out

    static func signInFields(email: String = "", error: String? = nil) -> [FormField] {
        [
            FormField(name: "email", label: "E-mail address", kind: .email, value: email, error: error, autocomplete: "email"),
            FormField(name: "password", label: "Password", kind: .password, autocomplete: "current-password"),
        ]
    }

    static func signInPage(_ request: Request, email: String = "", error: String? = nil, status: HTTPStatus = .ok) -> Response {
        // `next` arrives in the query on the way in and in the form on a second try.
        let next = safeNext(request.queryValue("next") ?? (try? request.content.get(String.self, at: "next")))
        return AccountFormPage.document(
            title: "Sign in", lede: next == SiteURL.account.path ? nil : "Sign in to continue.", action: .signIn,
            fields: signInFields(email: email, error: error), submit: "Sign in", hidden: [("next", next)],
            after: .p(
                .a(.safeHref(SiteURL.resetRequest.path), .text("Forgotten your password?")), .text(" · "),
                .a(.safeHref(SiteURL.signUp.path), .text("Create an account"))),
            context: request.pageContext
        ).response(status: status)
    }

    @Sendable static func signInForm(request: Request) async throws -> Response {
        signInPage(request)
    }

    @Sendable static func signIn(request: Request) async throws -> Response {
        let form = try request.content.decode([String: String].self)
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form["password"] ?? ""
        let address = request.clientAddress
        let accounts = request.accounts
        let attempt: UUID
        switch try await accounts.reserveSignIn(email: email, address: address, throttle: throttle) {
        case .reserved(let id):
            attempt = id
        case .refused(let retryAfter):
            let page = signInPage(
                request, email: email, error: "Too many attempts. Wait \(minutes(retryAfter)) and try again, or reset your password.",
                status: .tooManyRequests)
            page.headers.replaceOrAdd(name: "Retry-After", value: String(retryAfter))
            return page
        }
        let stored = try await accounts.passwordHash(email: email)
        let matches = try await request.passwordHasher.verify(password, createdOrDecoy: stored?.hash)
        try await accounts.settleSignIn(attempt, succeeded: stored != nil && matches)
        guard let stored, matches else {
            return signInPage(request, email: email, error: "The e-mail address or password is not right.", status: .badRequest)
        }
        guard let account = try await accounts.account(id: stored.id), account.isConfirmed else {
            if let account = try await accounts.account(id: stored.id) { try await sendConfirmation(to: account, request: request) }
            return MessagePage.document(
                title: "Confirm your e-mail address first",
                paragraphs: ["We have sent a new confirmation link to \(email). Open it, then sign in."],
                context: request.pageContext
            ).response(status: .forbidden)
        }
        let response = request.redirect(to: safeNext(form["next"]), redirectType: .normal)
        try await startSession(for: account.id, request: request, response: response)
        return response
    }

    /// A new secret every time: an id planted before sign-in is never promoted (session fixation).
    static func startSession(for userID: UUID, request: Request, response: Response) async throws {
        if let old = request.cookies[request.cookieNames.session]?.string, !old.isEmpty {
            try await request.accounts.deleteSession(secretHash: Secrets.hash(old))
        }
        let secret = Secrets.make()
        try await request.accounts.createSession(secretHash: Secrets.hash(secret), for: userID, lifetime: SessionCookie.lifetime)
        response.cookies[request.cookieNames.session] = SessionCookie.make(
            secret, secure: request.application.appConfig.secureCookies, now: request.now)
    }

    @Sendable static func signOut(request: Request) async throws -> Response {
        if let secret = request.cookies[request.cookieNames.session]?.string, !secret.isEmpty {
            try await request.accounts.deleteSession(secretHash: Secrets.hash(secret))
        }
        let response = request.redirect(to: SiteURL.home.path, redirectType: .normal)
        response.cookies[request.cookieNames.session] = SessionCookie.expired(secure: request.application.appConfig.secureCookies)
        return response
    }

    /// Where to go after signing in: a path on this site, or the account page.
    static func safeNext(_ next: String?) -> String {
        guard let next, let path = SameOriginPath(next), !path.value.hasPrefix("/account/sign") else { return SiteURL.account.path }
        return path.value
    }

    static func minutes(_ seconds: Int) -> String {
        let minutes = (seconds + 59) / 60
        return minutes == 1 ? "a minute" : "\(minutes) minutes"
    }

    /// A 429 page for a form used too often, with when to try again.
    static func tooMany(_ request: Request, title: String, retryAfter: Int) -> Response {
        let response = MessagePage.document(
            title: title, paragraphs: ["This has been asked too many times from here. Wait \(minutes(retryAfter)) and try again."],
            context: request.pageContext
        ).response(status: .tooManyRequests)
        response.headers.replaceOrAdd(name: "Retry-After", value: String(retryAfter))
        return response
    }

    // MARK: Password reset

    @Sendable static func resetRequestForm(request: Request) async throws -> Response {
        AccountFormPage.document(
            title: "Reset your password", lede: "We will send a link to your e-mail address.", action: .resetRequest,
            fields: [FormField(name: "email", label: "E-mail address", kind: .email, autocomplete: "email")], submit: "Send link",
            context: request.pageContext
        ).response()
    }

    @Sendable static func resetRequest(request: Request) async throws -> Response {
        let form = try request.content.decode([String: String].self)
        let email: EmailAddress
        do { email = try EmailAddress(form["email"] ?? "") } catch {
            return AccountFormPage.document(
                title: "Reset your password", action: .resetRequest,
                fields: [FormField(name: "email", label: "E-mail address", kind: .email, value: form["email"] ?? "", error: error.reason)],
                submit: "Send link", context: request.pageContext
            ).response(status: .badRequest)
        }
        let limits = RateLimitStore(on: request)
        if let wait = try await limits.use(.resetsPerAddress, key: request.clientAddress) {
            return tooMany(request, title: "Too many reset requests", retryAfter: wait)
        }
        if let wait = try await limits.use(.resetsPerEmail, key: email.value) {
            return tooMany(request, title: "Too many reset requests", retryAfter: wait)
        }
        if let account = try await request.accounts.account(email: email.value) {
            let secret = Secrets.make()
            try await request.accounts.createLink(
                secretHash: Secrets.hash(secret), purpose: .resetPassword, for: account.id, lifetime: resetLifetime)
            try await request.accounts.enqueue(
                to: account.email, subject: "Reset your Vanguard password",
                body:
                    "Hello \(account.displayName),\n\nChoose a new password by opening this link within an hour:\n\(url(request, .resetPassword(secret)))\n\nIf you did not ask for this, you need do nothing.",
                sensitive: true
            )
        }
        return MessagePage.document(
            title: "Check your e-mail",
            paragraphs: [
                "If an account uses \(email.value), we have sent it a link to reset the password. The link works for one hour, once."
            ],
            context: request.pageContext
        ).response()
    }

    static func resetFields(error: String? = nil) -> [FormField] {
        [
            FormField(
                name: "password", label: "New password", kind: .password, hint: "At least \(PasswordPolicy.minimumLength) characters.",
                error: error, autocomplete: "new-password")
        ]
    }

    @Sendable static func resetPasswordForm(request: Request) async throws -> Response {
        let secret = request.pathParameter("secret")
        guard try await request.accounts.linkIsUsable(secretHash: Secrets.hash(secret), purpose: .resetPassword) else {
            throw AppError.badRequest("This link is not valid, has been used already, or has expired. Ask for a new one.")
        }
        return AccountFormPage.document(
            title: "Choose a new password", action: .resetPassword(secret), fields: resetFields(), submit: "Save password",
            context: request.pageContext
        ).response()
    }

    @Sendable static func resetPassword(request: Request) async throws -> Response {
        let secret = request.pathParameter("secret")
        let password = try request.content.get(String.self, at: "password")
        do { try PasswordPolicy.check(password) } catch {
            return AccountFormPage.document(
                title: "Choose a new password", action: .resetPassword(secret), fields: resetFields(error: error.reason),
                submit: "Save password", context: request.pageContext
            ).response(status: .badRequest)
        }
        let userID: UUID
        do { userID = try await request.accounts.useLink(secretHash: Secrets.hash(secret), purpose: .resetPassword) } catch let error
            as ValidationError
        {
            throw AppError.badRequest(error.reason)
        }
        let hash = try await request.passwordHasher.hash(password)
        let label = try await request.accounts.account(id: userID)?.publicLabel ?? "unknown"
        try await request.accounts.setPasswordHash(hash, for: userID, by: Actor(userID: userID, label: label, channel: .web))
        return MessagePage.document(
            title: "Your password has been changed",
            paragraphs: ["Sign in with your new password. Any other sessions have been signed out."],
            link: ("Sign in", .signIn), context: request.pageContext
        ).response()
    }

    // MARK: Your account

    @Sendable static func account(request: Request) async throws -> Response {
        let account = try request.requirePerson()
        return AccountPage.document(
            AccountPage.Model(account: account, registry: try await request.registry()), context: request.pageContext
        ).response()
    }

    @Sendable static func changePassword(request: Request) async throws -> Response {
        let account = try request.requirePerson()
        let form = try request.content.decode([String: String].self)
        var errors: [String: String] = [:]
        let stored = try await request.accounts.passwordHash(email: account.email)
        if try await !request.passwordHasher.verify(form["current_password"] ?? "", createdOrDecoy: stored?.hash) {
            errors["current_password"] = "Your current password is not right"
        }
        do { try PasswordPolicy.check(form["password"] ?? "", email: try? EmailAddress(account.email)) } catch {
            errors[error.field] = error.reason
        }
        let registry = try await request.registry()
        guard errors.isEmpty else {
            let model = AccountPage.Model(account: account, registry: registry, passwordFields: AccountPage.passwordFields(errors: errors))
            return AccountPage.document(model, context: request.pageContext).response(status: .badRequest)
        }
        try await request.accounts.setPasswordHash(
            try await request.passwordHasher.hash(form["password"] ?? ""), for: account.id, by: account.actor)
        let response = AccountPage.document(
            AccountPage.Model(
                account: account, registry: registry, message: "Your password has been changed. Your other sessions have been signed out."),
            context: request.pageContext
        ).response()
        try await startSession(for: account.id, request: request, response: response)
        return response
    }

    // MARK: API tokens

    static func tokenVanguards(_ account: Account, registry: Registry) -> [Vanguard] {
        if account.roleGrants.contains(where: { $0.role == .programmeTeam }) { return registry.vanguards }
        return account.roleGrants.compactMap { grant in
            if grant.role == .siteLead, case .vanguard(let number) = grant.scope { return registry.vanguard(number: number) }
            return nil
        }
    }

    static func isProgrammeTeam(_ account: Account) -> Bool {
        account.roleGrants.contains { $0.role == .programmeTeam }
    }

    @Sendable static func tokens(request: Request) async throws -> Response {
        let account = try request.requirePerson()
        let registry = try await request.registry()
        let vanguards = tokenVanguards(account, registry: registry)
        let programme = isProgrammeTeam(account)
        let model = TokensPage.Model(
            tokens: try await request.accounts.tokens(of: account.id), vanguards: vanguards, offersProgrammeToken: programme,
            fields: TokensPage.fields(vanguards: vanguards, offersProgrammeToken: programme), now: request.now
        )
        return TokensPage.document(model, registry: registry, context: request.pageContext).response()
    }

    @Sendable static func createToken(request: Request) async throws -> Response {
        let account = try request.requirePerson()
        let registry = try await request.registry()
        let vanguards = tokenVanguards(account, registry: registry)
        let programme = isProgrammeTeam(account)
        let form = try request.content.decode([String: String].self)
        var errors: [String: String] = [:]
        var name = ""
        do { name = try FieldLimits.check(form["name"] ?? "", field: "name", maximum: 100) } catch { errors["name"] = error.reason }
        // nil: a programme token; .some(n): a token for vanguard n.
        var target: Int??
        if form["vanguard"] == TokensPage.programmeChoice, programme {
            target = .some(nil)
        } else if let number = Int(form["vanguard"] ?? ""), vanguards.contains(where: { $0.number == number }) {
            target = number
        } else {
            errors["vanguard"] = programme ? "Choose the programme or a vanguard" : "Choose a vanguard you lead"
        }
        var newToken: String?
        var fields = TokensPage.fields(vanguards: vanguards, offersProgrammeToken: programme, errors: errors, name: form["name"] ?? "")
        if errors.isEmpty, let target {
            let secret = Secrets.make(prefix: "vg_")
            _ = try await request.accounts.createToken(
                secretHash: Secrets.hash(secret), prefix: String(secret.prefix(10)), name: name, vanguard: target, for: account.id,
                lifetime: request.application.appConfig.tokenLifetime, by: account.actor
            )
            newToken = secret
            fields = TokensPage.fields(vanguards: vanguards, offersProgrammeToken: programme)
        }
        let model = TokensPage.Model(
            tokens: try await request.accounts.tokens(of: account.id), vanguards: vanguards, offersProgrammeToken: programme,
            newToken: newToken, fields: fields, now: request.now
        )
        return TokensPage.document(model, registry: registry, context: request.pageContext).response(
            status: newToken == nil ? .badRequest : .created)
    }

    @Sendable static func revokeToken(request: Request) async throws -> Response {
        let account = try request.requirePerson()
        guard let id = request.parameters.get("id", as: UUID.self) else { throw AppError.notFound("The token") }
        do { try await request.accounts.revokeToken(id, ownedBy: account.id, by: account.actor) } catch let error as ValidationError {
            throw AppError.notFound("The token (\(error.reason.lowercased()))")
        }
        return request.redirect(to: SiteURL.tokens.path, redirectType: .normal)
    }

    static func url(_ request: Request, _ site: SiteURL, query: KeyValuePairs<String, String?> = [:]) -> String {
        request.application.appConfig.publicURL + site.path(query: query)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
