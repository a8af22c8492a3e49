/// What a person typed into search, reduced to words both search engines treat the same way:
/// no operators, no quotes, nothing either engine could read as syntax.
public struct SearchQuery: Sendable, Equatable {
    public let terms: [String]

    public static let maximumTerms = 12

    public init(_ text: String) {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }.map { String($0.prefix(40)) }
        var unique: [String] = []
        for word in words where !unique.contains(word) { unique.append(word) }
        terms = Array(unique.prefix(Self.maximumTerms))
    }

    public var isEmpty: Bool { terms.isEmpty }
}

/// What a search found: the kind of thing, where it lives, how well it matched, and a snippet
/// whose matched words are marked.
public struct SearchHit: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case post, vanguard, organisation

        public var name: String {
            switch self {
            case .post: "Post"
            case .vanguard: "Vanguard"
            case .organisation: "Organisation"
            }
        }
    }

    public let kind: Kind
    public let key: String
    public let title: String
    public let rank: Double
    /// The snippet in pieces, each either plain or a matched word, so pages and the API can mark them safely.
    public let snippet: [SnippetPiece]

    public init(kind: Kind, key: String, title: String, rank: Double, snippet: [SnippetPiece]) {
        self.kind = kind
        self.key = key
        self.title = title
        self.rank = rank
        self.snippet = snippet
    }

    /// The engines mark matches with these two characters, which members cannot type into an indexed field.
    public static let matchStart = "\u{E000}"
    public static let matchEnd = "\u{E001}"

    /// Splits an engine's marked snippet into pieces.
    public static func pieces(fromMarked marked: String) -> [SnippetPiece] {
        var pieces: [SnippetPiece] = []
        var current = ""
        var inMatch = false
        for character in marked {
            if String(character) == matchStart || String(character) == matchEnd {
                if !current.isEmpty { pieces.append(SnippetPiece(text: current, isMatch: inMatch)) }
                current = ""
                inMatch = String(character) == matchStart
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { pieces.append(SnippetPiece(text: current, isMatch: inMatch)) }
        return pieces
    }

    /// Removes the marker characters from text before it is indexed.
    public static func unmarked(_ text: String) -> String {
        text.replacingOccurrences(of: matchStart, with: "").replacingOccurrences(of: matchEnd, with: "")
    }
}

public struct SnippetPiece: Sendable, Equatable, Codable {
    public let text: String
    public let isMatch: Bool

    public init(text: String, isMatch: Bool) {
        self.text = text
        self.isMatch = isMatch
    }
}
