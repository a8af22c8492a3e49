import Foundation
import Plot
import VanguardCore
import VanguardStore

/// A page that says one thing: a form went through, a link worked or did not.
enum MessagePage {
    static func document(title: String, paragraphs: [String], link: (String, SiteURL)? = nil, context: PageContext) -> HTML {
        Layout.document(
            title: title, context: context,
            body: .group(
                .h1(.text(title)),
                .forEach(paragraphs) { .p(.text($0)) },
                .unwrap(link) { .p(.a(.safeHref($0.1.path), .text($0.0))) }
            )
        )
    }
}

/// Sign-up, sign-in, and the password reset forms.
enum AccountFormPage {
    static func document(
        title: String, lede: String? = nil, action: SiteURL, fields: [FormField], submit: String, general: String? = nil,
        hidden: [(String, String)] = [], after: Node<HTML.BodyContext> = .empty, context: PageContext
    ) -> HTML {
        Layout.document(
            title: title, context: context,
            body: .div(
                .class("nhsuk-grid-row"),
                .div(
                    .class("nhsuk-grid-column-two-thirds"),
                    .h1(.text(title)),
                    .unwrap(lede) { .p(.class("nhsuk-lede-text"), .text($0)) },
                    Forms.form(action: action, csrf: context.csrfToken, fields: fields, submit: submit, general: general, hidden: hidden),
                    after
                )
            )
        )
    }
}

/// Your account: who you are, your roles, and your password.
enum AccountPage {
    struct Model {
        let account: Account
        let registry: Registry
        var message: String? = nil
        var passwordFields: [FormField] = AccountPage.passwordFields()
    }

    static func passwordFields(errors: [String: String] = [:]) -> [FormField] {
        [
            FormField(
                name: "current_password", label: "Current password", kind: .password, error: errors["current_password"],
                autocomplete: "current-password"),
            FormField(
                name: "password", label: "New password", kind: .password,
                hint: "At least \(PasswordPolicy.minimumLength) characters; a few unrelated words make a strong one.",
                error: errors["password"], autocomplete: "new-password"),
        ]
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let account = model.account
        return Layout.document(
            title: "Your account", context: context,
            body: .group(
                .h1(.text("Your account")),
                .unwrap(model.message) { .div(.class("nhsuk-inset-text"), .safeAttribute(named: "role", value: "status"), .p(.text($0))) },
                Components.summaryList([
                    ("Name", .text(account.displayName)),
                    ("E-mail", .text(account.email)),
                    ("Organisation", .text(account.organisation ?? "Not given")),
                    ("E-mail confirmed", .text(account.isConfirmed ? "Yes" : "No")),
                ]),
                .h2(.text("Your roles")),
                RolesList.list(account.grants, registry: model.registry),
                .if(
                    PermissionMatrix.allows(account.roleGrants, .manageTokens),
                    .p(.a(.safeHref(SiteURL.tokens.path), .text("API tokens for data submission")))),
                .if(
                    PermissionMatrix.allows(account.roleGrants, .submitReturns),
                    .p(.a(.safeHref(SiteURL.uploadReturns.path), .text("Submit monthly returns")))),
                .h2(.text("Change your password")),
                Forms.form(action: .changePassword, csrf: context.csrfToken, fields: model.passwordFields, submit: "Change password")
            )
        )
    }
}

/// How a set of role grants reads on a page.
enum RolesList {
    static func describe(_ grant: RoleGrant, registry: Registry) -> String {
        switch grant.scope {
        case .vanguard(let number): "\(grant.role.name) for \(registry.vanguard(number: number)?.name ?? "vanguard \(number)")"
        case .organisation(let slug): "\(grant.role.name) for \(registry.organisation(slug: slug)?.name ?? slug)"
        case nil: grant.role.name
        }
    }

    static func list(_ grants: [StoredGrant], registry: Registry, revoke: ((StoredGrant) -> Node<HTML.BodyContext>)? = nil) -> Node<
        HTML.BodyContext
    > {
        .ul(
            .class("nhsuk-list nhsuk-list--bullet"),
            .li(.text("Member (every signed-in account)")),
            .forEach(grants) { grant in
                .li(.text(describe(grant.grant, registry: registry)), .unwrap(revoke) { $0(grant) })
            }
        )
    }
}

/// API tokens: the list, the form for a new one, and the new token shown once.
enum TokensPage {
    struct Model {
        let tokens: [APITokenSummary]
        let vanguards: [Vanguard]
        /// Whether the account may create a programme token (programme team).
        var offersProgrammeToken = false
        var newToken: String? = nil
        var fields: [FormField]
        var now: Date
    }

    static let programmeChoice = "programme"

