import Foundation
import VanguardCore
import Vapor

/// `POST /api/v1/spc`: one series in, its chart out, for analysts and checking: the Making Data Count
/// XmR chart by default, or a run, P, U, P′ or U′ chart (`"chart"`).
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

    /// Which chart a body asks for: `"chart"`, XmR when it is absent.
    struct ChartChoice: Decodable {
        let chart: String?
    }

    /// The chart as JSON, or a bad-request error saying what is wrong with the input.
    static func chartJSON(for body: Data) throws -> Data {
        guard body.count <= maximumBodyBytes else { throw AppError.badRequest("The body is larger than \(maximumBodyBytes) bytes.") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            let choice = (try? JSONDecoder().decode(ChartChoice.self, from: body))?.chart ?? "xmr"
            if choice == "xmr" { return try encoder.encode(try XmRChart(try XmRChart.input(fromJSON: body))) }
            return try encoder.encode(try AttributeChart(try AttributeChart.input(fromJSON: body)))
        } catch let error as AttributeChart.InputError {
            throw AppError.badRequest(error.description)
        } catch let error as XmRRequestError {
            throw AppError.badRequest(error.reason)
        } catch let error as XmRError {
            throw AppError.badRequest(error.description)
        }
    }
}
