import Foundation
import Plot
import VanguardCore

/// A Making Data Count chart drawn as SVG: grey common cause, blue improvement, orange concern,
/// purple neutral special cause; the mean solid, the process limits dashed.
enum SPCChartSVG {
    static let width = 640.0
    static let height = 220.0
    static let margin = (left: 56.0, right: 12.0, top: 12.0, bottom: 28.0)

    static func colour(for pointType: String) -> String {
        switch pointType {
        case "special_cause_improvement": "vg-spc--improvement"
        case "special_cause_concern": "vg-spc--concern"
        case "special_cause_neutral_high", "special_cause_neutral_low": "vg-spc--neutral"
        default: "vg-spc--common"
        }
    }

    static func svg(evaluation: MetricEvaluation, title: String, comparison: MetricEvaluation? = nil, target: Double? = nil) -> String {
        guard let chart = evaluation.reading, !evaluation.rates.isEmpty else { return "" }
        let values = evaluation.rates + (chart.lower + chart.upper + chart.centre + [target]).compactMap { $0 } + (comparison?.rates ?? [])
        let ticks = Self.ticks(low: values.min() ?? 0, high: values.max() ?? 1)
        let low = min(values.min() ?? 0, ticks.first ?? 0)
        let high = max(values.max() ?? 1, ticks.last ?? 1)
        let span = max(high - low, 1e-9)
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom
        func x(_ index: Int) -> Double { margin.left + plotWidth * Double(index) / Double(max(evaluation.rates.count - 1, 1)) }
        func y(_ value: Double) -> Double { margin.top + plotHeight * (1 - (value - low) / span) }
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"vg-spc\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(title.escapedForXML)\">"
        // The y-axis: round ticks with light grid lines; the x-axis: the first and last month.
        for tick in ticks {
            svg += "<path class=\"vg-spc__grid\" d=\"M\(f(margin.left)) \(f(y(tick)))L\(f(width - margin.right)) \(f(y(tick)))\"/>"
            svg +=
                "<text class=\"vg-spc__axis vg-spc__tick\" x=\"\(f(margin.left - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(format(tick))</text>"
        }
        if let first = evaluation.months.first, let last = evaluation.months.last {
            svg += "<text class=\"vg-spc__axis\" x=\"\(f(margin.left))\" y=\"\(f(height - 8))\">\(first)</text>"
            svg += "<text class=\"vg-spc__axis\" x=\"\(f(width - margin.right))\" y=\"\(f(height - 8))\" text-anchor=\"end\">\(last)</text>"
        }
        func horizontal(_ series: [Double?], _ cssClass: String) {
            var path = ""
            for (index, value) in series.enumerated() {
                guard let value else { continue }
                path += (path.isEmpty || series[max(index - 1, 0)] == nil ? "M" : "L") + "\(f(x(index))) \(f(y(value)))"
            }
            if !path.isEmpty { svg += "<path class=\"\(cssClass)\" d=\"\(path)\"/>" }
        }
        horizontal(chart.lower, "vg-spc__limit")
        horizontal(chart.upper, "vg-spc__limit")
        horizontal(chart.centre, chart.runsSignal ? "vg-spc__mean vg-spc__mean--signal" : "vg-spc__mean")
        if let target {
            horizontal(Array(repeating: target, count: evaluation.rates.count), "vg-spc__target")
            svg +=
                "<text class=\"vg-spc__axis vg-spc__target-label\" x=\"\(f(width - margin.right))\" y=\"\(f(y(target) - 4))\" text-anchor=\"end\">target \(format(target))</text>"
        }
        if let comparison, comparison.months == evaluation.months {
            horizontal(comparison.rates, "vg-spc__comparison")
        }
        horizontal(evaluation.rates, "vg-spc__line")
        for (index, rate) in evaluation.rates.enumerated() {
            let type = index < chart.pointTypes.count ? chart.pointTypes[index] : "common_cause"
            let label = index < chart.labels.count ? chart.labels[index] : ""
            svg +=
                "<circle class=\"vg-spc__point \(colour(for: type))\" cx=\"\(f(x(index)))\" cy=\"\(f(y(rate)))\" r=\"3\"><title>\(evaluation.months[index]): \(format(rate)) (\(label.escapedForXML))</title></circle>"
        }
        return svg + "</svg>"
    }

