import VanguardCore
import VanguardStore
import Vapor

/// The HTML pages. Each handler reads its input, builds the page's model from the registry, and renders.
enum PagesController {
    @Sendable static func home(request: Request) async throws -> Response {
        let registry = try await request.registry()
        return HomePage.document(HomePage.Model(registry: registry), context: request.pageContext).response()
    }

    @Sendable static func vanguards(request: Request) async throws -> Response {
        let registry = try await request.registry()
        let filter = try vanguardFilter(request, registry: registry)
        return VanguardsPage.document(VanguardsPage.Model(registry: registry, filter: filter), context: request.pageContext).response()
    }

    @Sendable static func vanguard(request: Request) async throws -> Response {
        let registry = try await request.registry()
        let vanguard = try findVanguard(request.pathParameter("number"), in: registry)
        let boundaries = try await request.boundaries()
        let posts = try await LearningStore(on: request).published(.init(vanguard: vanguard.number))
        let innovations = try await InnovationStore(on: request).innovations().filter { $0.originVanguard == vanguard.number }
        let model = VanguardPage.Model(
            vanguard: vanguard, registry: registry, boundaries: boundaries, posts: posts, innovations: innovations)
        return VanguardPage.document(model, context: request.pageContext).response()
    }

    @Sendable static func map(request: Request) async throws -> Response {
        let registry = try await request.registry()
        let careModel = try self.careModel(request)
        let boundaries = try await request.boundaries()
        let model = MapPage.Model(registry: registry, boundaries: boundaries, careModel: careModel)
        return MapPage.document(model, context: request.pageContext).response()
    }

    @Sendable static func area(request: Request) async throws -> Response {
        let registry = try await request.registry()
        let area = try findArea(request.pathParameter("code"), in: registry)
        let boundaries = try await request.boundaries()
        let store = ReturnsStore(on: request)
        let codes = Set(try await request.readingDatabase { try await store.metricCodes(area: area.code) })
        let metrics = try await store.metrics().filter { codes.contains($0.code) }
        let model = AreaPage.Model(area: area, registry: registry, boundaries: boundaries, metrics: metrics)
        return AreaPage.document(model, context: request.pageContext).response()
    }

    @Sendable static func icb(request: Request) async throws -> Response {
        let registry = try await request.registry()
        let code = request.pathParameter("code")
        guard let icb = registry.icb(code: code) else { throw AppError.notFound("The ICB \(code)") }
        return PlacePage.document(PlacePage.Model(icb: icb, registry: registry), context: request.pageContext).response()
    }

    @Sendable static func region(request: Request) async throws -> Response {
        let registry = try await request.registry()
        let code = request.pathParameter("code")
        guard let region = registry.region(code: code) else { throw AppError.notFound("The region \(code)") }
        return PlacePage.document(PlacePage.Model(region: region, registry: registry), context: request.pageContext).response()
    }

    @Sendable static func organisations(request: Request) async throws -> Response {
        let registry = try await request.registry()
        let sector = try self.sector(request)
        let page = try pageRequest(request, defaultPer: 50)
        let model = OrganisationsPage.Model(registry: registry, sector: sector, text: request.queryValue("q").nonBlank, page: page)
        return OrganisationsPage.document(model, context: request.pageContext).response()
    }

    @Sendable static func organisation(request: Request) async throws -> Response {
        let registry = try await request.registry()
        let organisation = try findOrganisation(request.pathParameter("slug"), in: registry)
        return OrganisationPage.document(
            OrganisationPage.Model(organisation: organisation, registry: registry), context: request.pageContext
        ).response()
    }

    @Sendable static func dataSources(request: Request) async throws -> Response {
        DataSourcesPage.document(context: request.pageContext).response()
    }

    // MARK: - Reading input, shared with the API

    static func vanguardFilter(_ request: Request, registry: Registry) throws -> VanguardFilter {
        do {
            return try VanguardFilter(
                careModel: request.queryValue("care_model"), wave: request.queryValue("wave"),
                region: request.queryValue("region"), text: request.queryValue("q"), in: registry
            )
        } catch {
            throw AppError(error)
        }
    }

    static func careModel(_ request: Request) throws -> CareModel? {
        guard let text = request.queryValue("care_model").nonBlank else { return nil }
        do {
            return try CareModel(parameter: text)
        } catch {
            throw AppError(error)
        }
    }

    static func sector(_ request: Request) throws -> Sector? {
        guard let text = request.queryValue("sector").nonBlank else { return nil }
        guard let sector = Sector(rawValue: text) else {
            throw AppError(
                InvalidParameter(name: "sector", value: text, allowed: "one of \(Sector.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        return sector
    }

    static func pageRequest(_ request: Request, defaultPer: Int = PageRequest.defaultPerPage) throws -> PageRequest {
        do {
            let page = try PageRequest(page: request.queryValue("page"), per: request.queryValue("per"))
            return request.queryValue("per") == nil ? PageRequest(page: page.page, per: defaultPer) : page
        } catch {
            throw AppError(error)
        }
    }

    static func findVanguard(_ text: String, in registry: Registry) throws -> Vanguard {
        guard let number = Int(text), let vanguard = registry.vanguard(number: number) else {
            throw AppError.notFound("The vanguard \(text)")
        }
        return vanguard
    }

    static func findArea(_ code: String, in registry: Registry) throws -> SubICBLocation {
        guard let area = registry.area(code: code) else { throw AppError.notFound("The area \(code)") }
        return area
    }

    static func findOrganisation(_ slug: String, in registry: Registry) throws -> Organisation {
        guard let organisation = registry.organisation(slug: slug) else { throw AppError.notFound("The organisation \(slug)") }
        return organisation
    }
}
