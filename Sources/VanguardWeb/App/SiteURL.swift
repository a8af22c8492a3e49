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
    case editVanguard(Int)
    case dashboard(Int)
    case uploadReturns
    case national
    case metrics
    case editMetric(String)
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
    case fundingPlan(UUID), signFundingPlan(UUID), confirmPlanPartners(UUID), allocateFunding(UUID), releaseTranche(UUID), reverseLedgerEntry(UUID), fundingSpend(UUID)

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
        case impactEstimate(Int, String)
        case openAPI
        case search
    }

    var path: String {
        switch self {
        case .home: "/"
        case .vanguards: "/vanguards"
        case .vanguard(let number): "/vanguards/\(number)"
        case .map: "/map"
        case .area(let code): "/areas/\(code.urlPathEncoded)"
        case .icb(let code): "/icbs/\(code.urlPathEncoded)"
        case .region(let code): "/regions/\(code.urlPathEncoded)"
        case .organisations: "/organisations"
        case .organisation(let slug): "/organisations/\(slug.urlPathEncoded)"
        case .find: "/find"
        case .dataSources: "/about/data"
        case .healthz: "/healthz"
        case .asset(let name): "/assets/\(name)"
        case .signUp: "/account/sign-up"
        case .signIn: "/account/sign-in"
        case .signOut: "/account/sign-out"
        case .confirmEmail: "/account/confirm"
        case .resetRequest: "/account/reset"
        case .resetPassword(let secret): "/account/reset/\(secret.urlPathEncoded)"
        case .account: "/account"
        case .changePassword: "/account/password"
        case .tokens: "/account/tokens"
        case .revokeToken(let id): "/account/tokens/\(id.uuidString)/revoke"
        case .adminUsers: "/admin/users"
        case .adminUser(let id): "/admin/users/\(id.uuidString)"
        case .adminUserRoles(let id): "/admin/users/\(id.uuidString)/roles"
        case .adminRevokeRole(let user, let grant): "/admin/users/\(user.uuidString)/roles/\(grant.uuidString)/revoke"
        case .adminTokens: "/admin/tokens"
        case .adminRevokeToken(let id): "/admin/tokens/\(id.uuidString)/revoke"
        case .audit: "/admin/audit"
        case .outbox: "/admin/outbox"
        case .permissions: "/permissions"
        case .editVanguard(let number): "/vanguards/\(number)/edit"
        case .dashboard(let number): "/vanguards/\(number)/dashboard"
        case .uploadReturns: "/returns/upload"
        case .national: "/national"
        case .metrics: "/metrics"
        case .editMetric(let code): "/metrics/\(code.urlPathEncoded)/edit"
        case .areaReturns(let area, let metric): "/areas/\(area.urlPathEncoded)/returns/\(metric.urlPathEncoded)"
        case .dashboardCSV(let number): "/vanguards/\(number)/dashboard.csv"
        case .rebase(let number): "/vanguards/\(number)/dashboard/rebase"
        case .removeRebase(let number): "/vanguards/\(number)/dashboard/rebase/remove"
        case .progressReport(let number): "/vanguards/\(number)/report"
        case .providerLookup: "/returns/providers"
        case .impact: "/impact"
        case .impactEstimate(let number, let metric): "/vanguards/\(number)/impact/\(metric.urlPathEncoded)"
        case .removeProvider(let code): "/returns/providers/\(code.urlPathEncoded)/remove"
        case .progressReportBundle(let number): "/vanguards/\(number)/report.zip"
        case .editOrganisation(let slug): "/organisations/\(slug.urlPathEncoded)/edit"
        case .calls: "/calls"
        case .newCall: "/calls/new"
        case .call(let id): "/calls/\(id.uuidString)"
        case .editCall(let id): "/calls/\(id.uuidString)/edit"
        case .startApplication(let id): "/calls/\(id.uuidString)/apply"
        case .applications: "/applications"
        case .application(let id): "/applications/\(id.uuidString)"
        case .unavailability(let id): "/applications/\(id.uuidString)/unavailability"
        case .historicalCall: "/calls/2015"
        case .assessments: "/assessments"
        case .declareConflict: "/assessments/conflicts"
        case .assessment(let id): "/assessments/\(id.uuidString)"
        case .selectionBoard(let id): "/calls/\(id.uuidString)/selection"
        case .assignAssessors(let id): "/calls/\(id.uuidString)/selection/assign"
        case .applicationAssessment(let id): "/applications/\(id.uuidString)/assessment"
        case .addAssessor(let id): "/applications/\(id.uuidString)/assessment/assessors"
        case .removeAssessor(let id): "/applications/\(id.uuidString)/assessment/assessors/remove"
        case .moderate(let id): "/applications/\(id.uuidString)/assessment/moderation"
        case .shortlist(let id): "/applications/\(id.uuidString)/assessment/shortlist"
        case .decide(let id): "/applications/\(id.uuidString)/assessment/decision"
        case .presentations(let id): "/calls/\(id.uuidString)/presentations"
        case .funding: "/funding"
        case .newFundingRound: "/funding/new"
        case .fundingRound(let id): "/funding/\(id.uuidString)"
        case .startFundingPlan(let id): "/funding/\(id.uuidString)/plans"
        case .fundingPlan(let id): "/funding/plans/\(id.uuidString)"
        case .signFundingPlan(let id): "/funding/plans/\(id.uuidString)/sign"
        case .confirmPlanPartners(let id): "/funding/plans/\(id.uuidString)/confirm-partners"
        case .allocateFunding(let id): "/funding/plans/\(id.uuidString)/allocate"
        case .releaseTranche(let id): "/funding/plans/\(id.uuidString)/release"
        case .reverseLedgerEntry(let id): "/funding/plans/\(id.uuidString)/reverse"
        case .fundingSpend(let id): "/funding/plans/\(id.uuidString)/spend"
        case .publishPresentations(let id): "/calls/\(id.uuidString)/presentations/publish"
        case .learning(let route): route.path
        case .search: "/search"
        case .api(let api):
            switch api {
            case .vanguards: "/api/v1/vanguards"
            case .vanguard(let number): "/api/v1/vanguards/\(number)"
            case .areas: "/api/v1/areas"
            case .area(let code): "/api/v1/areas/\(code.urlPathEncoded)"
            case .organisations: "/api/v1/organisations"
            case .organisation(let slug): "/api/v1/organisations/\(slug.urlPathEncoded)"
            case .returns: "/api/v1/returns"
            case .metrics: "/api/v1/metrics"
            case .metric(let code): "/api/v1/metrics/\(code.urlPathEncoded)"
            case .rebases(let number): "/api/v1/vanguards/\(number)/rebases"
            case .impact: "/api/v1/impact"
            case .impactEstimate(let number, let metric): "/api/v1/vanguards/\(number)/impact/\(metric.urlPathEncoded)"
            case .openAPI: "/api/v1/openapi.json"
            case .search: "/api/v1/search"
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
