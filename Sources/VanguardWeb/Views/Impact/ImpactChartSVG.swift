import Foundation
import VanguardCore

/// Line charts for impact pages, drawn on the server like the SPC charts: observed against
/// synthetic, gaps with their placebo spaghetti, treated against comparison, the event study.
enum ImpactChartSVG {
    struct Line {
        let values: [Double]
        let cssClass: String
    }

    static let width = 640.0, height = 220.0
    static let margin = (left: 56.0, right: 12.0, top: 12.0, bottom: 28.0)

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    /// A shaded interval from month `first` on: a conformal band around a gap.
    struct Band {
        let first: Int
        let lower: [Double]
        let upper: [Double]
    }

    /// Lines over the same months, with a dashed rule at the start month, an optional zero line and
    /// an optional band behind them.
    static func lines(_ lines: [Line], months: [Month], startIndex: Int?, zeroLine: Bool = false, band: Band? = nil, title: String)
        -> String
    {
        let all = lines.flatMap(\.values).filter(\.isFinite) + (zeroLine ? [0] : []) + (band.map { $0.lower + $0.upper } ?? [])
        guard let low = all.min(), let high = all.max(), months.count > 1 else { return "" }
        let span = max(high - low, 1e-9)
        let plotWidth = width - margin.left - margin.right, plotHeight = height - margin.top - margin.bottom
        func x(_ index: Int) -> Double { margin.left + plotWidth * Double(index) / Double(months.count - 1) }
        func y(_ value: Double) -> Double { margin.top + plotHeight * (1 - (value - low) / span) }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"vg-impact\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(title.escapedForXML)\">"
        svg +=
            "<text class=\"vg-spc__axis\" x=\"\(f(margin.left - 6))\" y=\"\(f(margin.top + 8))\" text-anchor=\"end\">\(SPCChartSVG.format(high))</text>"
        svg +=
            "<text class=\"vg-spc__axis\" x=\"\(f(margin.left - 6))\" y=\"\(f(height - margin.bottom))\" text-anchor=\"end\">\(SPCChartSVG.format(low))</text>"
        svg += "<text class=\"vg-spc__axis\" x=\"\(f(margin.left))\" y=\"\(f(height - 8))\">\(months[0])</text>"
        svg +=
            "<text class=\"vg-spc__axis\" x=\"\(f(width - margin.right))\" y=\"\(f(height - 8))\" text-anchor=\"end\">\(months[months.count - 1])</text>"
        if zeroLine { svg += "<path class=\"vg-impact__zero\" d=\"M\(f(margin.left)) \(f(y(0)))L\(f(width - margin.right)) \(f(y(0)))\"/>" }
        if let startIndex, startIndex < months.count {
            svg +=
                "<path class=\"vg-impact__start\" d=\"M\(f(x(startIndex))) \(f(margin.top))L\(f(x(startIndex))) \(f(height - margin.bottom))\"/>"
        }
        if let band, !band.lower.isEmpty, band.first + band.lower.count <= months.count {
            let top = band.upper.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(f(x(band.first + $0.offset))) \(f(y($0.element)))" }
            let bottom = band.lower.enumerated().reversed().map { "L\(f(x(band.first + $0.offset))) \(f(y($0.element)))" }
            svg += "<path class=\"vg-impact__band\" d=\"\((top + bottom).joined())Z\"/>"
        }
        for line in lines {
            let path = line.values.prefix(months.count).enumerated().map {
                "\($0.offset == 0 ? "M" : "L")\(f(x($0.offset))) \(f(y($0.element)))"
            }.joined()
            svg += "<path class=\"\(line.cssClass)\" d=\"\(path)\"/>"
        }
        return svg + "</svg>"
    }

    /// Effects with their intervals by quarter since the start; the quarter before is the reference.
    static func eventStudy(quarters: [Int], effects: [Double], lower: [Double], upper: [Double], title: String) -> String {
        let all = effects + lower + upper + [0]
        guard let low = all.min(), let high = all.max(), !quarters.isEmpty else { return "" }
        let span = max(high - low, 1e-9)
        let plotWidth = width - margin.left - margin.right, plotHeight = height - margin.top - margin.bottom
        let first = Double(quarters.min()!), last = Double(quarters.max()!)
        func x(_ quarter: Int) -> Double { margin.left + plotWidth * (Double(quarter) - first) / max(last - first, 1) }
        func y(_ value: Double) -> Double { margin.top + plotHeight * (1 - (value - low) / span) }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"vg-impact\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(title.escapedForXML)\">"
        svg +=
            "<text class=\"vg-spc__axis\" x=\"\(f(margin.left - 6))\" y=\"\(f(margin.top + 8))\" text-anchor=\"end\">\(percent(high))</text>"
        svg +=
            "<text class=\"vg-spc__axis\" x=\"\(f(margin.left - 6))\" y=\"\(f(height - margin.bottom))\" text-anchor=\"end\">\(percent(low))</text>"
        svg += "<text class=\"vg-spc__axis\" x=\"\(f(margin.left))\" y=\"\(f(height - 8))\">quarter \(Int(first))</text>"
        svg +=
            "<text class=\"vg-spc__axis\" x=\"\(f(width - margin.right))\" y=\"\(f(height - 8))\" text-anchor=\"end\">quarter +\(Int(last))</text>"
        svg += "<path class=\"vg-impact__zero\" d=\"M\(f(margin.left)) \(f(y(0)))L\(f(width - margin.right)) \(f(y(0)))\"/>"
        svg += "<path class=\"vg-impact__start\" d=\"M\(f(x(0))) \(f(margin.top))L\(f(x(0))) \(f(height - margin.bottom))\"/>"
        for (index, quarter) in quarters.enumerated() {
            svg +=
                "<path class=\"vg-impact__interval\" d=\"M\(f(x(quarter))) \(f(y(lower[index])))L\(f(x(quarter))) \(f(y(upper[index])))\"/>"
            svg +=
                "<circle class=\"vg-impact__point\" cx=\"\(f(x(quarter)))\" cy=\"\(f(y(effects[index])))\" r=\"3\"><title>quarter \(quarter): \(percent(effects[index])) (\(percent(lower[index])) to \(percent(upper[index])))</title></circle>"
        }
        return svg + "</svg>"
    }

    static func percent(_ fraction: Double) -> String {
        ProgressHeadline.change(fraction, inPoints: false) ?? "–"
    }
}
