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

    /// Which chart a body asks for: `"chart"`, XmR when it is absent or null.
    static func chart(in object: [String: Any]?) throws -> String {
        switch object?["chart"] {
        case nil, is NSNull: return "xmr"
        case let name as String: return name
        default: throw AppError.badRequest("chart must be one of xmr, run, p, u, pp, up")
        }
    }

    /// The fields each kind of chart takes; another is refused rather than ignored, since a
    /// misspelt option would otherwise leave the caller believing it had been applied.
    static func fields(of chart: String) -> Set<String>? {
        switch chart {
        case "xmr": ["chart", "values", "improvement_direction", "target", "rebase_points", "screen_outliers", "fix_after_n_points"]
        case "run": ["chart", "values", "numerators", "denominators", "freeze", "rebase_points", "exclude", "multiply"]
        case "p", "u", "pp", "up":
            ["chart", "values", "numerators", "denominators", "freeze", "rebase_points", "exclude", "multiply", "screen_moving_ranges"]
        default: nil
        }
    }

    /// The chart as JSON, or a bad-request error saying what is wrong with the input.
    static func chartJSON(for body: Data) throws -> Data {
        guard body.count <= maximumBodyBytes else { throw AppError.badRequest("The body is larger than \(maximumBodyBytes) bytes.") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            // Read once: which chart, and whether every field is one that chart takes.
            let object = (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? nil
            let choice = try chart(in: object)
            if let object, let fields = fields(of: choice) {
                try refuseUndescribedFields(of: object, allowed: fields, in: "a \(choice) chart")
            }
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
