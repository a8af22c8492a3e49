import Foundation
import Plot
import VanguardCore

/// A vanguard's dashboard: every metric of its care model with its chart, icons, latest value and
/// change against 2014/15 beside the same change for the rest of England.
enum VanguardDashboardPage {
    struct Row {
        let metric: Metric
        let evaluation: MetricEvaluation
        let restOfEngland: MetricEvaluation?
    }

    struct Model {
        let vanguard: Vanguard
        let rows: [Row]
        let isGenerated: Bool
        var rebases: [String: [RebasePoint]] = [:]
        /// Metrics with a stored impact estimate, linked from their section.
        var impactMetrics: Set<String> = []
        var rebaseError: (metric: String, message: String)? = nil
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let vanguard = model.vanguard
        return Layout.document(
            title: "Dashboard – \(vanguard.name)", context: context,
            breadcrumbs: [("Home", .home), ("Vanguards", .vanguards), (vanguard.name, .vanguard(vanguard.number))],
            body: .group(
                .span(.class("nhsuk-caption-l"), .text("Dashboard")),
                .h1(.text(vanguard.name)),
                .if(
                    model.isGenerated,
                    Components.warning(
                        "Generated data",
                        "These figures are generated for demonstration, with known effects built in from the vanguard's announcement. They are not real NHS data."
                    )),
                .if(model.rows.isEmpty, .p(.text("No returns have been received for this vanguard's metrics yet."))),
                .if(!model.rows.isEmpty, summary(model)),
                .forEach(model.rows) { row in metricSection(row, generated: model.isGenerated, model: model, context: context) },
                .p(
                    .a(.safeHref(SiteURL.dashboardCSV(vanguard.number).path), .text("Download all of this as CSV")), .text(" · "),
                    .a(.safeHref(SiteURL.progressReport(vanguard.number).path), .text("Printable progress report")), .text(" · "),
                    .a(.safeHref(SiteURL.progressReportBundle(vanguard.number).path), .text("Progress report as a CSV bundle (ZIP)")))
            )
        )
    }

    static func change(_ evaluation: MetricEvaluation?) -> String {
        ProgressHeadline.change(evaluation?.changeAgainstBaseline, inPoints: evaluation?.changeIsInPoints == true) ?? "–"
    }

    static func summary(_ model: Model) -> Node<HTML.BodyContext> {
        .table(
            .class("nhsuk-table"),
            .caption(.class("nhsuk-table__caption"), .text("At a glance\(model.isGenerated ? " (generated data)" : "")")),
            .thead(
                .tr(
                    .th(.text("Metric")), .th(.text("Variation")), .th(.text("Assurance")), .th(.text("Latest")),
                    .th(.text("Change since 2014/15")), .th(.text("Rest of England")))),
            .tbody(
                .forEach(model.rows) { row in
                    let variation = SPCIcons.variation(row.evaluation.reading?.variationIcon ?? "common_cause")
                    return .tr(
                        .td(.a(.safeHref("#\(row.metric.code)"), .text(row.metric.name))),
                        .td(variation.node),
                        .td(.unwrap(SPCIcons.assurance(row.evaluation.reading?.assuranceIcon), { $0.node }, else: .text("No target"))),
                        .td(.text(row.evaluation.rates.last.map { "\(SPCChartSVG.format($0)) (\(row.evaluation.months.last!))" } ?? "–")),
                        .td(.text(change(row.evaluation))),
                        .td(.text(change(row.restOfEngland)))
                    )
                })
        )
    }

    /// Which chart is drawn and what its signals mean, in a sentence.
    static func chartNote(_ reading: ChartReading?) -> String {
        guard let reading else { return "Too few months for a chart yet." }
        var note = "Drawn on \(reading.kind == .xmr ? "an" : "a") \(reading.kind.name), as the metric framework sets for this metric"
        switch reading.kind {
        case .xmr: note += "; points outside the limits, runs of 7 and trends of 7 are special cause."
        case .run: note += "; a run chart has no limits: a shift or too few crossings of the median (Anhøj rules) is a signal."
        case .p, .u: note += "; limits follow each month's denominator, and a point outside them is special cause."
        case .pp, .up:
            note +=
                "; Laney's limits allow for variation between months beyond chance, so large denominators do not make every month a signal."
        }
        if reading.runsSignal && reading.kind != .xmr {
            note += " The runs in this chart signal a shift or trend (Anhøj rules); the centre line is drawn dashed in red."
        }
        return note
    }

