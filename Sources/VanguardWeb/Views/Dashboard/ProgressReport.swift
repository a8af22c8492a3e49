import Foundation
import Plot
import VanguardCore

/// A vanguard's progress report: what a site lead sends to their board or the programme sends to a
/// minister. A printable page (the print stylesheet drops the site's furniture) and a ZIP of CSV files.
enum ProgressReport {
    /// The partners in words: how many, and who leads where the registry says; "led by" only when it does.
    static func partnersSentence(_ model: Model, vanguard: Vanguard) -> String {
        guard !model.partners.isEmpty else { return vanguard.leadOrganisationsAsWritten }
        let count = "\(model.partners.count) organisation\(model.partners.count == 1 ? "" : "s")"
        let leads = model.partners.filter(\.membership.isLead).map(\.organisation.name)
        return leads.isEmpty ? count : "\(count), led by \(leads.joined(separator: ", "))"
    }

    struct Model {
        let dashboard: VanguardDashboardPage.Model
        let footprint: [SubICBLocation]
        let partners: [(organisation: Organisation, membership: Membership)]
        let produced: Date

        var vanguard: Vanguard { dashboard.vanguard }

        var headlines: [ProgressHeadline] {
            dashboard.rows.map { ProgressHeadline(metric: $0.metric, evaluation: $0.evaluation, restOfEngland: $0.restOfEngland) }
        }

        var producedText: String { DateText.short(produced) }
    }

    // MARK: The page

    static func document(_ model: Model, context: PageContext) -> HTML {
        let vanguard = model.vanguard
        let headlines = model.headlines
        let count = { (comparison: ProgressHeadline.Comparison) in headlines.filter { $0.comparison == comparison }.count }
        return Layout.document(
            title: "Progress report – \(vanguard.name)", context: context,
            breadcrumbs: [("Home", .home), ("Vanguards", .vanguards), (vanguard.name, .vanguard(vanguard.number))],
            body: .group(
                .span(.class("nhsuk-caption-l"), .text("Progress report, produced \(model.producedText)")),
                .h1(.text(vanguard.name)),
                .if(
                    model.dashboard.isGenerated,
                    Components.warning(
                        "Generated data",
                        "Every figure in this report is generated for demonstration, with known effects built in from the vanguard's announcement. They are not real NHS data."
                    )),
                .p(
                    .class("vg-no-print"),
                    .text("Print this page, or save it as PDF from your browser's print dialogue; the site's menus are left out. "),
                    .a(
                        .safeHref(SiteURL.progressReportBundle(vanguard.number).path),
                        .text("Download the figures as a bundle of CSV files (ZIP)")), .text(".")),
                .h2(.text("The vanguard")),
                Components.summaryList([
                    ("Care model", .group(Components.careModelTag(vanguard.careModel), .text(" \(vanguard.careModel.name)"))),
                    ("Selected", .text("Wave \(vanguard.wave.number), announced \(vanguard.announced.longForm)")),
                    (
                        "Footprint",
                        .text(model.footprint.isEmpty ? vanguard.areaDescription : model.footprint.map(\.name).joined(separator: "; "))
                    ),
                    ("Partners", .text(partnersSentence(model, vanguard: vanguard))),
                ]),
                .h2(.text("Headlines")),
                .if(
                    headlines.isEmpty, .p(.text("No returns have been received for this vanguard's metrics yet.")),
                    else: .group(
                        .p(
                            .text(
                                "Of \(headlines.count) metrics, \(count(.better)) moved better than the rest of England since 2014/15, \(count(.worse)) worse, \(count(.similar)) in line; \(count(.notComparable)) cannot be compared."
                            )),
                        .ul(.forEach(headlines) { .li(.text($0.sentence)) }),
                        VanguardDashboardPage.summary(model.dashboard)
                    )),
                .forEach(model.dashboard.rows) { row in
                    .section(
                        // The summary table above links here.
                        .id(row.metric.code), .class("vg-metric"),
                        .h2(.text(row.metric.name)),
                        .div(
                            .class("vg-spc-wrap"),
                            .raw(
                                SPCChartSVG.svg(
                                    evaluation: row.evaluation, title: "\(row.metric.name), monthly, with process limits",
                                    comparison: row.restOfEngland, target: row.metric.target))),
                        .p(.class("nhsuk-body-s"), .text(interpretation(row))),
                        .p(.class("nhsuk-body-s"), .text(VanguardDashboardPage.chartNote(row.evaluation.reading))),
                        .unwrap(model.dashboard.rebases[row.metric.code]) { points in
                            .p(
                                .class("nhsuk-body-s"),
                                .text(
                                    "Limits recalculated from " + points.map { "\($0.period) (\($0.reason))" }.joined(separator: "; ") + "."
                                ))
                        }
                    )
                },
                .h2(.text("How to read this report")),
                .p(
                    .text(
                        "Each chart is a statistical process control chart in the NHS Making Data Count style, of the kind the metric framework sets for the metric (XmR unless its note says otherwise): grey points are common-cause variation, blue special-cause improvement, orange special-cause concern; the dashed lines are the process limits. Change since 2014/15 compares the latest twelve months with April 2014 – March 2015; the rest of England is every area with no vanguard of any kind."
                    )),
                .p(
                    .text(
                        "Sources: monthly returns submitted to Vanguard\(model.dashboard.isGenerated ? " (generated for demonstration)" : ""); the vanguard's footprint and partners from the programme's published lists (see the data sources page)."
                    ))
            )
        )
    }

