import CCmarkGFM
import Foundation

/// Markdown to HTML through cmark-gfm, GitHub's CommonMark parser: linear time in the length of
/// the text for every input (its authors test pathological cases for exactly this), with GitHub's
/// tables and strikethrough. Raw HTML is passed through on purpose: `HTMLAllowlist` then shows it as
/// text or keeps the harmless tags, one rule for everything an author writes.
enum CommonMark {
    /// The core extensions register themselves once per process; later calls only look them up.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static let extensionNames = ["table", "strikethrough"]

    static func html(from markdown: String) -> String {
        precondition(extensionsRegistered)
        let options = CMARK_OPT_UNSAFE
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        // The bytes with their count, so a NUL inside the text does not cut it short (cmark turns it into U+FFFD).
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
