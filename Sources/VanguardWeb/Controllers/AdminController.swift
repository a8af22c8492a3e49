import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// The programme team's pages: accounts and roles, the audit log, the outbox, and the permission matrix.
enum AdminController {
    @Sendable static func users(request: Request) async throws -> Response {
        AdminUsersPage.document(try await request.accounts.accounts(), registry: try await request.registry(), context: request.pageContext)
            .response()
    }

    static func findAccount(_ request: Request) async throws -> Account {
        guard let id = request.parameters.get("id", as: UUID.self), let account = try await request.accounts.account(id: id) else {
            throw AppError.notFound("The account")
        }
        return account
    }

    @Sendable static func user(request: Request) async throws -> Response {
        let account = try await findAccount(request)
        let registry = try await request.registry()
        return AdminUserPage.document(
            account, registry: registry, fields: AdminUserPage.roleFields(registry: registry), context: request.pageContext
        ).response()
    }

    /// Reads a role and its scope from the form, naming the field that is wrong.
    static func grant(from form: [String: String], registry: Registry) throws(ValidationError) -> RoleGrant {
        guard let role = Role(rawValue: form["role"] ?? ""), role != .member else {
            throw .invalid(field: "role", reason: "Choose a role")
        }
        let vanguardText = (form["vanguard"] ?? "").trimmingCharacters(in: .whitespaces)
        let organisationText = (form["organisation"] ?? "").trimmingCharacters(in: .whitespaces)
        var scope: Scope?
        switch role.scopeKind {
        case .vanguard:
            guard let number = Int(vanguardText) else {
                throw .invalid(field: "vanguard", reason: "Give the number of the vanguard this site lead acts for")
            }
            guard registry.vanguard(number: number) != nil else {
                throw .invalid(field: "vanguard", reason: "There is no vanguard \(number)")
            }
            scope = .vanguard(number)
        case .organisation:
            guard !organisationText.isEmpty else {
                throw .invalid(field: "organisation", reason: "Give the organisation this signatory signs for")
            }
            guard registry.organisation(slug: organisationText) != nil else {
                throw .invalid(field: "organisation", reason: "There is no organisation '\(organisationText)'")
            }
            scope = .organisation(organisationText)
        case nil:
            if !vanguardText.isEmpty || !organisationText.isEmpty {
                throw .invalid(
                    field: vanguardText.isEmpty ? "organisation" : "vanguard",
                    reason: "The \(role.name.lowercased()) role is not scoped; leave this empty")
            }
        }
        return try RoleGrant(role: role, scope: scope)
    }

    @Sendable static func addRole(request: Request) async throws -> Response {
        let account = try await findAccount(request)
        let actor = try request.requirePerson().actor
        let registry = try await request.registry()
        let form = try request.content.decode([String: String].self)
        do {
            try await request.accounts.grant(try grant(from: form, registry: registry), to: account.id, by: actor)
        } catch let error as ValidationError {
            let fields = AdminUserPage.roleFields(registry: registry, errors: error.byField, values: form)
            return AdminUserPage.document(account, registry: registry, fields: fields, context: request.pageContext).response(
                status: .badRequest)
        }
        return request.redirect(to: SiteURL.adminUser(account.id).path, redirectType: .normal)
    }

    @Sendable static func revokeRole(request: Request) async throws -> Response {
        let account = try await findAccount(request)
        guard let grantID = request.parameters.get("grant", as: UUID.self) else { throw AppError.notFound("The role") }
        do {
            try await request.accounts.revokeGrant(grantID, from: account.id, by: try request.requirePerson().actor)
        } catch let error as ValidationError {
            throw AppError.notFound("The role (\(error.reason.lowercased()))")
        }
        return request.redirect(to: SiteURL.adminUser(account.id).path, redirectType: .normal)
    }

    @Sendable static func audit(request: Request) async throws -> Response {
        var filter = AuditLog.Filter(
            entity: request.queryValue("entity").nonBlank, entityID: request.queryValue("entity_id").nonBlank,
            actor: request.queryValue("actor").nonBlank)
        if let channel = request.queryValue("channel").nonBlank {
            guard let value = Actor.Channel(rawValue: channel) else {
                throw AppError(
                    InvalidParameter(
                        name: "channel", value: channel, allowed: "one of \(Actor.Channel.allCases.map(\.rawValue).joined(separator: ", "))"
                    ))
            }
            filter.channel = value
        }
        let entries = try await AuditLog.entries(matching: filter, on: request.db)
        return AuditPage.document(entries, filter: filter, context: request.pageContext).response()
    }

    /// Every API token of every account, so the programme team can see and stop any of them.
    @Sendable static func tokens(request: Request) async throws -> Response {
        AdminTokensPage.document(
            try await request.accounts.allTokens(), registry: try await request.registry(), now: request.now, context: request.pageContext
        ).response()
    }

    @Sendable static func revokeToken(request: Request) async throws -> Response {
        guard let id = request.parameters.get("id", as: UUID.self) else { throw AppError.notFound("The token") }
        do { try await request.accounts.revokeToken(id, ownedBy: nil, by: try request.requirePerson().actor) } catch let error
            as ValidationError
        {
            throw AppError.notFound("The token (\(error.reason.lowercased()))")
        }
        return request.redirect(to: SiteURL.adminTokens.path, redirectType: .normal)
    }

    @Sendable static func outbox(request: Request) async throws -> Response {
        OutboxPage.document(try await request.accounts.outbox(), context: request.pageContext).response()
    }

    @Sendable static func jobs(request: Request) async throws -> Response {
        try await jobsPage(request).response()
    }

    static func jobsPage(_ request: Request, notice: String? = nil) async throws -> HTML {
        let store = JobStore(on: request)
        let depth = try await store.queueDepth()
        return JobsPage.document(
            .init(jobs: try await store.jobs(), waiting: depth.waiting, oldestDue: depth.oldestDue, notice: notice),
            context: request.pageContext)
    }

    @Sendable static func retryJob(request: Request) async throws -> Response {
        guard let id = UUID(uuidString: request.pathParameter("id")) else { throw AppError.notFound("The job") }
        do {
            try await JobStore(on: request).retry(id, by: try request.requirePerson().actor)
        } catch let error as ValidationError {
            return try await jobsPage(request, notice: "Not retried: \(error.reason)").response(status: .badRequest)
        }
        return request.redirect(to: SiteURL.jobs.path, redirectType: .normal)
    }

    @Sendable static func permissions(request: Request) async throws -> Response {
        let routes = request.application.routes.all.compactMap { route -> (String, String, Action)? in
            route.requiredAction.map { (route.method.rawValue, "/" + route.path.map(\.description).joined(separator: "/"), $0) }
        }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        return PermissionsPage.document(routes: routes.map { (method: $0.0, path: $0.1, action: $0.2) }, context: request.pageContext)
            .response()
    }
}
