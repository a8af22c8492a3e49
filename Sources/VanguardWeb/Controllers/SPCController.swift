import Foundation
import Vapor
import VanguardCore

/// `POST /api/v1/spc`: one series in, its Making Data Count XmR chart out, for analysts and checking.
enum SPCController {
    static let maximumBodyBytes = 1_000_000

    @Sendable static func chart(request: Request) async throws -> Response {
        guard let buffer = request.body.data else {
            throw AppError.badRequest("Send the series as JSON: {\"values\": [...], \"improvement_direction\": \"increase\"}.")
        }
        let response = Response(status: .ok)
        response.headers.contentType = .json
        response.body = .init(data: try chartJSON(for: Data(buffer.readableBytesView)))
        return response
    }

    /// The chart as JSON, or a bad-request error saying what is wrong with the input.
    static func chartJSON(for body: Data) throws -> Data {
        guard body.count <= maximumBodyBytes else { throw AppError.badRequest("The body is larger than \(maximumBodyBytes) bytes.") }
        do {
            let chart = try XmRChart(try XmRChart.input(fromJSON: body))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return try encoder.encode(chart)
        } catch let error as XmRRequestError {
            throw AppError.badRequest(error.reason)
        } catch let error as XmRError {
            throw AppError.badRequest(error.description)
        }
    }
}
