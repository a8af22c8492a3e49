import Foundation
import VanguardCore

/// Every address the site serves, so links are built from one place and cannot drift from routes.
enum SiteURL: Hashable {
    case home
    case vanguards
    case vanguard(Int)
    case map
    case area(String)
    case icb(String)
    case region(String)
    case organisations
    case organisation(String)
    case find
    case dataSources
    case healthz
    case api(API)
    case asset(String)
    case signUp, signIn, signOut, confirmEmail, resetRequest
    case resetPassword(String)
    case account, changePassword, tokens
    case revokeToken(UUID)
    case adminUsers
    case adminUser(UUID)
    case adminUserRoles(UUID)
    case adminRevokeRole(UUID, UUID)
    case adminTokens
    case adminRevokeToken(UUID)
    case audit, outbox, permissions
    case jobs
    case retryJob(UUID)
    case editVanguard(Int)
    case dashboard(Int)
    case uploadReturns
    case national
    case metricFramework
    case editMetric(String)
    /// Prometheus text; the metric framework's address until December 2026.
    case monitoring
    case formerEditMetric(String)
    case areaReturns(String, String)
    case dashboardCSV(Int)
    case rebase(Int)
    case removeRebase(Int)
    case progressReport(Int)
    case providerLookup
    case impact
    case impactEstimate(Int, String)
    case removeProvider(String)
    case progressReportBundle(Int)
    case editOrganisation(String)
    case calls, newCall
    case call(UUID)
    case editCall(UUID)
    case startApplication(UUID)
    case applications
    case application(UUID)
    case unavailability(UUID)
    case historicalCall
    case assessments, declareConflict
    case assessment(UUID)
    case selectionBoard(UUID), assignAssessors(UUID)
    case applicationAssessment(UUID), addAssessor(UUID), removeAssessor(UUID), moderate(UUID), shortlist(UUID), decide(UUID)
    case presentations(UUID), publishPresentations(UUID)
    case funding, newFundingRound
    case fundingRound(UUID), startFundingPlan(UUID)
    case learning(Learning)
    case search
    case fundingPlan(UUID), signFundingPlan(UUID), confirmPlanPartners(UUID), allocateFunding(UUID), releaseTranche(UUID),
        reverseLedgerEntry(UUID), fundingSpend(UUID)

    enum API: Hashable {
        case vanguards
        case vanguard(Int)
        case areas
        case area(String)
        case organisations
        case organisation(String)
        case returns
        case metrics
        case metric(String)
        case rebases(Int)
        case impact
        case impactWaves
        case impactEstimate(Int, String)
        case openAPI
        case search
        case rebase(Int, String, String)
        case fundingRounds
        case fundingRound(UUID)
        case fundingAllocation(UUID)
        case calls
        case call(UUID)
        case posts
        case post(String)
        case events
        case innovations
        case innovation(String)
        case evaluations(Int)
        case spc
    }

