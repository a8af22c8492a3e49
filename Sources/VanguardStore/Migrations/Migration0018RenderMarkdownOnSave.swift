import FluentKit
import Foundation
import VanguardCore

/// Posts and events keep their Markdown rendered to safe HTML beside it, rendered when saved, so no
/// page or feed renders. Everything already written is rendered here, once, with the renderer of
/// this version; a later change of renderer re-renders the same way, in a migration of its own.
struct Migration0018RenderMarkdownOnSave: AsyncMigration {
    var name: String { "0018_render_markdown_on_save" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PostRecord.schema).field("rendered", .string).update()
        try await database.schema(EventRecord.schema).field("description_html", .string).update()
        try await Self.renderEverything(on: database)
    }

    static func renderEverything(on database: any Database) async throws {
        for post in try await PostRecord.query(on: database).all() {
            guard let content = try? JSONDecoder().decode(PostContent.self, from: Data(post.content.utf8)) else { continue }
            post.rendered = String(decoding: try JSONEncoder().encode(content.rendered), as: UTF8.self)
            try await post.update(on: database)
        }
        for event in try await EventRecord.query(on: database).all() {
            event.descriptionHTML = SafeMarkdown.html(from: event.description).html
            try await event.update(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EventRecord.schema).deleteField("description_html").update()
        try await database.schema(PostRecord.schema).deleteField("rendered").update()
    }
}
