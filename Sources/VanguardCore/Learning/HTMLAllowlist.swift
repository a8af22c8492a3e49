import Foundation

/// Rebuilds HTML from an allowlist: only the tags Markdown produces survive, each with only the
/// attributes it needs, URLs only with safe schemes, and every tag closed inside the fragment.
/// Anything else — script, style, event handlers, comments, unknown tags — comes out as visible text.
///
/// Markdown allows raw HTML, so the renderer's output cannot be trusted as it stands; rebuilding
/// from an allowlist (rather than removing known-bad things) is what keeps new tricks out.
public enum HTMLAllowlist {
    /// The fragment made safe, and the URLs that were dropped (so an author can be told why).
    public struct Result: Sendable, Equatable {
        public let html: String
        public let refusedURLs: [String]
    }

    static let allowedAttributes: [String: Set<String>] = [
        "p": [], "br": [], "hr": [], "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [],
        "em": [], "strong": [], "b": [], "i": [], "code": ["class"], "pre": [], "blockquote": [],
        "ul": [], "ol": ["start"], "li": [], "del": [], "s": [], "sup": [], "sub": [],
        "table": [], "thead": [], "tbody": [], "tr": [], "th": ["align"], "td": ["align"],
        "a": ["href", "title"], "img": ["src", "alt", "title"],
    ]
    static let voidTags: Set<String> = ["br", "hr", "img"]
    static let urlAttributes: Set<String> = ["href", "src"]

    /// Linear in the length of `html`: a tag is read only up to the next `<` (a value holding one is
    /// refused, never scanned to the end), and closing looks up what is open by count, not by search.
    public static func sanitise(_ html: String) -> Result {
        var output = ""
        var open: [String] = []
        var openCount: [String: Int] = [:]
        var refused: [String] = []
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            guard character == "<" else {
                output.append(character == ">" ? "&gt;" : String(character))
                index = html.index(after: index)
                continue
            }
            guard let tag = Tag.read(html, at: index), allowedAttributes[tag.name] != nil else {
                output += "&lt;"
                index = html.index(after: index)
                continue
            }
            index = tag.end
            if tag.isClosing {
                // Close only what is open, closing anything left open inside it first. Each tag closed
                // here was opened once, so the closing costs no more than the opening did.
                guard openCount[tag.name, default: 0] > 0 else { continue }
                while let name = open.popLast() {
                    output += "</\(name)>"
                    openCount[name, default: 1] -= 1
                    if name == tag.name { break }
                }
                continue
            }
            output += "<" + tag.name
            for (name, value) in tag.attributes where allowedAttributes[tag.name]!.contains(name) {
                if urlAttributes.contains(name) {
                    guard isSafeURL(value) else { refused.append(value); continue }
                }
                if name == "class", !isLanguageClass(value) { continue }
                output += " \(name)=\"\(escapeAttribute(value))\""
            }
            output += ">"
            if !voidTags.contains(tag.name) {
                open.append(tag.name)
                openCount[tag.name, default: 0] += 1
            }
        }
        for name in open.reversed() { output += "</\(name)>" }
        return Result(html: output, refusedURLs: refused)
    }

    /// http, https, mailto, or a link within the site or page; never javascript:, data:, vbscript: and the like.
    public static func isSafeURL(_ raw: String) -> Bool {
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
        let url = decodeEntities(raw).filter { !$0.isWhitespace && !($0.asciiValue.map { $0 < 32 } ?? false) }.lowercased()
        guard let colon = url.firstIndex(of: ":") else { return true }
        let beforeColon = url[..<colon]
        if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        return ["http", "https", "mailto"].contains(String(beforeColon))
    }

    static func isLanguageClass(_ value: String) -> Bool {
        value.hasPrefix("language-") && value.dropFirst(9).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "+" }
    }

    static func escapeAttribute(_ value: String) -> String {
        XMLText.escape(decodeEntities(value))
    }

    /// Decodes the entities a URL could hide a scheme behind (numeric ones and the five XML names).
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            let semicolon = rest[afterAmpersand...].prefix(12).firstIndex(of: ";")
            guard let semicolon else { result += "&"; rest = rest[afterAmpersand...]; continue }
            let name = rest[afterAmpersand..<semicolon]
            if let decoded = decodeEntity(name) {
                result.append(decoded)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest[afterAmpersand...]
            }
        }
        return result + rest
    }

    static func decodeEntity(_ name: Substring) -> Character? {
        switch name.lowercased() {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "colon": return ":"
        case "tab": return "\t"
        case "newline": return "\n"
        default: break
        }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init).map(Character.init)
    }

    /// One start or end tag as written, read leniently the way a browser would.
    struct Tag {
        let name: String
        let isClosing: Bool
        let attributes: [(String, String)]
        let end: String.Index

        static func read(_ html: String, at start: String.Index) -> Tag? {
            var index = html.index(after: start)
            var isClosing = false
            if index < html.endIndex, html[index] == "/" { isClosing = true; index = html.index(after: index) }
            let nameStart = index
            while index < html.endIndex, html[index].isASCII, html[index].isLetter || html[index].isNumber {
                index = html.index(after: index)
            }
            guard index > nameStart, html[nameStart].isLetter else { return nil }
            let name = html[nameStart..<index].lowercased()
            var attributes: [(String, String)] = []
            while index < html.endIndex {
                let character = html[index]
                if character == ">" { return Tag(name: name, isClosing: isClosing, attributes: attributes, end: html.index(after: index)) }
                if character == "<" { return nil }
                if character.isWhitespace || character == "/" { index = html.index(after: index); continue }
                let attributeStart = index
                while index < html.endIndex, !html[index].isWhitespace, !"=>/<".contains(html[index]) { index = html.index(after: index) }
                let attribute = html[attributeStart..<index].lowercased()
                var value = ""
                if index < html.endIndex, html[index] == "=" {
                    index = html.index(after: index)
                    guard index < html.endIndex else { return nil }
                    if html[index] == "\"" || html[index] == "'" {
                        let quote = html[index]
                        let valueStart = html.index(after: index)
                        // A value holding "<" is refused rather than followed: following it could
                        // scan to the end of the text for every "<", which is quadratic.
                        guard let valueEnd = html[valueStart...].firstIndex(where: { $0 == quote || $0 == "<" }), html[valueEnd] == quote
                        else { return nil }
                        value = String(html[valueStart..<valueEnd])
                        index = html.index(after: valueEnd)
                    } else {
                        let valueStart = index
                        while index < html.endIndex, !html[index].isWhitespace, html[index] != ">", html[index] != "<" {
                            index = html.index(after: index)
                        }
                        value = String(html[valueStart..<index])
                    }
                }
                if !attribute.isEmpty { attributes.append((attribute, value)) }
            }
            return nil
        }
    }
}
