import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// Monthly returns by upload (people) and by API (programs): checked whole, written as one submission.
enum ReturnsController {
    /// Checks and writes one file; a rejection carries every problem found.
    static func accept(_ data: Data, fileName: String, request: Request) async throws -> Result<SubmissionSummary, ReturnsRejection> {
        guard let caller = request.caller else { throw AppError.unauthorized("Sign in or send an API token.") }
        let registry = try await request.registry()
        let submit = SubmitReturns(database: request.db, registry: registry, now: request.application.appConfig.now, refit: .queued)
        return try await submit(
            file: data, named: fileName, by: caller.actor,
            permittedAreas: PermissionMatrix.writableAreas(caller.grants, footprints: registry.footprintAreas))
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
            try response.content.encode(
                SummaryDTO(
                    submissionID: summary.submissionID, rows: summary.rows, added: summary.added,
                    revised: summary.revised, unchanged: summary.unchanged), as: .json)
            return response
        case .failure(let rejection):
            let response = Response(status: .badRequest)
            try response.content.encode(
                RejectionDTO(
                    error: true, status: 400, reason: rejection.description.components(separatedBy: "\n")[0],
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