    static func metricSection(_ row: Row, generated: Bool, model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        let evaluation = row.evaluation
        return .section(
            .id(row.metric.code), .class("vg-metric"),
            .h2(.text(row.metric.name)),
            .p(
                .class("nhsuk-body-s"),
                .text(
                    "\(row.metric.definition). \(row.metric.unit.prefix(1).uppercased() + row.metric.unit.dropFirst()); \(row.metric.direction == .decrease ? "lower is better" : row.metric.direction == .increase ? "higher is better" : "neither direction is better")\(row.metric.target.map { "; target \(SPCChartSVG.format($0))" } ?? ""). Source: \(row.metric.source)\(generated ? " (the values here are generated)" : "")."
                )),
            .div(
                .class("vg-spc-wrap"),
                .raw(
                    SPCChartSVG.svg(
                        evaluation: evaluation, title: "\(row.metric.name), monthly, with process limits", comparison: row.restOfEngland,
                        target: row.metric.target))),
            .p(
                .class("nhsuk-body-s vg-spc-legend"),
                .span(.class("vg-key vg-spc--common"), .text("Common cause")), .text(" "),
                .span(.class("vg-key vg-spc--improvement"), .text("Improvement")), .text(" "),
                .span(.class("vg-key vg-spc--concern"), .text("Concern")), .text(" "),
                .span(.class("vg-key vg-key--comparison"), .text("Rest of England"))),
            .p(.class("nhsuk-body-s"), .text(chartNote(evaluation.reading))),
            .unwrap(model.rebases[row.metric.code]) { points in
                .ul(
                    .class("nhsuk-list nhsuk-body-s"),
                    .forEach(points) { point in
                        .li(
                            .text("Limits recalculated from \(point.period): \(point.reason) (\(point.createdBy))"),
                            .if(context.allows(.manageMetrics), removeRebaseForm(point, model: model, context: context)))
                    })
            },
            .if(
                model.impactMetrics.contains(row.metric.code),
                .p(
                    .a(
                        .safeHref(SiteURL.impactEstimate(model.vanguard.number, row.metric.code).path),
                        .text("Impact estimate: what would have happened without the vanguard")))),
            .if(context.allows(.manageMetrics), rebaseForm(row, model: model, context: context)),
            .details(
                .summary(.text("The data as a table")),
                .table(
                    .class("nhsuk-table vg-data-table"),
                    .thead(
                        .tr(
                            .th(.text("Month")), .th(.text("Numerator")), .th(.text("Denominator")), .th(.text("Rate")),
                            .th(.text("Rest of England")), .th(.text("SPC")))),
                    .tbody(
                        .forEach(evaluation.months.indices) { index in
                            let restIndex = row.restOfEngland?.months.firstIndex(of: evaluation.months[index])
                            return .tr(
                                .td(.text(evaluation.months[index].description)),
                                .td(.text(SPCChartSVG.format(evaluation.numerators[index]))),
                                .td(.text(SPCChartSVG.format(evaluation.denominators[index]))),
                                .td(.text(SPCChartSVG.format(evaluation.rates[index]))),
                                .td(.text(restIndex.flatMap { row.restOfEngland?.rates[$0] }.map(SPCChartSVG.format) ?? "–")),
                                .td(.text(evaluation.reading?.labels[index] ?? "–"))
                            )
                        })
                )
            )
        )
    }

    static func rebaseForm(_ row: Row, model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        let error = model.rebaseError?.metric == row.metric.code ? model.rebaseError?.message : nil
        return .details(
            .summary(.text("Recalculate the limits from a month (rebase)")),
            .form(
                .action(SiteURL.rebase(model.vanguard.number).path), .method(.post),
                Forms.csrfField(context.csrfToken),
                .input(.type(.hidden), .name("metric"), .safeValue(row.metric.code)),
                .unwrap(error) { .p(.class("nhsuk-error-message"), .text($0)) },
                .div(
                    .class("nhsuk-form-group"),
                    .label(.class("nhsuk-label"), .for("period-\(row.metric.code)"), .text("From month (YYYY-MM)")),
                    .input(.class("nhsuk-input nhsuk-input--width-10"), .id("period-\(row.metric.code)"), .name("period"))),
                .div(
                    .class("nhsuk-form-group"),
                    .label(.class("nhsuk-label"), .for("reason-\(row.metric.code)"), .text("Why the process changed")),
                    .input(.class("nhsuk-input"), .id("reason-\(row.metric.code)"), .name("reason"))),
                .button(.class("nhsuk-button nhsuk-button--secondary"), .type(.submit), .text("Rebase"))
            )
        )
    }

    static func removeRebaseForm(_ point: RebasePoint, model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        let id = "\(point.metricCode)-\(point.period)"
        return .details(
            .summary(.text("Remove this rebase point")),
            .form(
                .action(SiteURL.removeRebase(model.vanguard.number).path), .method(.post),
                Forms.csrfField(context.csrfToken),
                .input(.type(.hidden), .name("metric"), .safeValue(point.metricCode)),
                .input(.type(.hidden), .name("period"), .safeValue(point.period.description)),
                .div(
                    .class("nhsuk-form-group"),
                    .label(.class("nhsuk-label"), .for("remove-reason-\(id)"), .text("Why it no longer applies")),
                    .input(.class("nhsuk-input"), .id("remove-reason-\(id)"), .name("reason"))),
                .button(.class("nhsuk-button nhsuk-button--secondary"), .type(.submit), .text("Remove rebase point"))
            )
        )
    }

    /// Every row of every metric, for people to take away; text is made spreadsheet-safe.
    static func csv(_ model: Model) -> String {
        var text = CSVWriter.line([
            "vanguard", "metric", "period", "numerator", "denominator", "rate", "special_cause", "rest_of_england_rate", "data",
        ])
        for row in model.rows {
            for index in row.evaluation.months.indices {
                let month = row.evaluation.months[index]
                let rest = row.restOfEngland?.months.firstIndex(of: month).flatMap { row.restOfEngland?.rates[$0] }
                text += CSVWriter.line([
                    model.vanguard.name, row.metric.code, month.description, String(row.evaluation.numerators[index]),
                    String(row.evaluation.denominators[index]), String(row.evaluation.rates[index]),
                    row.evaluation.reading?.labels[index] ?? "", rest.map { String($0) } ?? "",
                    model.isGenerated ? "generated" : "returned",
                ])
            }
        }
        return text
    }
}
