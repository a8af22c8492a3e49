import Ink

/// Markdown as members write it, rendered to HTML that is safe to show to everyone.
public enum SafeMarkdown {
    public static func html(from markdown: String) -> HTMLAllowlist.Result {
        HTMLAllowlist.sanitise(MarkdownParser().html(from: markdown))
    }

    /// The words of a post without its markup, for search snippets, feeds' summaries and digests.
    public static func plainText(from markdown: String) -> String {
        let html = html(from: markdown).html
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; text += " "; continue }
            if character == ">" { inTag = false; continue }
            if !inTag { text.append(character) }
        }
        let decoded = HTMLAllowlist.decodeEntities(text)
        return decoded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
