import Foundation

/// The OpenAPI 3.1 description of `/api/v1`, kept as `Resources/openapi.json` so it is read and
/// reviewed as the document it is. The test suite holds it against the registered routes both ways
/// and checks real responses against its schemas, so it cannot drift from what the API serves.
enum OpenAPIDocument {
    static let json: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"), let data = try? Data(contentsOf: url) else {
            preconditionFailure("openapi.json is missing from the VanguardWeb bundle")
        }
        return data
    }()
}
