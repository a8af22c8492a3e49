import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// Changes to the registry: a vanguard's governance and contracting (web and API), an organisation's ODS code.
enum EditController {
    static func governanceFields(_ governance: VanguardGovernance, errors: [String: String] = [:]) -> [FormField] {
        [
            FormField(
                name: "governance", label: "Governance", kind: .textarea, value: governance.governance ?? "",
                hint: "How the partners take decisions together, e.g. a partnership board with an independent chair",
                error: errors["governance"]),
            FormField(
                name: "contracting", label: "Contracting",
                kind: .select([("", "Not yet recorded")] + ContractingArrangement.allCases.map { ($0.rawValue, $0.name) }),
                value: governance.contracting?.rawValue ?? "", error: errors["contracting"]),
        ]
    }

    /// Reads governance fields from a form or a JSON body.
    static func governance(governance: String?, contracting: String?) throws(ValidationError) -> VanguardGovernance {
        let text = try FieldLimits.check(governance ?? "", field: "governance", maximum: 2000, required: false)
        var arrangement: ContractingArrangement?
        if let contracting = contracting.nonBlank {
            guard let value = ContractingArrangement(rawValue: contracting) else {
                throw .invalid(
                    field: "contracting",
                    reason: "Choose one of \(ContractingArrangement.allCases.map(\.rawValue).joined(separator: ", ")), or leave it empty")
            }
            arrangement = value
        }
        return VanguardGovernance(governance: text.isEmpty ? nil : text, contracting: arrangement)
    }

    static func page(_ vanguard: Vanguard, fields: [FormField], context: PageContext) -> HTML {
        AccountFormPage.document(
            title: "Governance of \(vanguard.name)", action: .editVanguard(vanguard.number), fields: fields, submit: "Save",
            context: context)
    }

    @Sendable static func vanguardForm(request: Request) async throws -> Response {
        let registry = try await request.registry()
        let vanguard = try PagesController.findVanguard(request.pathParameter("number"), in: registry)
        return page(
            vanguard, fields: governanceFields(registry.governance[vanguard.number] ?? VanguardGovernance()), context: request.pageContext
        ).response()
    }

    @Sendable static func saveVanguard(request: Request) async throws -> Response {
        let registry = try await request.registry()
        let vanguard = try PagesController.findVanguard(request.pathParameter("number"), in: registry)
        let form = try request.content.decode([String: String].self)
        do {
            let value = try governance(governance: form["governance"], contracting: form["contracting"])
            _ = try await RegistryStore(on: request).setGovernance(
                value, forVanguard: vanguard.number, by: try request.requirePerson().actor)
        } catch let error as ValidationError {
            let fields = governanceFields(VanguardGovernance(governance: form["governance"], contracting: nil), errors: error.byField)
            return page(vanguard, fields: fields, context: request.pageContext).response(status: .badRequest)
        }
        return request.redirect(to: SiteURL.vanguard(vanguard.number).path, redirectType: .normal)
    }

    struct GovernanceDTO: Content, JSONBody {
        let governance: String?
        let contracting: String?

        static let fields: Set<String> = ["governance", "contracting"]
        static var shape: String {
            "{\"governance\": string or null, \"contracting\": one of \(ContractingArrangement.allCases.map(\.rawValue).joined(separator: ", ")) or null}"
        }
    }

    /// `PATCH /api/v1/vanguards/{number}` with a token for that vanguard.
    @Sendable static func patchVanguard(request: Request) async throws -> VanguardDTO {
        let registry = try await request.registry()
        let vanguard = try PagesController.findVanguard(request.pathParameter("number"), in: registry)
        guard let caller = request.caller else { throw AppError.unauthorized("Send an API token.") }
        let body = try request.decodeBody(GovernanceDTO.self)
        _ = try await RegistryStore(on: request).setGovernance(
            try governance(governance: body.governance, contracting: body.contracting), forVanguard: vanguard.number, by: caller.actor
        )
        return VanguardDTO(vanguard, registry: try await request.registry())
    }

    static func odsFields(_ value: String, error: String? = nil) -> [FormField] {
        [
            FormField(
                name: "ods_code", label: "ODS code", value: value,
                hint: "The Organisation Data Service code, e.g. RM3; leave empty if unknown", error: error)
        ]
    }

    @Sendable static func organisationForm(request: Request) async throws -> Response {
        let organisation = try PagesController.findOrganisation(request.pathParameter("slug"), in: try await request.registry())
        return AccountFormPage.document(
            title: "ODS code of \(organisation.name)", action: .editOrganisation(organisation.slug),
            fields: odsFields(organisation.odsCode ?? ""), submit: "Save", context: request.pageContext
        ).response()
    }

    @Sendable static func saveOrganisation(request: Request) async throws -> Response {
        let organisation = try PagesController.findOrganisation(request.pathParameter("slug"), in: try await request.registry())
        let code = (try request.content.get(String.self, at: "ods_code")).trimmingCharacters(in: .whitespaces).uppercased()
        guard code.isEmpty || (3...10).contains(code.count) && code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return AccountFormPage.document(
                title: "ODS code of \(organisation.name)", action: .editOrganisation(organisation.slug),
                fields: odsFields(code, error: "An ODS code is 3 to 10 letters and digits"), submit: "Save",
                context: request.pageContext
            ).response(status: .badRequest)
        }
        _ = try await RegistryStore(on: request).setODSCode(
            code.isEmpty ? nil : code, forOrganisation: organisation.slug, by: try request.requirePerson().actor)
        return request.redirect(to: SiteURL.organisation(organisation.slug).path, redirectType: .normal)
    }
}
