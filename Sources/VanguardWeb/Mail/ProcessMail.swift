import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// The e-mails selection and funding send, written to the outbox (delivered as the accounts
/// e-mails are): applicants hear their decision; partners' signatories hear that a version of a
/// plan awaits their signature.
enum ProcessMail {
    static func decision(_ decision: SelectionDecision, application: CallApplication, call: Call, request: Request) async throws {
        guard let lead = try await request.accounts.account(id: application.leadAccountID) else { return }
        var body =
            "Hello \(lead.displayName),\n\nThe decision on \(ApplicationPage.title(of: application))'s application to \(call.title): \(decision.outcome.name)."
        if let wave = decision.waveName {
            body += "\nSelected into \(wave)" + (decision.announcedOn.map { ", announced \($0.longForm)" } ?? "") + "."
        }
        body +=
            "\n\nFeedback:\n\(decision.feedback)\n\nRead it with your application: \(AccountController.url(request, .application(application.id)))\n"
        try await request.accounts.enqueue(
            to: lead.email, subject: "Your application to \(call.title): \(decision.outcome.name.lowercased())", body: body)
    }

    /// Tells every signatory of the plan's partners that the current version waits for them.
    static func signatureRequested(_ plan: FundingPlan, request: Request) async throws {
        let partners = Set(plan.current.content.partners)
        let changes = plan.versions.count > 1 ? plan.current.content.changes(from: plan.versions[plan.versions.count - 2].content) : []
        let names = Dictionary(
            try await request.registry().organisations.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        for account in try await request.accounts.accounts() {
            for grant in account.roleGrants where grant.role == .partnerSignatory {
                guard case .organisation(let slug) = grant.scope, partners.contains(slug) else { continue }
                var body =
                    "Hello \(account.displayName),\n\nVersion \(plan.current.number) of the funding plan \"\(plan.current.content.title)\" names \(names[slug] ?? slug) as a partner and waits for your signature."
                if !changes.isEmpty {
                    body +=
                        "\nSince version \(plan.current.number - 1) it changed: \(changes.joined(separator: ", ")). Earlier signatures no longer count."
                }
                body += "\n\nRead and sign it: \(AccountController.url(request, .fundingPlan(plan.id)))\n"
                try await request.accounts.enqueue(
                    to: account.email, subject: "A funding plan waits for your signature: version \(plan.current.number)", body: body)
            }
        }
    }
}
