import Foundation
import Plot
import VanguardCore
import VanguardStore

/// Accounts and their roles, for the programme team.
enum AdminUsersPage {
    static func document(_ accounts: [Account], registry: Registry, context: PageContext) -> HTML {
        Layout.document(
            title: "Accounts", context: context,
            body: .group(
                .h1(.text("Accounts")),
                .p(
                    .text(
                        "\(accounts.count) accounts. Operators can also list, create and change accounts at the command line: vanguard users list|create|grant|revoke."
                    )),
                .p(.a(.safeHref(SiteURL.adminTokens.path), .text("Every API token, to see or revoke"))),
                .table(
                    .class("nhsuk-table"),
                    .thead(.tr(.th(.text("Name")), .th(.text("E-mail")), .th(.text("Confirmed")), .th(.text("Roles")))),
                    .tbody(
                        .forEach(accounts) { account in
                            .tr(
                                .td(.a(.safeHref(SiteURL.adminUser(account.id).path), .text(account.displayName))),
                                .td(.text(account.email)),
                                .td(.text(account.isConfirmed ? "Yes" : "No")),
                                .td(
                                    .text(
                                        account.grants.isEmpty
                                            ? "Member"
                                            : account.grants.map { RolesList.describe($0.grant, registry: registry) }.joined(
                                                separator: "; ")))
                            )
                        })
                )
            )
        )
    }
}

enum AdminUserPage {
    static func roleFields(registry: Registry, errors: [String: String] = [:], values: [String: String] = [:]) -> [FormField] {
        [
            // No role is chosen until someone chooses one: granting the programme team by default is one slip from harm.
            FormField(
                name: "role", label: "Role",
                kind: .select([("", "Choose a role")] + Role.allCases.filter { $0 != .member }.map { ($0.rawValue, $0.name) }),
                value: values["role"] ?? "", error: errors["role"]),
            FormField(
                name: "vanguard", label: "Vanguard number (site lead only)", value: values["vanguard"] ?? "",
                hint: "1 to \(registry.vanguards.count)", error: errors["vanguard"]),
            FormField(
                name: "organisation", label: "Organisation (partner signatory only)", value: values["organisation"] ?? "",
                hint: "The organisation's directory address, e.g. salford-royal-nhs-ft", error: errors["organisation"]),
        ]
    }

    static func document(_ account: Account, registry: Registry, fields: [FormField], context: PageContext) -> HTML {
        Layout.document(
            title: account.displayName, context: context, breadcrumbs: [("Accounts", .adminUsers)],
            body: .group(
                .span(.class("nhsuk-caption-l"), .text("Account")),
                .h1(.text(account.displayName)),
                Components.summaryList([
                    ("E-mail", .text(account.email)),
                    ("Organisation", .text(account.organisation ?? "Not given")),
                    ("E-mail confirmed", .text(account.isConfirmed ? "Yes" : "No")),
                ]),
                .h2(.text("Roles")),
                RolesList.list(account.grants, registry: registry) { grant in
                    Forms.postButton(.adminRevokeRole(account.id, grant.id), csrf: context.csrfToken, label: "Remove")
                },
                .h2(.text("Give a role")),
                Forms.form(action: .adminUserRoles(account.id), csrf: context.csrfToken, fields: fields, submit: "Give role"),
                .p(.a(.safeHref(SiteURL.audit.path(query: ["entity_id": account.id.uuidString])), .text("This account in the audit log")))
            )
        )
    }
}

