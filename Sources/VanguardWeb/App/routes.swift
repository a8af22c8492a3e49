import Vapor
import VanguardCore

/// Every route of the site in one place, each with the action the permission matrix is asked about.
/// `on(_:_:action:scope:use:)` is the only way routes are added, so none can skip the check.
func routes(_ app: Application) throws {
    app.on(.GET, "", action: .readPublic, use: PagesController.home)
    app.on(.GET, "vanguards", action: .readPublic, use: PagesController.vanguards)
    app.on(.GET, "vanguards", ":number", action: .readPublic, use: PagesController.vanguard)
    app.on(.GET, "vanguards", ":number", "dashboard", action: .readPublic, use: DashboardController.vanguard)
    app.on(.GET, "vanguards", ":number", "dashboard.csv", action: .readPublic, use: DashboardController.vanguardCSV)
    app.on(.GET, "vanguards", ":number", "report", action: .readPublic, use: DashboardController.progressReport)
    app.on(.GET, "vanguards", ":number", "report.zip", action: .readPublic, use: DashboardController.progressReportBundle)
    app.on(.POST, "vanguards", ":number", "dashboard", "rebase", action: .manageMetrics, use: RebaseController.add)
    app.on(.POST, "vanguards", ":number", "dashboard", "rebase", "remove", action: .manageMetrics, use: RebaseController.remove)
    app.on(.GET, "vanguards", ":number", "edit", action: .editVanguardProfile, scope: .vanguard(parameter: "number"), use: EditController.vanguardForm)
    app.on(.POST, "vanguards", ":number", "edit", action: .editVanguardProfile, scope: .vanguard(parameter: "number"), use: EditController.saveVanguard)
    app.on(.GET, "map", action: .readPublic, use: PagesController.map)
    app.on(.GET, "national", action: .readPublic, use: DashboardController.national)
    app.on(.GET, "impact", action: .readPublic, use: ImpactController.national)
    app.on(.GET, "vanguards", ":number", "impact", ":metric", action: .readPublic, use: ImpactController.estimate)
    app.on(.GET, "metrics", action: .readPublic, use: MetricsController.list)
    app.on(.GET, "metrics", ":code", "edit", action: .manageMetrics, use: MetricsController.form)
    app.on(.POST, "metrics", ":code", "edit", action: .manageMetrics, use: MetricsController.save)
    app.on(.GET, "areas", ":code", action: .readPublic, use: PagesController.area)
    app.on(.GET, "areas", ":code", "returns", ":metric", action: .readPublic, use: DashboardController.areaReturns)
    app.on(.GET, "icbs", ":code", action: .readPublic, use: PagesController.icb)
    app.on(.GET, "regions", ":code", action: .readPublic, use: PagesController.region)
    app.on(.GET, "organisations", action: .readPublic, use: PagesController.organisations)
    app.on(.GET, "organisations", ":slug", action: .readPublic, use: PagesController.organisation)
    app.on(.GET, "organisations", ":slug", "edit", action: .editOrganisation, scope: .organisation(parameter: "slug"), use: EditController.organisationForm)
    app.on(.POST, "organisations", ":slug", "edit", action: .editOrganisation, scope: .organisation(parameter: "slug"), use: EditController.saveOrganisation)
    app.on(.GET, "find", action: .readPublic, use: PagesController.find)
    app.on(.GET, "about", "data", action: .readPublic, use: PagesController.dataSources)
    app.on(.GET, "permissions", action: .readPublic, use: AdminController.permissions)
    app.on(.GET, "healthz", action: .readPublic, use: HealthController.health)

    app.on(.GET, "calls", action: .readPublic, use: CallsController.list)
    app.on(.GET, "calls", "new", action: .manageCalls, use: CallsController.newForm)
    app.on(.POST, "calls", "new", action: .manageCalls, use: CallsController.create)
    app.on(.GET, "calls", ":call", action: .readPublic, use: CallsController.show)
    app.on(.GET, "calls", ":call", "edit", action: .manageCalls, use: CallsController.editForm)
    app.on(.POST, "calls", ":call", "edit", action: .manageCalls, use: CallsController.save)
    app.on(.POST, "calls", ":call", "apply", action: .applyToCalls, use: ApplicationsController.start)
    app.on(.GET, "applications", action: .applyToCalls, use: ApplicationsController.mine)
    app.on(.GET, "applications", ":application", action: .applyToCalls, use: ApplicationsController.show)
    app.on(.POST, "applications", ":application", action: .applyToCalls, use: ApplicationsController.save)
    app.on(.POST, "applications", ":application", "unavailability", action: .applyToCalls, use: ApplicationsController.setUnavailability)
    app.on(.GET, "calls", "2015", action: .readPublic, use: CallsController.historical)
    app.on(.GET, "assessments", action: .assess, use: AssessmentsController.mine)
    app.on(.POST, "assessments", "conflicts", action: .assess, use: AssessmentsController.declare)
    app.on(.GET, "assessments", ":assessment", action: .assess, use: AssessmentsController.show)
    app.on(.POST, "assessments", ":assessment", action: .assess, use: AssessmentsController.score)
    app.on(.GET, "calls", ":call", "selection", action: .manageCalls, use: SelectionController.board)
    app.on(.POST, "calls", ":call", "selection", "assign", action: .manageCalls, use: SelectionController.assign)
    app.on(.GET, "applications", ":application", "assessment", action: .manageCalls, use: SelectionController.application)
    app.on(.POST, "applications", ":application", "assessment", "assessors", action: .manageCalls, use: SelectionController.addAssessor)
    app.on(.POST, "applications", ":application", "assessment", "assessors", "remove", action: .manageCalls, use: SelectionController.removeAssessor)
    app.on(.POST, "applications", ":application", "assessment", "moderation", action: .manageCalls, use: SelectionController.moderate)
    app.on(.POST, "applications", ":application", "assessment", "shortlist", action: .manageCalls, use: SelectionController.shortlist)
    app.on(.POST, "applications", ":application", "assessment", "decision", action: .manageCalls, use: SelectionController.decide)
    app.on(.GET, "calls", ":call", "presentations", action: .manageCalls, use: PresentationsController.show)
    app.on(.POST, "calls", ":call", "presentations", action: .manageCalls, use: PresentationsController.save)
    app.on(.POST, "calls", ":call", "presentations", "publish", action: .manageCalls, use: PresentationsController.publish)

    app.on(.GET, "funding", action: .readPublic, use: FundingController.rounds)
    app.on(.GET, "funding", "new", action: .manageFunding, use: FundingController.newForm)
    app.on(.POST, "funding", "new", action: .manageFunding, use: FundingController.create)
    app.on(.GET, "funding", ":round", action: .readPublic, use: FundingController.round)
    app.on(.POST, "funding", ":round", "plans", action: .draftFundingPlans, use: FundingController.startPlan)
    app.on(.GET, "funding", "plans", ":plan", action: .readPublic, use: FundingPlanController.show)
    app.on(.POST, "funding", "plans", ":plan", action: .draftFundingPlans, use: FundingPlanController.revise)
    app.on(.POST, "funding", "plans", ":plan", "sign", action: .signFundingPlans, use: FundingPlanController.sign)
    app.on(.POST, "funding", "plans", ":plan", "allocate", action: .manageFunding, use: FundingPlanController.allocate)
    app.on(.POST, "funding", "plans", ":plan", "release", action: .manageFunding, use: FundingPlanController.release)
    app.on(.POST, "funding", "plans", ":plan", "reverse", action: .manageFunding, use: FundingPlanController.reverse)
    app.on(.POST, "funding", "plans", ":plan", "spend", action: .draftFundingPlans, use: FundingPlanController.spend)

    let upload = HTTPBodyStreamStrategy.collect(maxSize: ByteCount(value: ReturnsFile.defaultMaximumBytes + 1_000_000))
    app.on(.GET, "returns", "upload", action: .submitReturns, use: ReturnsController.uploadForm)
    app.on(.POST, "returns", "upload", action: .submitReturns, body: upload, use: ReturnsController.upload)
    app.on(.GET, "returns", "providers", action: .manageLookups, use: ProviderLookupController.list)
    app.on(.POST, "returns", "providers", action: .manageLookups, use: ProviderLookupController.save)
    app.on(.POST, "returns", "providers", ":code", "remove", action: .manageLookups, use: ProviderLookupController.remove)

    let account = app.grouped("account")
    account.on(.GET, "sign-up", action: .useAccountForms, use: AccountController.signUpForm)
    account.on(.POST, "sign-up", action: .useAccountForms, use: AccountController.signUp)
    account.on(.GET, "confirm", action: .useAccountForms, use: AccountController.confirm)
    account.on(.GET, "sign-in", action: .useAccountForms, use: AccountController.signInForm)
    account.on(.POST, "sign-in", action: .useAccountForms, use: AccountController.signIn)
    account.on(.POST, "sign-out", action: .useAccountForms, use: AccountController.signOut)
    account.on(.GET, "reset", action: .useAccountForms, use: AccountController.resetRequestForm)
    account.on(.POST, "reset", action: .useAccountForms, use: AccountController.resetRequest)
    account.on(.GET, "reset", ":secret", action: .useAccountForms, use: AccountController.resetPasswordForm)
    account.on(.POST, "reset", ":secret", action: .useAccountForms, use: AccountController.resetPassword)
    app.on(.GET, "account", action: .useOwnAccount, use: AccountController.account)
    account.on(.POST, "password", action: .useOwnAccount, use: AccountController.changePassword)
    account.on(.GET, "tokens", action: .manageTokens, use: AccountController.tokens)
    account.on(.POST, "tokens", action: .manageTokens, use: AccountController.createToken)
    account.on(.POST, "tokens", ":id", "revoke", action: .manageTokens, use: AccountController.revokeToken)

    let admin = app.grouped("admin")
    admin.on(.GET, "users", action: .manageAccounts, use: AdminController.users)
    admin.on(.GET, "users", ":id", action: .manageAccounts, use: AdminController.user)
    admin.on(.POST, "users", ":id", "roles", action: .manageAccounts, use: AdminController.addRole)
    admin.on(.POST, "users", ":id", "roles", ":grant", "revoke", action: .manageAccounts, use: AdminController.revokeRole)
    admin.on(.GET, "audit", action: .viewAuditLog, use: AdminController.audit)
    admin.on(.GET, "outbox", action: .viewOutbox, use: AdminController.outbox)

    let api = app.grouped("api", "v1")
    api.on(.GET, "openapi.json", action: .readPublic, use: APIController.openAPI)
    api.on(.GET, "vanguards", action: .readPublic, use: APIController.vanguards)
    api.on(.GET, "vanguards", ":number", action: .readPublic, use: APIController.vanguard)
    api.on(.PATCH, "vanguards", ":number", action: .editVanguardProfile, scope: .vanguard(parameter: "number"), use: EditController.patchVanguard)
    api.on(.GET, "vanguards", ":number", "rebases", action: .readPublic, use: RebaseController.list)
    api.on(.POST, "vanguards", ":number", "rebases", action: .manageMetrics, use: RebaseController.create)
    api.on(.DELETE, "vanguards", ":number", "rebases", ":metric", ":period", action: .manageMetrics, use: RebaseController.delete)
    api.on(.GET, "impact", action: .readPublic, use: ImpactController.apiList)
    api.on(.GET, "vanguards", ":number", "impact", ":metric", action: .readPublic, use: ImpactController.apiEstimate)
    api.on(.GET, "metrics", action: .readPublic, use: MetricsController.apiList)
    api.on(.GET, "metrics", ":code", action: .readPublic, use: MetricsController.apiShow)
    api.on(.PUT, "metrics", ":code", action: .manageMetrics, use: MetricsController.apiUpdate)
    api.on(.GET, "funding", "rounds", action: .readPublic, use: FundingAPIController.rounds)
    api.on(.GET, "funding", "rounds", ":round", action: .readPublic, use: FundingAPIController.round)
    api.on(.POST, "funding", "plans", ":plan", "allocation", action: .manageFunding, use: FundingAPIController.allocate)
    api.on(.GET, "areas", action: .readPublic, use: APIController.areas)
    api.on(.GET, "areas", ":code", action: .readPublic, use: APIController.area)
    api.on(.GET, "organisations", action: .readPublic, use: APIController.organisations)
    api.on(.GET, "organisations", ":slug", action: .readPublic, use: APIController.organisation)
    api.on(.POST, "spc", action: .readPublic, use: SPCController.chart)
    api.on(.POST, "returns", action: .submitReturns, body: upload, use: ReturnsController.submitAPI)
}

extension Request {
    /// A path parameter the route guarantees exists.
    func pathParameter(_ name: String) -> String {
        parameters.get(name) ?? ""
    }

    /// A query-string value, nil when absent.
    func queryValue(_ name: String) -> String? {
        try? query.get(String.self, at: name)
    }
}

extension HTML {
    /// The page as a response with the HTML content type.
    func response(status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: render()))
        response.headers.contentType = .html
        return response
    }
}

import Plot
