/// Texts built to make Markdown renderers slow: each family repeats a construct a parser may scan
/// ahead for and not find (an unclosed tag, bracket, emphasis, code span, quote), so a renderer
/// that is not linear shows it at once. The linearity test and `vanguard benchmark markdown` use them.
public enum AdversarialMarkdown {
    public struct Family: Sendable, CustomStringConvertible {
        public let name: String
        public var description: String { name }
        let unit: String
        let tail: String

        /// The family's text of about `length` characters.
        public func text(length: Int) -> String {
            String(repeating: unit, count: max(1, (length - tail.count) / unit.count)) + tail
        }
    }

    /// Ordinary prose, for the baseline.
    public static let prose = Family(
        name: "plain prose", unit: "Care homes in Wirral had a named GP from April 2016, and emergency admissions fell. ", tail: "")

    public static let families: [Family] = [
        Family(name: "unclosed <a (the review's input)", unit: "<a ", tail: ""),
        Family(name: "unclosed quoted attribute", unit: "<a title=\"x ", tail: ""),
        Family(name: "open tags never closed", unit: "<b>", tail: String(repeating: "</i>", count: 1)),
        Family(name: "closing tags for nothing", unit: "</em>", tail: ""),
        Family(name: "open brackets", unit: "[", tail: ""),
        Family(name: "image openers", unit: "![", tail: ""),
        Family(name: "unclosed link destinations", unit: "[a](", tail: ""),
        Family(name: "emphasis openers", unit: "*a ", tail: ""),
        Family(name: "underscores", unit: "_a ", tail: ""),
        Family(name: "mixed delimiters", unit: "*_", tail: ""),
        Family(name: "strikethrough openers", unit: "~a ", tail: ""),
        Family(name: "code span openers", unit: "`a ", tail: ""),
        Family(name: "nested quotes", unit: ">", tail: " a"),
        Family(name: "entity starts", unit: "&#", tail: ""),
        Family(name: "HTML comment openers", unit: "<!--", tail: ""),
        Family(name: "table rows", unit: "|a|b|\n", tail: ""),
        Family(name: "link reference definitions", unit: "[a]: ", tail: ""),
        Family(name: "backslashes", unit: "\\", tail: ""),
    ]
}
