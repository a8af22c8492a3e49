/// Markdown rendered to safe HTML once, when its text was saved, kept beside it so that pages and
/// feeds only ever read it: however slow a text were to render, no reader would wait for it.
public struct RenderedMarkdown: Codable, Sendable, Equatable {
    /// Safe HTML by the field it came from ("body", "problem", …).
    public private(set) var fields: [String: String]

    public init(fields: [String: String] = [:]) {
        self.fields = fields
    }

    public init(rendering markdown: [(field: String, markdown: String)]) {
        fields = Dictionary(markdown.map { ($0.field, SafeMarkdown.html(from: $0.markdown).html) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(field: String) -> String { fields[field] ?? "" }
}

extension PostContent {
    /// Every Markdown field of the revision, rendered.
    public var rendered: RenderedMarkdown { RenderedMarkdown(rendering: markdownFields) }
}
