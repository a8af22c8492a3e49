import Vapor

/// Every route of the site in one place. Paths come from `SiteURL` so links and routes agree.
func routes(_ app: Application) throws {
    app.get("", use: PagesController.home)
    app.get("vanguards", use: PagesController.vanguards)
    app.get("vanguards", ":number", use: PagesController.vanguard)
    app.get("map", use: PagesController.map)
    app.get("areas", ":code", use: PagesController.area)
    app.get("icbs", ":code", use: PagesController.icb)
    app.get("regions", ":code", use: PagesController.region)
    app.get("organisations", use: PagesController.organisations)
    app.get("organisations", ":slug", use: PagesController.organisation)
    app.get("find", use: PagesController.find)
    app.get("about", "data", use: PagesController.dataSources)
    app.get("healthz", use: HealthController.health)

    let api = app.grouped("api", "v1")
    api.get("openapi.json", use: APIController.openAPI)
    api.get("vanguards", use: APIController.vanguards)
    api.get("vanguards", ":number", use: APIController.vanguard)
    api.get("areas", use: APIController.areas)
    api.get("areas", ":code", use: APIController.area)
    api.get("organisations", use: APIController.organisations)
    api.get("organisations", ":slug", use: APIController.organisation)
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
