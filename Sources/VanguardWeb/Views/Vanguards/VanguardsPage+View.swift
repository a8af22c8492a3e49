import Plot
import VanguardCore

extension VanguardsPage {
    static func document(_ model: Model, context: PageContext) -> HTML {
        Layout.document(
            title: "Vanguards", context: context, breadcrumbs: [("Home", .home)],
            body: .group(
                .h1(.text("Vanguards")),
                filterForm(model),
                .p(
                    .safeAttribute(named: "role", value: "status"),
                    .text(
                        model.filter.isEmpty ? "All \(model.total) vanguards." : "\(model.rows.count) of \(model.total) vanguards match."
                    )),
                .if(!model.rows.isEmpty, table(model.rows), else: .p(.text("No vanguard matches. Try fewer words or another filter.")))
            )
        )
    }

    static func filterForm(_ model: Model) -> Node<HTML.BodyContext> {
        let filter = model.filter
        return .form(
            .class("vg-filter"), .action(SiteURL.vanguards.path), .method(.get),
            Components.filterSelect(
                name: "care_model", label: "Care model", any: "Any care model", options: Components.careModelOptions,
                selected: filter.careModel?.rawValue
            ),
            Components.filterSelect(
                name: "wave", label: "Wave", any: "Any wave",
                options: Wave.all.map { ("\($0.number)", "Wave \($0.number) (\($0.announced.longForm))") },
                selected: filter.wave.map { "\($0.number)" }
            ),
            Components.filterSelect(
                name: "region", label: "Region", any: "Any region", options: model.regions.map { ($0.code, $0.name) },
                selected: filter.regionCode
            ),
            .div(
                .class("nhsuk-form-group vg-filter__field"),
                .label(.class("nhsuk-label"), .for("q"), .text("Words")),
                .input(.class("nhsuk-input"), .id("q"), .name("q"), .type(.search), .safeValue(filter.text ?? ""))
            ),
            .button(.class("nhsuk-button nhsuk-button--secondary"), .type(.submit), .text("Filter"))
        )
    }

    static func table(_ rows: [Model.Row]) -> Node<HTML.BodyContext> {
        .table(
            .class("nhsuk-table-responsive vg-vanguards"),
            .caption(.class("nhsuk-table__caption nhsuk-u-visually-hidden"), .text("Vanguards")),
            .thead(
                .class("nhsuk-table__head"),
                .tr(
                    .th(.text("No.")), .th(.text("Vanguard")), .th(.text("Care model")), .th(.text("Wave")),
                    .th(.text("Region")), .th(.class("nhsuk-table__header--numeric"), .text("Areas")), .th(.text("Sources"))
                )),
            .tbody(
                .class("nhsuk-table__body"),
                .forEach(rows) { row in
                    .tr(
                        .class("nhsuk-table__row"),
                        .td(.class("nhsuk-table__cell"), .text("\(row.vanguard.number)")),
                        .td(.class("nhsuk-table__cell"), Components.vanguardLink(row.vanguard)),
                        .td(.class("nhsuk-table__cell"), Components.careModelTag(row.vanguard.careModel)),
                        .td(.class("nhsuk-table__cell"), .text("\(row.vanguard.wave.number)")),
                        .td(
                            .class("nhsuk-table__cell"),
                            .text(row.regions.isEmpty ? row.vanguard.regionDescription : row.regions.map(\.name).joined(separator: ", "))),
                        .td(.class("nhsuk-table__cell nhsuk-table__cell--numeric"), .text("\(row.areaCount)")),
                        .td(
                            .class("nhsuk-table__cell"),
                            .if(
                                row.vanguard.confidence == .sourced, .text("Sourced"),
                                else: .strong(.class("nhsuk-tag nhsuk-tag--yellow"), .text("Partial"))))
                    )
                }
            )
        )
    }
}
