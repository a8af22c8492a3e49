import Foundation
import Vapor

/// A JSON object an API route takes. It is refused whole, with the fields it may carry, when it
/// carries one the API does not describe: a misspelt optional field would otherwise be ignored
/// without a word, and the caller would believe it had been applied.
protocol JSONBody: Decodable {
    /// The names of the object's fields, as sent.
    static var fields: Set<String> { get }
    /// The object's shape in a line, for the answer to a body that is not it.
    static var shape: String { get }
}

extension Request {
    func decodeBody<Body: JSONBody>(_ type: Body.Type) throws -> Body {
        let notJSON = AppError.badRequest("The body must be JSON: \(Body.shape).")
        guard let buffer = body.data,
            let object = try? JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any]
        else { throw notJSON }
        try refuseUndescribedFields(of: object, allowed: Body.fields, in: "this request")
        do { return try content.decode(Body.self) } catch { throw notJSON }
    }
}

/// Refuses a JSON object carrying a field outside `allowed`, naming it and what `what` takes.
func refuseUndescribedFields(of object: [String: Any], allowed: Set<String>, in what: String) throws {
    let unknown = Set(object.keys).subtracting(allowed).sorted()
    guard unknown.isEmpty else {
        throw AppError.badRequest(
            "\(unknown.joined(separator: ", ")): not a field of \(what), which takes \(allowed.sorted().joined(separator: ", "))."
        )
    }
}
