import Foundation
import Plot
import VanguardCore

/// The innovations catalogue: what the vanguards built and how far it has spread.
enum InnovationsPage {
    static func document(
        _ rows: [(innovation: Innovation, adoptions: Int, origin: String)], vanguards: [Vanguard], errors: [String: String],
        context: PageContext
    ) -> HTML {
        Layout.document(
            title: "Innovations", context: context, breadcrumbs: [("Home", .home), ("Learning", .learning(.home))],
            body: .group(
                .h1(.text("Innovations and their spread")),
                .p(
                    .class("nhsuk-lede-text"),
                    .text("What the vanguards built, who took it up, and whether the places that adopted it moved on the same measures.")),
                rows.isEmpty
                    ? .p(.class("vg-empty"), .text("The catalogue is empty."))
                    : .table(
                        .class("nhsuk-table"),
                        .thead(
                            .tr(
                                .th(.text("Innovation")), .th(.text("Care model")), .th(.text("Originated by")),
                                .th(.class("vg-number"), .text("Adoptions")))),
                        .tbody(
                            .forEach(rows) { row in
                                .tr(
                                    .td(.a(.safeHref(SiteURL.learning(.innovation(row.innovation.slug)).path), .text(row.innovation.name))),
                                    .td(Components.careModelTag(row.innovation.careModel)), .td(.text(row.origin)),
                                    .td(.class("vg-number"), .text(String(row.adoptions))))
                            })
                    ),
                .if(
                    context.allows(.writePosts),
                    .group(
                        .h2(.text("Add an innovation")),
                        Forms.form(
                            action: .learning(.innovations), csrf: context.csrfToken,
                            fields: [
                                FormField(name: "name", label: "Name", error: errors["name"]),
                                FormField(name: "summary", label: "What it is", kind: .textarea, error: errors["summary"]),
                                FormField(
                                    name: "care_model", label: "Care model",
                                    kind: .select(CareModel.allCases.map { ($0.rawValue, $0.name) }), error: errors["care_model"]),
                                FormField(
                                    name: "vanguard", label: "Originated by",
                                    kind: .select(vanguards.map { (String($0.number), "\($0.number). \($0.name)") }),
                                    error: errors["vanguard"]),
                            ], submit: "Add to the catalogue")
                    ))
            )
        )
    }
}

/// One innovation: where it came from, its case studies, a map and a curve of its spread, and
/// the adopters compared on the care model's metrics.
enum InnovationPage {
    struct Comparison {
        let label: String
        let adoptedOn: String
        let changes: [String]
    }

    struct Model {
        let innovation: Innovation
        let origin: Vanguard?
        let caseStudies: [Post]
        let adoptions: [Adoption]
        let areaNames: [String: String]
        let map: MapSVG.Drawing?
        let curve: AdoptionCurve
        let metrics: [Metric]
        let comparisons: [Comparison]
        let isGenerated: Bool
        let areas: [SubICBLocation]
        var form: [String: String] = [:]
        var errors: [String: String] = [:]
        var notice: String? = nil
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let innovation = model.innovation
        return Layout.document(
            title: innovation.name, context: context,
            breadcrumbs: [("Home", .home), ("Learning", .learning(.home)), ("Innovations", .learning(.innovations))],
            body: .group(
                .span(.class("nhsuk-caption-l"), .text("Innovation")),
                .h1(.text(innovation.name)),
                .unwrap(model.notice) { .div(.class("nhsuk-inset-text"), .p(.text($0))) },
                .p(.text(innovation.summary)),
                Components.summaryList([
                    ("Care model", .group(Components.careModelTag(innovation.careModel), .text(" \(innovation.careModel.name)"))),
                    (
                        "Originated by",
                        .unwrap(
                            model.origin, { .a(.safeHref(SiteURL.vanguard($0.number).path), .text($0.name)) },
                            else: .text("Vanguard \(innovation.originVanguard)"))
                    ),
                    ("Adoptions", .text(String(model.adoptions.count))),
                ]),
                .h2(.text("Case studies")),
                PostList.list(model.caseStudies, empty: "No case study names this innovation yet."),
                .h2(.text("Where it spread")),
                .unwrap(
                    model.map,
                    { map in
                        .group(
                            .div(.class("vg-map vg-map--small"), .raw(map.svg)),
                            .p(
                                .class("nhsuk-body-s vg-spc-legend"),
                                .span(.class("vg-key vg-fill--origin"), .text("Originating vanguard's footprint")), .text(" "),
                                .span(.class("vg-key vg-fill--adopted"), .text("Adopting areas")))
                        )
                    }, else: .p(.text("The map needs the boundary files (fetched at set-up)."))),
                .h2(.text("Adoptions over time")),
                model.curve.points.isEmpty
                    ? .p(.text("Nobody has recorded an adoption yet."))
                    : .div(
                        .class("vg-spc-wrap"), .raw(AdoptionCurveSVG.svg(model.curve, title: "Cumulative adoptions of \(innovation.name)"))),
                adoptionsTable(model),
                comparison(model),
                .if(context.allows(.takePart), adoptionForm(model, context: context))
            )
        )
    }

