import VanguardCore
import Vapor

/// `/api/v1`: the registry as JSON, described by `OpenAPIDocument`.
enum APIController {
    @Sendable static func openAPI(request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(data: OpenAPIDocument.json))
        response.headers.contentType = .json
        return response
    }

    @Sendable static func vanguards(request: Request) async throws -> PageDTO<VanguardSummaryDTO> {
        let registry = try await request.registry()
        let filter = try PagesController.vanguardFilter(request, registry: registry)
        let page = try PagesController.pageRequest(request)
        return PageDTO(all: registry.vanguards(matching: filter).map { VanguardSummaryDTO($0, registry: registry) }, page: page)
    }

    @Sendable static func vanguard(request: Request) async throws -> VanguardDTO {
        let registry = try await request.registry()
        return VanguardDTO(try PagesController.findVanguard(request.pathParameter("number"), in: registry), registry: registry)
    }

    @Sendable static func areas(request: Request) async throws -> PageDTO<AreaDTO> {
        let registry = try await request.registry()
        let page = try PagesController.pageRequest(request)
        let careModel = try PagesController.careModel(request)
        let icb = request.queryValue("icb").nonBlank
        if let icb, registry.icb(code: icb) == nil {
            throw AppError(InvalidParameter(name: "icb", value: icb, allowed: "an ICB code (E54…) of a current integrated care board"))
        }
        let region = request.queryValue("region").nonBlank
        if let region, registry.region(code: region) == nil {
            throw AppError(
                InvalidParameter(
                    name: "region", value: region,
                    allowed: "an NHS England region code, one of \(registry.regions.map(\.code).sorted().joined(separator: ", "))"))
        }
        var covered: Bool?
        if let text = request.queryValue("covered").nonBlank {
            guard text == "true" || text == "false" else {
                throw AppError(InvalidParameter(name: "covered", value: text, allowed: "true or false"))
            }
            covered = text == "true"
        }
        let areas = registry.areas(icbCode: icb, regionCode: region, careModel: careModel, covered: covered)
        return PageDTO(all: areas.map { AreaDTO($0, registry: registry) }, page: page)
    }

    @Sendable static func area(request: Request) async throws -> AreaDTO {
        let registry = try await request.registry()
        return AreaDTO(try PagesController.findArea(request.pathParameter("code"), in: registry), registry: registry)
    }

    @Sendable static func organisations(request: Request) async throws -> PageDTO<OrganisationDTO> {
        let registry = try await request.registry()
        let sector = try PagesController.sector(request)
        let page = try PagesController.pageRequest(request)
        let organisations = registry.organisations(sector: sector, text: request.queryValue("q"))
        return PageDTO(all: organisations.map { OrganisationDTO($0, registry: registry) }, page: page)
    }

    @Sendable static func organisation(request: Request) async throws -> OrganisationDTO {
        let registry = try await request.registry()
        return OrganisationDTO(try PagesController.findOrganisation(request.pathParameter("slug"), in: registry), registry: registry)
    }
}