/// The audit log: every change, newest first, filterable; nothing here edits it.
enum AuditPage {
    static func document(_ entries: [AuditEntry], filter: AuditLog.Filter, context: PageContext) -> HTML {
        Layout.document(
            title: "Audit log", context: context,
            body: .group(
                .h1(.text("Audit log")),
                .p(
                    .text(
                        "Every change to data: who, when, through which door, and the values before and after. Entries cannot be changed or deleted through the app."
                    )),
                .form(
                    .class("vg-filter"), .action(SiteURL.audit.path), .method(.get),
                    .div(
                        .class("nhsuk-form-group vg-filter__field"), .label(.class("nhsuk-label"), .for("entity"), .text("Entity")),
                        .input(.class("nhsuk-input"), .id("entity"), .name("entity"), .safeValue(filter.entity ?? ""))),
                    .div(
                        .class("nhsuk-form-group vg-filter__field"), .label(.class("nhsuk-label"), .for("actor"), .text("Actor")),
                        .input(.class("nhsuk-input"), .id("actor"), .name("actor"), .safeValue(filter.actor ?? ""))),
                    Components.filterSelect(
                        name: "channel", label: "Through", any: "Any", options: Actor.Channel.allCases.map { ($0.rawValue, $0.rawValue) },
                        selected: filter.channel?.rawValue
                    ),
                    .button(.class("nhsuk-button nhsuk-button--secondary"), .type(.submit), .text("Filter"))
                ),
                .table(
                    .class("nhsuk-table vg-audit"),
                    .thead(
                        .tr(
                            .th(.text("When")), .th(.text("Who")), .th(.text("Through")), .th(.text("What")), .th(.text("Before")),
                            .th(.text("After")))),
                    .tbody(
                        .forEach(entries) { entry in
                            .tr(
                                .td(.text(DateText.short(entry.at))),
                                .td(.text(entry.actor.label)),
                                .td(.text(entry.actor.channel.rawValue)),
                                .td(.text("\(entry.action) \(entry.entity) \(entry.entityID)")),
                                .td(values(entry.before)),
                                .td(values(entry.after))
                            )
                        })
                )
            )
        )
    }

    static func values(_ values: [String: String]?) -> Node<HTML.BodyContext> {
        guard let values else { return .text("–") }
        return .dl(
            .class("vg-values"),
            .forEach(values.sorted { $0.key < $1.key }) { pair in
                .group(.dt(.text(pair.key)), .dd(.text(pair.value.isEmpty ? "–" : pair.value)))
            })
    }
}

/// The e-mail outbox: what the app has written to people.
enum OutboxPage {
    static func document(_ messages: [OutboxMessage], context: PageContext) -> HTML {
        Layout.document(
            title: "Outbox", context: context,
            body: .group(
                .h1(.text("E-mail outbox")),
                .p(
                    .text(
                        "Messages the app has written. With SMTP_HOST set they are sent from here; without it they wait here, and operators can read them with vanguard outbox list. Account e-mails (confirmation links, password resets) carry secrets: they are never shown, and their text is deleted once sent."
                    )),
                .forEach(messages) { message in
                    .div(
                        .class("vg-message"),
                        .h2(.class("nhsuk-heading-s"), .text(message.subject)),
                        .p(
                            .class("nhsuk-body-s"), .text("To \(message.recipient), \(DateText.short(message.createdAt)). "),
                            .strong(
                                .class("vg-delivery"),
                                .text(
                                    message.sentAt.map { "Sent \(DateText.short($0))" }
                                        ?? (message.attempts > 0
                                            ? "Not sent after \(message.attempts) attempts: \(message.lastError ?? "")" : "Waiting")))),
                        .element(named: "pre", nodes: [.text(message.readableBody)])
                    )
                }
            )
        )
    }
}

/// The permission matrix as a table: the same values every route consults.
enum PermissionsPage {
    static func document(routes: [(method: String, path: String, action: Action)], context: PageContext) -> HTML {
        Layout.document(
            title: "Who may do what", context: context,
            body: .group(
                .h1(.text("Who may do what")),
                .p(
                    .text(
                        "Every route asks the same table below. Site leads act only for their own vanguard and partner signatories only for their own organisation."
                    )),
                .table(
                    .class("nhsuk-table vg-matrix"),
                    .thead(.tr(.th(.text("Action")), .th(.text("Anyone")), .forEach(Role.allCases) { .th(.text($0.name)) })),
                    .tbody(
                        .forEach(Action.allCases) { action in
                            .tr(
                                .td(.text(action.summary)),
                                .td(.text(PermissionMatrix.anonymous.contains(action) ? "Yes" : "No")),
                                .forEach(Role.allCases) { role in
                                    .td(
                                        .text(
                                            PermissionMatrix.table[role]?.contains(action) == true
                                                ? (role.scopeKind != nil && action.scopeKind != nil
                                                    ? "Own \(role.scopeKind!.rawValue)" : "Yes") : "No"))
                                }
                            )
                        })
                ),
                .h2(.text("Rules that depend on the data")),
                .ul(.forEach(PermissionMatrix.dataRules) { .li(.text($0)) }),
                .h2(.text("Routes and the action each asks for")),
                .table(
                    .class("nhsuk-table"),
                    .thead(.tr(.th(.text("Method")), .th(.text("Path")), .th(.text("Action")))),
                    .tbody(
                        .forEach(routes) { route in
                            .tr(.td(.text(route.method)), .td(.code(.text(route.path))), .td(.text(route.action.rawValue)))
                        })
                )
            )
        )
    }
}