    static func fields(vanguards: [Vanguard], offersProgrammeToken: Bool = false, errors: [String: String] = [:], name: String = "")
        -> [FormField]
    {
        let programme = offersProgrammeToken ? [(programmeChoice, "The programme (metric framework, rebase points)")] : []
        return [
            FormField(
                name: "name", label: "What the token is for", value: name, hint: "For example: monthly returns from our data warehouse",
                error: errors["name"]),
            FormField(
                name: "vanguard", label: "Acts for", kind: .select(programme + vanguards.map { ("\($0.number)", $0.name) }),
                error: errors["vanguard"]),
        ]
    }

    static func document(_ model: Model, registry: Registry, context: PageContext) -> HTML {
        Layout.document(
            title: "API tokens", context: context, breadcrumbs: [("Your account", .account)],
            body: .group(
                .h1(.text("API tokens")),
                .p(
                    .text(
                        "A token lets a program submit data for one vanguard through the API, sent as Authorization: Bearer <token>. It is shown once; we keep only a hash of it. It works only while you hold the role it acts with, and it expires; make a new one before then."
                    )),
                .if(
                    model.offersProgrammeToken,
                    .p(
                        .text(
                            "As a member of the programme team you can also create a programme token, which edits the metric framework and rebase points through the API for as long as you hold that role."
                        ))),
                .unwrap(model.newToken) { token in
                    .div(
                        .class("nhsuk-warning-callout"),
                        .h2(.class("nhsuk-warning-callout__label"), .text("Your new token")),
                        .p(.text("Copy it now: it will not be shown again.")),
                        .p(.code(.class("vg-token"), .text(token)))
                    )
                },
                .if(
                    model.tokens.isEmpty, .p(.text("You have no tokens yet.")),
                    else: TokenTable.table(
                        model.tokens.map { ($0, nil) }, registry: registry, now: model.now, revoke: SiteURL.revokeToken, context: context)),
                .h2(.text("Create a token")),
                .if(
                    model.vanguards.isEmpty,
                    .p(.text("Tokens are for site leads; you do not lead a vanguard.")),
                    else: Forms.form(action: .tokens, csrf: context.csrfToken, fields: model.fields, submit: "Create token"))
            )
        )
    }
}

/// API tokens as a table, for their owner and for the programme team (with an owner column).
enum TokenTable {
    static func table(
        _ tokens: [(token: APITokenSummary, owner: String?)], registry: Registry, now: Date, revoke: @escaping (UUID) -> SiteURL,
        context: PageContext
    ) -> Node<HTML.BodyContext> {
        let showsOwner = tokens.contains { $0.owner != nil }
        return .table(
            .class("nhsuk-table"),
            .thead(
                .tr(
                    .if(showsOwner, .th(.text("Owner"))), .th(.text("Name")), .th(.text("Starts with")), .th(.text("Acts for")),
                    .th(.text("Created")),
                    .th(.text("Expires")), .th(.text("Last used")), .th(.text("State")))),
            .tbody(
                .forEach(tokens) { row in
                    let token = row.token
                    return .tr(
                        .if(showsOwner, .td(.text(row.owner ?? ""))),
                        .td(.text(token.name)), .td(.code(.text(token.prefix + "…"))),
                        .td(
                            .text(
                                token.vanguardNumber.map { number in registry.vanguard(number: number)?.name ?? "\(number)" }
                                    ?? "The programme")),
                        .td(.text(DateText.short(token.createdAt))), .td(.text(token.expiresAt.map(DateText.short) ?? "–")),
                        .td(.text(token.lastUsedAt.map(DateText.short) ?? "Never")),
                        .td(state(token, now: now, revoke: revoke, context: context))
                    )
                })
        )
    }

    static func state(_ token: APITokenSummary, now: Date, revoke: (UUID) -> SiteURL, context: PageContext) -> Node<HTML.BodyContext> {
        if let revoked = token.revokedAt { return .text("Revoked \(DateText.short(revoked))") }
        if let expires = token.expiresAt, expires <= now { return .text("Expired") }
        return Forms.postButton(revoke(token.id), csrf: context.csrfToken, label: "Revoke")
    }
}

/// Every token of every account, for the programme team.
enum AdminTokensPage {
    static func document(_ tokens: [(token: APITokenSummary, owner: String)], registry: Registry, now: Date, context: PageContext) -> HTML {
        Layout.document(
            title: "API tokens", context: context, breadcrumbs: [("Accounts", .adminUsers)],
            body: .group(
                .h1(.text("Every API token")),
                .p(
                    .text(
                        "Tokens act only while their owner holds the role they act with, and expire. Revoke any token here; vanguard tokens list and vanguard tokens revoke do the same at the command line."
                    )),
                .if(
                    tokens.isEmpty, .p(.text("No account has a token.")),
                    else: TokenTable.table(
                        tokens.map { ($0.token, $0.owner) }, registry: registry, now: now, revoke: SiteURL.adminRevokeToken,
                        context: context))
            )
        )
    }
}

enum DateText {
    static func short(_ date: Date) -> String { CalendarText.dateTime(date) }
}