    static func adoptionsTable(_ model: Model) -> Node<HTML.BodyContext> {
        model.adoptions.isEmpty
            ? .empty
            : .table(
                .class("nhsuk-table"),
                .caption(.class("nhsuk-table__caption"), .text("Adopters")),
                .thead(.tr(.th(.text("Adopter")), .th(.text("Where")), .th(.text("Adopted")), .th(.text("Contact")))),
                .tbody(
                    .forEach(model.adoptions) { adoption in
                        .tr(
                            .td(
                                .unwrap(
                                    adoption.organisationSlug, { .a(.safeHref(SiteURL.organisation($0).path), .text(adoption.adopter)) },
                                    else: .text(adoption.adopter))),
                            .td(
                                .a(
                                    .safeHref(SiteURL.area(adoption.areaCode).path),
                                    .text(model.areaNames[adoption.areaCode] ?? adoption.areaCode))),
                            .td(.text(adoption.adoptedOn.longForm)), .td(.text(adoption.contact)))
                    })
            )
    }

    /// Each adopting area, the originating vanguard and the rest of England on the care model's metrics.
    static func comparison(_ model: Model) -> Node<HTML.BodyContext> {
        model.comparisons.isEmpty || model.metrics.isEmpty
            ? .empty
            : .group(
                .h2(.text("Adopters on the same measures")),
                .p(
                    .class("nhsuk-body-s"),
                    .text(
                        "Change in the latest year against 2014/15, from the monthly returns\(model.isGenerated ? " (generated data)" : ""). Adoption is not the only thing that changed in these places: read this beside the impact estimates, not as one."
                    )),
                .table(
                    .class("nhsuk-table"),
                    .thead(
                        .tr(
                            .th(.text("Place")), .th(.text("Adopted")), .forEach(model.metrics) { .th(.class("vg-number"), .text($0.name)) }
                        )),
                    .tbody(
                        .forEach(model.comparisons) { row in
                            .tr(
                                .td(.text(row.label)), .td(.text(row.adoptedOn)),
                                .forEach(row.changes) { .td(.class("vg-number"), .text($0)) })
                        })
                )
            )
    }

    static func adoptionForm(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text("Record an adoption")),
            Forms.form(
                action: .learning(.adoptions(model.innovation.slug)), csrf: context.csrfToken,
                fields: [
                    FormField(
                        name: "adopter", label: "Adopting organisation or area", value: model.form["adopter"] ?? "",
                        error: model.errors["adopter"]),
                    FormField(
                        name: "area", label: "Sub-ICB location", kind: .select([("", "Choose")] + model.areas.map { ($0.code, $0.name) }),
                        value: model.form["area"] ?? "", error: model.errors["area"]),
                    FormField(
                        name: "adopted_on", label: "Adopted on", value: model.form["adopted_on"] ?? "", hint: "YYYY-MM-DD",
                        error: model.errors["adopted_on"]),
                    FormField(
                        name: "contact", label: "Contact", value: model.form["contact"] ?? "", hint: "Who others can ask how it went",
                        error: model.errors["contact"]),
                ], submit: "Record adoption")
        )
    }
}

/// The cumulative adoption curve as a step chart.
enum AdoptionCurveSVG {
    static func svg(_ curve: AdoptionCurve, title: String) -> String {
        let width = 640.0, height = 200.0, left = 50.0, bottom = 30.0, top = 15.0, right = 15.0
        let peak = Double(max(curve.points.last?.cumulative ?? 1, 1))
        let count = Double(max(curve.points.count - 1, 1))
        func x(_ index: Int) -> Double { left + (width - left - right) * Double(index) / count }
        func y(_ value: Int) -> Double { top + (height - top - bottom) * (1 - Double(value) / peak) }
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        var path = ""
        for (index, point) in curve.points.enumerated() {
            path += index == 0 ? "M\(f(x(0))),\(f(y(point.cumulative)))" : "H\(f(x(index)))V\(f(y(point.cumulative)))"
        }
        if curve.points.count == 1 { path += "H\(f(width - right))" }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"vg-curve\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(title.escapedForXML)\">"
        svg += "<text class=\"vg-spc__axis\" x=\"\(f(left - 6))\" y=\"\(f(top + 4))\" text-anchor=\"end\">\(Int(peak))</text>"
        svg += "<text class=\"vg-spc__axis\" x=\"\(f(left - 6))\" y=\"\(f(height - bottom))\" text-anchor=\"end\">0</text>"
        if let first = curve.points.first, let last = curve.points.last {
            svg += "<text class=\"vg-spc__axis\" x=\"\(f(left))\" y=\"\(f(height - 8))\">\(first.month)</text>"
            svg += "<text class=\"vg-spc__axis\" x=\"\(f(width - right))\" y=\"\(f(height - 8))\" text-anchor=\"end\">\(last.month)</text>"
        }
        svg += "<path class=\"vg-curve__line\" d=\"\(path)\" fill=\"none\" stroke=\"#005eb8\" stroke-width=\"2.5\"/></svg>"
        return svg
    }
}