    var segments: [PathSegment] {
        switch self {
        case .home: []
        case .vanguards: ["vanguards"]
        case .vanguard(let number): ["vanguards", .parameter("number", number)]
        case .map: ["map"]
        case .area(let code): ["areas", .parameter("code", code)]
        case .icb(let code): ["icbs", .parameter("code", code)]
        case .region(let code): ["regions", .parameter("code", code)]
        case .organisations: ["organisations"]
        case .organisation(let slug): ["organisations", .parameter("slug", slug)]
        case .find: ["find"]
        case .dataSources: ["about", "data"]
        case .healthz: ["healthz"]
        case .asset(let name): ["assets"] + name.split(separator: "/").map { .constant(String($0)) }
        case .signUp: ["account", "sign-up"]
        case .signIn: ["account", "sign-in"]
        case .signOut: ["account", "sign-out"]
        case .confirmEmail: ["account", "confirm"]
        case .resetRequest: ["account", "reset"]
        case .resetPassword(let secret): ["account", "reset", .parameter("secret", secret)]
        case .account: ["account"]
        case .changePassword: ["account", "password"]
        case .tokens: ["account", "tokens"]
        case .revokeToken(let id): ["account", "tokens", .parameter("id", id), "revoke"]
        case .adminUsers: ["admin", "users"]
        case .adminUser(let id): ["admin", "users", .parameter("id", id)]
        case .adminUserRoles(let id): ["admin", "users", .parameter("id", id), "roles"]
        case .adminRevokeRole(let user, let grant):
            ["admin", "users", .parameter("id", user), "roles", .parameter("grant", grant), "revoke"]
        case .adminTokens: ["admin", "tokens"]
        case .adminRevokeToken(let id): ["admin", "tokens", .parameter("id", id), "revoke"]
        case .audit: ["admin", "audit"]
        case .outbox: ["admin", "outbox"]
        case .jobs: ["admin", "jobs"]
        case .retryJob(let id): ["admin", "jobs", .parameter("id", id), "retry"]
        case .permissions: ["permissions"]
        case .editVanguard(let number): ["vanguards", .parameter("number", number), "edit"]
        case .dashboard(let number): ["vanguards", .parameter("number", number), "dashboard"]
        case .uploadReturns: ["returns", "upload"]
        case .national: ["national"]
        case .metricFramework: ["metric-framework"]
        case .editMetric(let code): ["metric-framework", .parameter("code", code), "edit"]
        case .monitoring: ["metrics"]
        case .formerEditMetric(let code): ["metrics", .parameter("code", code), "edit"]
        case .areaReturns(let area, let metric): ["areas", .parameter("code", area), "returns", .parameter("metric", metric)]
        case .dashboardCSV(let number): ["vanguards", .parameter("number", number), "dashboard.csv"]
        case .rebase(let number): ["vanguards", .parameter("number", number), "dashboard", "rebase"]
        case .removeRebase(let number): ["vanguards", .parameter("number", number), "dashboard", "rebase", "remove"]
        case .progressReport(let number): ["vanguards", .parameter("number", number), "report"]
        case .providerLookup: ["returns", "providers"]
        case .impact: ["impact"]
        case .impactEstimate(let number, let metric): ["vanguards", .parameter("number", number), "impact", .parameter("metric", metric)]
        case .removeProvider(let code): ["returns", "providers", .parameter("code", code), "remove"]
        case .progressReportBundle(let number): ["vanguards", .parameter("number", number), "report.zip"]
        case .editOrganisation(let slug): ["organisations", .parameter("slug", slug), "edit"]
        case .calls: ["calls"]
        case .newCall: ["calls", "new"]
        case .call(let id): ["calls", .parameter("call", id)]
        case .editCall(let id): ["calls", .parameter("call", id), "edit"]
        case .startApplication(let id): ["calls", .parameter("call", id), "apply"]
        case .applications: ["applications"]
        case .application(let id): ["applications", .parameter("application", id)]
        case .unavailability(let id): ["applications", .parameter("application", id), "unavailability"]
        case .historicalCall: ["calls", "2015"]
        case .assessments: ["assessments"]
        case .declareConflict: ["assessments", "conflicts"]
        case .assessment(let id): ["assessments", .parameter("assessment", id)]
        case .selectionBoard(let id): ["calls", .parameter("call", id), "selection"]
        case .assignAssessors(let id): ["calls", .parameter("call", id), "selection", "assign"]
        case .applicationAssessment(let id): ["applications", .parameter("application", id), "assessment"]
        case .addAssessor(let id): ["applications", .parameter("application", id), "assessment", "assessors"]
        case .removeAssessor(let id): ["applications", .parameter("application", id), "assessment", "assessors", "remove"]
        case .moderate(let id): ["applications", .parameter("application", id), "assessment", "moderation"]
        case .shortlist(let id): ["applications", .parameter("application", id), "assessment", "shortlist"]
        case .decide(let id): ["applications", .parameter("application", id), "assessment", "decision"]
        case .presentations(let id): ["calls", .parameter("call", id), "presentations"]
        case .funding: ["funding"]
        case .newFundingRound: ["funding", "new"]
        case .fundingRound(let id): ["funding", .parameter("round", id)]
        case .startFundingPlan(let id): ["funding", .parameter("round", id), "plans"]
        case .fundingPlan(let id): ["funding", "plans", .parameter("plan", id)]
        case .signFundingPlan(let id): ["funding", "plans", .parameter("plan", id), "sign"]
        case .confirmPlanPartners(let id): ["funding", "plans", .parameter("plan", id), "confirm-partners"]
        case .allocateFunding(let id): ["funding", "plans", .parameter("plan", id), "allocate"]
        case .releaseTranche(let id): ["funding", "plans", .parameter("plan", id), "release"]
        case .reverseLedgerEntry(let id): ["funding", "plans", .parameter("plan", id), "reverse"]
        case .fundingSpend(let id): ["funding", "plans", .parameter("plan", id), "spend"]
        case .publishPresentations(let id): ["calls", .parameter("call", id), "presentations", "publish"]
        case .learning(let route): route.segments
        case .search: ["search"]
        case .api(let api):
            switch api {
            case .vanguards: ["api", "v1", "vanguards"]
            case .vanguard(let number): ["api", "v1", "vanguards", .parameter("number", number)]
            case .areas: ["api", "v1", "areas"]
            case .area(let code): ["api", "v1", "areas", .parameter("code", code)]
            case .organisations: ["api", "v1", "organisations"]
            case .organisation(let slug): ["api", "v1", "organisations", .parameter("slug", slug)]
            case .returns: ["api", "v1", "returns"]
            case .metrics: ["api", "v1", "metrics"]
            case .metric(let code): ["api", "v1", "metrics", .parameter("code", code)]
            case .rebases(let number): ["api", "v1", "vanguards", .parameter("number", number), "rebases"]
            case .impact: ["api", "v1", "impact"]
            case .impactWaves: ["api", "v1", "impact", "waves"]
            case .impactEstimate(let number, let metric):
                ["api", "v1", "vanguards", .parameter("number", number), "impact", .parameter("metric", metric)]
            case .openAPI: ["api", "v1", "openapi.json"]
            case .search: ["api", "v1", "search"]
            case .rebase(let number, let metric, let period):
                [
                    "api", "v1", "vanguards", .parameter("number", number), "rebases", .parameter("metric", metric),
                    .parameter("period", period),
                ]
            case .fundingRounds: ["api", "v1", "funding", "rounds"]
            case .fundingRound(let id): ["api", "v1", "funding", "rounds", .parameter("round", id)]
            case .fundingAllocation(let id): ["api", "v1", "funding", "plans", .parameter("plan", id), "allocation"]
            case .calls: ["api", "v1", "calls"]
            case .call(let id): ["api", "v1", "calls", .parameter("call", id)]
            case .posts: ["api", "v1", "posts"]
            case .post(let slug): ["api", "v1", "posts", .parameter("slug", slug)]
            case .events: ["api", "v1", "events"]
            case .innovations: ["api", "v1", "innovations"]
            case .innovation(let slug): ["api", "v1", "innovations", .parameter("slug", slug)]
            case .evaluations(let number): ["api", "v1", "vanguards", .parameter("number", number), "evaluations"]
            case .spc: ["api", "v1", "spc"]
            }
        }
    }

    /// The path with a query string of the non-empty values, in the order given.
    func path(query: KeyValuePairs<String, String?>) -> String {
        var components = URLComponents()
        components.path = path
        let items = query.compactMap { key, value in value.nonBlank.map { URLQueryItem(name: key, value: $0) } }
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? path
    }
}

extension String {
    var urlPathEncoded: String {
        addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? self
    }
}
