import Foundation
import VanguardCore
import VanguardStore
import Vapor

/// Images for posts: uploaded by authors, checked by their bytes, served with their own type only.
enum ImagesController {
    struct Upload: Content {
        var image: File?
    }

    @Sendable static func upload(request: Request) async throws -> Response {
        let person = try request.requirePerson()
        let upload = try? request.content.decode(Upload.self)
        let bytes = upload?.image.map { Array($0.data.readableBytesView) } ?? []
        do {
            let id = try await LearningStore(on: request).saveImage(bytes, by: person.id)
            let markdown = "![Describe the image](\(SiteURL.learning(.image(id)).path))"
            return ImageUploadPage.document(markdown: markdown, error: nil, context: request.pageContext).response(status: .created)
        } catch let error as ValidationError {
            return ImageUploadPage.document(markdown: nil, error: error.reason, context: request.pageContext).response(status: .badRequest)
        }
    }

    @Sendable static func show(request: Request) async throws -> Response {
        guard let id = UUID(uuidString: request.pathParameter("image")),
            let image = try await LearningStore(on: request).image(id)
        else { throw AppError.notFound("The image") }
        let response = Response(status: .ok, body: .init(data: image.bytes))
        response.headers.replaceOrAdd(name: .contentType, value: image.mediaType)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return response
    }
}