    static func interpretation(_ row: VanguardDashboardPage.Row) -> String {
        let variation = SPCIcons.variation(row.evaluation.reading?.variationIcon ?? "common_cause").text
        let assurance = SPCIcons.assurance(row.evaluation.reading?.assuranceIcon)?.text ?? "no target set"
        let latest =
            row.evaluation.rates.last.map { "Latest: \(SPCChartSVG.format($0)) \(row.metric.unit) (\(row.evaluation.months.last!))." } ?? ""
        return "\(latest) Variation: \(variation.lowercased()); assurance: \(assurance.lowercased())."
    }

    // MARK: The bundle

    /// The report's figures as CSV files in one ZIP; text is made spreadsheet-safe by `CSVWriter`.
    static func bundle(_ model: Model) -> [UInt8] {
        let data = model.dashboard.isGenerated ? "generated" : "returned"
        var archive = ZipArchive(modified: model.produced)
        archive.add("README.txt", text: readme(model))

        var summary = CSVWriter.line([
            "metric", "metric_name", "unit", "better_when", "latest_period", "latest_rate", "baseline_rate_2014_15", "latest_year_rate",
            "change_against_baseline", "change_unit", "rest_of_england_change", "comparison", "variation_icon", "assurance_icon", "target",
            "data",
        ])
        for (row, headline) in zip(model.dashboard.rows, model.headlines) {
            let evaluation = row.evaluation
            summary += CSVWriter.line([
                row.metric.code, row.metric.name, row.metric.unit, row.metric.direction.rawValue,
                evaluation.months.last?.description ?? "", evaluation.rates.last.map { String($0) } ?? "",
                evaluation.baselineRate.map { String($0) } ?? "", evaluation.latestYearRate.map { String($0) } ?? "",
                evaluation.changeAgainstBaseline.map { String($0) } ?? "", evaluation.changeIsInPoints ? "percentage_points" : "fraction",
                row.restOfEngland?.changeAgainstBaseline.map { String($0) } ?? "", headline.comparison.rawValue,
                evaluation.reading?.variationIcon ?? "", evaluation.reading?.assuranceIcon ?? "",
                row.metric.target.map { String($0) } ?? "", data,
            ])
        }
        archive.add("summary.csv", text: summary)
        archive.add("monthly_values.csv", text: VanguardDashboardPage.csv(model.dashboard))

        var rebases = CSVWriter.line(["metric", "period", "reason", "recorded_by", "recorded_at"])
        for code in model.dashboard.rebases.keys.sorted() {
            for point in model.dashboard.rebases[code] ?? [] {
                rebases += CSVWriter.line([
                    code, point.period.description, point.reason, point.createdBy, point.createdAt.formatted(.iso8601),
                ])
            }
        }
        archive.add("rebase_points.csv", text: rebases)

        var footprint = CSVWriter.line(["area_code", "area_name", "icb_code"])
        for area in model.footprint { footprint += CSVWriter.line([area.code, area.name, area.icbCode]) }
        archive.add("footprint.csv", text: footprint)

        var partners = CSVWriter.line(["organisation", "sector", "ods_code", "lead"])
        for partner in model.partners {
            partners += CSVWriter.line([
                partner.organisation.name, partner.organisation.sector.rawValue, partner.organisation.odsCode ?? "",
                partner.membership.isLead ? "yes" : "no",
            ])
        }
        archive.add("partners.csv", text: partners)
        return archive.bytes
    }

    static func readme(_ model: Model) -> String {
        let vanguard = model.vanguard
        return """
            Progress report: \(vanguard.name) (vanguard \(vanguard.number), \(vanguard.careModel.name))
            Produced \(model.producedText) by Vanguard.
            \(model.dashboard.isGenerated ? "\nGENERATED DATA: every figure here is generated for demonstration, with known effects built in. It is not real NHS data.\n" : "")
            summary.csv         one row per metric: latest value, 2014/15 baseline, change, the rest of England's change, SPC icons
            monthly_values.csv  every month of every metric: numerator, denominator, rate, SPC signal, the rest of England's rate
            rebase_points.csv   months from which a chart's limits were recalculated, and why
            footprint.csv       the sub-ICB locations the vanguard covers
            partners.csv        its partner organisations

            Changes are fractions (0.025 is +2.5%) for rates and percentage points for percentages.
            Text fields that a spreadsheet would run as a formula start with an apostrophe.

            """
    }
}
