import Plot
import VanguardCore

extension OrganisationsPage {
    static func document(_ model: Model, context: PageContext) -> HTML {
        Layout.document(
            title: "Organisations", context: context, breadcrumbs: [("Home", .home)],
            body: .group(
                .h1(.text("Organisations directory")),
                .p(
                    .text(
                        "Every partner organisation named in the vanguards' public sources, with its sector and vanguards. ODS codes are shown where the registry knows them."
                    )),
                .form(
                    .class("vg-filter"), .action(SiteURL.organisations.path), .method(.get),
                    Components.filterSelect(
                        name: "sector", label: "Sector", any: "Any sector", options: Sector.allCases.map { ($0.rawValue, $0.name) },
                        selected: model.sector?.rawValue
                    ),
                    .div(
                        .class("nhsuk-form-group vg-filter__field"),
                        .label(.class("nhsuk-label"), .for("q"), .text("Name")),
                        .input(.class("nhsuk-input"), .id("q"), .name("q"), .type(.search), .safeValue(model.text ?? ""))
                    ),
                    .button(.class("nhsuk-button nhsuk-button--secondary"), .type(.submit), .text("Filter"))
                ),
                .p(.safeAttribute(named: "role", value: "status"), .text("\(model.total) organisations.")),
                .table(
                    .class("nhsuk-table"),
                    .thead(.tr(.th(.text("Organisation")), .th(.text("Sector")), .th(.text("ODS code")), .th(.text("Vanguards")))),
                    .tbody(
                        .forEach(model.rows) { row in
                            .tr(
                                .td(.a(.safeHref(SiteURL.organisation(row.organisation.slug).path), .text(row.organisation.name))),
                                .td(.text(row.organisation.sector.name)),
                                .td(.text(row.organisation.odsCode ?? "–")),
                                .td(
                                    .group(
                                        .forEach(row.vanguards.enumerated()) { index, vanguard in
                                            .group(.if(index > 0, .text("; ")), Components.vanguardLink(vanguard))
                                        }))
                            )
                        })
                ),
                Components.pagination(current: model.page.page, pageCount: model.page.pageCount(total: model.total)) { page in
                    SiteURL.organisations.path(query: ["sector": model.sector?.rawValue, "q": model.text, "page": "\(page)"])
                }
            )
        )
    }
}

extension OrganisationPage {
    static func document(_ model: Model, context: PageContext) -> HTML {
        let organisation = model.organisation
        return Layout.document(
            title: organisation.name, context: context, breadcrumbs: [("Home", .home), ("Organisations", .organisations)],
            body: .group(
                .span(.class("nhsuk-caption-l"), .text(organisation.sector.name)),
                .h1(.text(organisation.name)),
                Components.summaryList([
                    ("Sector", .text(organisation.sector.name)),
                    ("ODS code", .text(organisation.odsCode ?? "Not yet recorded")),
                ]),
                .if(
                    context.allows(.editOrganisation, on: .organisation(organisation.slug)),
                    .p(.a(.safeHref(SiteURL.editOrganisation(organisation.slug).path), .text("Edit the ODS code")))),
                .h2(.text("Vanguards")),
                .ul(
                    .class("nhsuk-list"),
                    .forEach(model.memberships) { item in
                        .li(
                            Components.careModelTag(item.vanguard.careModel), .text(" "), Components.vanguardLink(item.vanguard),
                            .if(item.membership.isLead, .strong(.class("nhsuk-tag nhsuk-tag--blue vg-lead"), .text("Lead"))),
                            .p(.class("nhsuk-body-s"), .text("Named in the sources as “\(item.membership.asWritten)”."))
                        )
                    }),
                .p(.a(.safeHref(SiteURL.api(.organisation(organisation.slug)).path), .text("This organisation as JSON")))
            )
        )
    }
}
