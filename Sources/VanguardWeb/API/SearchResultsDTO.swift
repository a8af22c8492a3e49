import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// The API's search answer: results best first, each snippet in pieces with matches marked.
struct SearchResultsDTO: Content {
    struct Result: Codable, Sendable {
        let kind: String
        let title: String
        let url: String
        let rank: Double
        let snippet: [SnippetPiece]
    }

    let query: String
    let results: [Result]
}
