import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// The provider → area lookup that `vanguard import ae` uses, kept and edited here by the programme team.
enum ProviderLookupController {
    static func fields(_ values: [String: String], areas: [SubICBLocation], errors: [String: String] = [:]) -> [FormField] {
        [
            FormField(
                name: "org_code", label: "Provider ODS code", value: values["org_code"] ?? "",
                hint: "For example RBL; an existing code is changed", error: errors["org_code"]),
            FormField(name: "org_name", label: "Provider name", value: values["org_name"] ?? "", error: errors["org_name"]),
            FormField(
                name: "area_code", label: "Sub-ICB location its activity counts towards",
                kind: .select([("", "Choose an area")] + areas.map { ($0.code, $0.name) }), value: values["area_code"] ?? "",
                error: errors["area_code"]),
        ]
    }

    static func page(_ request: Request, fields: [FormField]? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let registry = try await request.registry()
        let areas = registry.areas.sorted { $0.name < $1.name }
        let entries = try await request.readingDatabase { try await ProviderLookupStore(on: request).entries() }
        return ProviderLookupPage.document(
            entries: entries, registry: registry, fields: fields ?? Self.fields([:], areas: areas), context: request.pageContext
        ).response(status: status)
    }

    @Sendable static func list(request: Request) async throws -> Response {
        try await page(request)
    }

    @Sendable static func save(request: Request) async throws -> Response {
        let form = try request.content.decode([String: String].self)
        let areas = try await request.registry().areas.sorted { $0.name < $1.name }
        var errors: [String: String] = [:]
        let code = (form["org_code"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        if !ProviderArea.isValidCode(code) { errors["org_code"] = "An ODS code is 3 to 10 letters and digits" }
        var name = ""
        do { name = try FieldLimits.check(form["org_name"] ?? "", field: "org_name", maximum: 200) } catch {
            errors["org_name"] = "Enter the provider's name"
        }
        let area = form["area_code"] ?? ""
        if !areas.contains(where: { $0.code == area }) { errors["area_code"] = "Choose a sub-ICB location" }
        if errors.isEmpty {
            do {
                try await ProviderLookupStore(on: request).save(
                    [ProviderArea(orgCode: code, orgName: name, areaCode: area)], by: try request.requirePerson().actor)
                return request.redirect(to: SiteURL.providerLookup.path, redirectType: .normal)
            } catch let error as ValidationError {
                errors[error.field] = error.reason
            }
        }
        return try await page(request, fields: fields(form, areas: areas, errors: errors), status: .badRequest)
    }

    @Sendable static func remove(request: Request) async throws -> Response {
        do {
            try await ProviderLookupStore(on: request).remove(orgCode: request.pathParameter("code"), by: try request.requirePerson().actor)
        } catch is ValidationError {
            throw AppError.notFound("The provider \(request.pathParameter("code")) in the lookup")
        }
        return request.redirect(to: SiteURL.providerLookup.path, redirectType: .normal)
    }
}
