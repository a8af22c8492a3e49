/// Markdown as members write it, rendered to HTML that is safe to show to everyone. Both steps are
/// linear in the length of the text, whatever it holds; even so, pages never call this: text is
/// rendered once when it is saved (`RenderedMarkdown`) and pages show what was stored.
public enum SafeMarkdown {
    public static func html(from markdown: String) -> HTMLAllowlist.Result {
        HTMLAllowlist.sanitise(CommonMark.html(from: markdown))
    }

    /// The words of a post without its markup, for search snippets, feeds' summaries and digests.
    public static func plainText(from markdown: String) -> String {
        text(ofHTML: html(from: markdown).html)
    }

    /// The words of HTML this type made, without its tags: for text that was rendered when saved.
    public static func text(ofHTML html: String) -> String {
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
