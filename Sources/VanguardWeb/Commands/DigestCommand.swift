import Foundation
import VanguardStore
import Vapor

/// `vanguard digests`: writes every due e-mail digest to the outbox. Run it from a scheduler
/// (hourly is plenty); a digest goes at most once per day or week per subscription.
struct DigestCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Composes the due daily and weekly e-mail digests and writes them to the outbox." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let sent = try await DigestMail.sendDue(database: app.db, publicURL: app.appConfig.publicURL, at: app.now)
        context.console.print("[digests] \(sent) written to the outbox")
    }
}