    /// About five round values spanning `low` to `high`: steps of 1, 2, 2.5 or 5 times a power of ten.
    static func ticks(low: Double, high: Double) -> [Double] {
        guard low.isFinite, high.isFinite else { return [] }
        let span = max(high - low, abs(high) * 0.1, 1e-9)
        let rough = span / 4
        let power = pow(10, (log10(rough)).rounded(.down))
        let step = [1, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        let first = (low / step).rounded(.down) * step
        var ticks: [Double] = []
        var tick = first
        while tick <= high + step * 1e-9, ticks.count < 12 {
            ticks.append(tick)
            tick = first + Double(ticks.count) * step
        }
        if let last = ticks.last, last < high { ticks.append(last + step) }
        return ticks
    }

    static func format(_ value: Double) -> String {
        abs(value) >= 100 ? String(format: "%.0f", value) : String(format: "%.2f", value)
    }
}

/// The official Making Data Count icons (NHSRplotthedots 0.2.2, MIT, `Public/spc-icons-LICENSE.md`),
/// each with the words a screen reader says and a short label for sighted readers beside it.
enum SPCIcons {
    struct Icon: Equatable {
        /// The file in `Public/`, served under `/assets/`.
        let file: String
        /// What the icon says, in Making Data Count's words: the image's text alternative.
        let words: String
        /// The short label beside it.
        let text: String
        let cssClass: String
    }

    static func variation(_ icon: String) -> Icon {
        let (words, text, cssClass): (String, String, String) =
            switch icon {
            case "improvement_high":
                ("Special cause variation of an improving nature: higher values", "Improvement (high)", "vg-icon--improvement")
            case "improvement_low":
                ("Special cause variation of an improving nature: lower values", "Improvement (low)", "vg-icon--improvement")
            case "concern_high": ("Special cause variation of a concerning nature: higher values", "Concern (high)", "vg-icon--concern")
            case "concern_low": ("Special cause variation of a concerning nature: lower values", "Concern (low)", "vg-icon--concern")
            case "neutral_high": ("Special cause variation of a neutral nature: higher values", "Special cause (high)", "vg-icon--neutral")
            case "neutral_low": ("Special cause variation of a neutral nature: lower values", "Special cause (low)", "vg-icon--neutral")
            default: ("Common cause variation: no significant change", "Common cause", "vg-icon--common")
            }
        let known = ["improvement_high", "improvement_low", "concern_high", "concern_low", "neutral_high", "neutral_low"].contains(icon)
        return Icon(file: "spc-variation-\(known ? icon : "common_cause").svg", words: words, text: text, cssClass: cssClass)
    }

    static func assurance(_ icon: String?) -> Icon? {
        switch icon {
        case "pass":
            Icon(
                file: "spc-assurance-pass.svg", words: "The process is expected to consistently pass the target",
                text: "Consistently passes the target", cssClass: "vg-icon--improvement")
        case "fail":
            Icon(
                file: "spc-assurance-fail.svg", words: "The process is expected to consistently fail the target",
                text: "Consistently fails the target", cssClass: "vg-icon--concern")
        case "inconsistent":
            Icon(
                file: "spc-assurance-inconsistent.svg", words: "The process will inconsistently hit and miss the target",
                text: "Hits and misses the target", cssClass: "vg-icon--common")
        default: nil
        }
    }
}

extension SPCIcons.Icon {
    /// The icon and its label: the image carries the words; the label is hidden from screen readers,
    /// which would otherwise hear the same thing twice.
    var node: Node<HTML.BodyContext> {
        .span(
            .class("vg-icon-with-text"),
            .img(
                .safeAttribute(named: "src", value: SiteURL.asset(file).path), .safeAttribute(named: "alt", value: words),
                .class("vg-spc-icon"),
                .safeAttribute(named: "width", value: "32"), .safeAttribute(named: "height", value: "32")),
            .span(.class("vg-icon \(cssClass)"), .safeAttribute(named: "aria-hidden", value: "true"), .text(text))
        )
    }
}
