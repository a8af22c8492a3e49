import Foundation
import Plot
import Vapor
import VanguardCore
import VanguardStore

/// Monthly returns by upload (people) and by API (programs): checked whole, written as one submission.
enum ReturnsController {
    /// The areas a caller may submit for, as the permission matrix decides (nil: every area).
    static func permittedAreas(_ caller: Caller?, registry: Registry) -> Set<String>? {
        guard let caller else { return [] }
        return PermissionMatrix.writableAreas(caller.grants, footprints: registry.footprintAreas)
    }

    /// Checks and writes one file; a rejection carries every problem found.
    static func accept(_ data: Data, fileName: String, request: Request) async throws -> Result<SubmissionSummary, ReturnsRejection> {
        let registry = try await request.registry()
        let store = ReturnsStore(database: request.db)
        let checker = ReturnsFile(
            knownAreas: Set(registry.areas.map(\.code)), knownMetrics: Set(try await store.metrics().map(\.code)),
            latestPeriod: Month(containing: Date()), permittedAreas: permittedAreas(request.caller, registry: registry)
        )
        let values: [ReturnValue]
        do { values = try checker.read(data) } catch { return .failure(error) }
        guard let caller = request.caller else { throw AppError.unauthorized("Sign in or send an API token.") }
        let summary = try await store.submit(values, fileName: fileName, by: caller.actor)
        // Evaluations are derived data: recomputed now, so pages only ever read them. Impact
        // estimates take longer to fit, so they are refitted in the background.
        try await EvaluationStore(database: request.db).recomputeAll(registry: registry)
        await request.application.impactRefresher.requestRefresh()
        return .success(summary)
    }

    struct SummaryDTO: Content {
        let submissionID: UUID
        let rows: Int
        let added: Int
        let revised: Int
        let unchanged: Int

        enum CodingKeys: String, CodingKey {
            case rows, added, revised, unchanged
            case submissionID = "submission_id"
        }
    }

    struct RejectionDTO: Content {
        let error: Bool
        let status: Int
        let reason: String
        let problems: [ReturnProblem]
        let total: Int
    }

    /// `POST /api/v1/returns` with the CSV as the body.
    @Sendable static func submitAPI(request: Request) async throws -> Response {
        guard let buffer = request.body.data, buffer.readableBytes > 0 else {
            throw AppError.badRequest("Send the returns as the body, as CSV with the header \(ReturnsFile.header.joined(separator: ",")).")
        }
        switch try await accept(Data(buffer.readableBytesView), fileName: "api", request: request) {
        case .success(let summary):
            let response = Response(status: .created)
            try response.content.encode(SummaryDTO(submissionID: summary.submissionID, rows: summary.rows, added: summary.added,
                                                   revised: summary.revised, unchanged: summary.unchanged), as: .json)
            return response
        case .failure(let rejection):
            let response = Response(status: .badRequest)
            try response.content.encode(RejectionDTO(error: true, status: 400, reason: rejection.description.components(separatedBy: "\n")[0],
                                                      problems: rejection.problems, total: rejection.total), as: .json)
            return response
        }
    }

    @Sendable static func uploadForm(request: Request) async throws -> Response {
        ReturnsUploadPage.document(.form, context: request.pageContext).response()
    }

    struct Upload: Content {
        let file: File
    }

    @Sendable static func upload(request: Request) async throws -> Response {
        let upload: Upload
        do { upload = try request.content.decode(Upload.self) } catch {
            return ReturnsUploadPage.document(.missingFile, context: request.pageContext).response(status: .badRequest)
        }
        let name = upload.file.filename.isEmpty ? "upload.csv" : upload.file.filename
        switch try await accept(Data(upload.file.data.readableBytesView), fileName: name, request: request) {
        case .success(let summary):
            return ReturnsUploadPage.document(.accepted(name, summary), context: request.pageContext).response(status: .created)
        case .failure(let rejection):
            return ReturnsUploadPage.document(.rejected(name, rejection), context: request.pageContext).response(status: .badRequest)
        }
    }
}

/// The upload form and what became of an upload.
enum ReturnsUploadPage {
    enum State {
        case form, missingFile
        case accepted(String, SubmissionSummary)
        case rejected(String, ReturnsRejection)
    }

    static func document(_ state: State, context: PageContext) -> HTML {
        Layout.document(
            title: "Submit monthly returns", context: context,
            body: .group(
                .h1(.text("Submit monthly returns")),
                result(state),
                .p(.text("A CSV file with the header area_code,metric_code,period,numerator,denominator: one row per area, metric and month (YYYY-MM). The whole file is checked before anything is written; a file with any bad row changes nothing. Sending a value again revises it and keeps the earlier version.")),
                .if(context.allows(.manageLookups), .p(.text("NHS England's provider-level A&E files are imported at the command line (vanguard import ae FILE) through the "),
                                                      .a(.safeHref(SiteURL.providerLookup.path), .text("provider to area lookup")), .text("."))),
                .form(
                    .action(SiteURL.uploadReturns.path), .method(.post), .enctype(.multipartData),
                    Forms.csrfField(context.csrfToken),
                    .div(
                        .class("nhsuk-form-group"),
                        .label(.class("nhsuk-label"), .for("file"), .text("Returns file (CSV)")),
                        .input(.class("nhsuk-file-upload"), .id("file"), .name("file"), .type(.file), .safeAttribute(named: "accept", value: ".csv,text/csv"))
                    ),
                    .button(.class("nhsuk-button"), .type(.submit), .text("Check and submit"))
                )
            )
        )
    }

    static func result(_ state: State) -> Node<HTML.BodyContext> {
        switch state {
        case .form:
            return .empty
        case .missingFile:
            return Forms.errorSummary([], general: "Choose a CSV file to upload.")
        case .accepted(let name, let summary):
            return .div(
                .class("nhsuk-inset-text"), .safeAttribute(named: "role", value: "status"),
                .p(.text("\(name) was accepted: \(summary.rows) rows, \(summary.added) added, \(summary.revised) revised, \(summary.unchanged) unchanged. The dashboards have been updated."))
            )
        case .rejected(let name, let rejection):
            return .div(
                .class("nhsuk-error-summary"), .safeAttribute(named: "role", value: "alert"),
                .h2(.class("nhsuk-error-summary__title"), .text("\(name) was not accepted; nothing was written")),
                .p(.text("\(rejection.total) problem\(rejection.total == 1 ? "" : "s")\(rejection.total > rejection.problems.count ? ", the first \(rejection.problems.count) shown" : ""):")),
                .table(
                    .class("nhsuk-table"),
                    .thead(.tr(.th(.text("Row")), .th(.text("Column")), .th(.text("Value")), .th(.text("Problem")))),
                    .tbody(.forEach(rejection.problems) { problem in
                        .tr(.td(.text(problem.row == 0 ? "–" : "\(problem.row)")), .td(.text(problem.column ?? "–")), .td(.text(problem.value ?? "–")), .td(.text(problem.reason)))
                    })
                )
            )
        }
    }
}
