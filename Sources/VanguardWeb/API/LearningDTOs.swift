import Foundation
import VanguardCore
import Vapor

/// A published post or case study as the API reads it: its Markdown and the safe HTML the page shows.
struct PostDTO: Content {
    let slug: String
    let kind: String
    let title: String
    let summary: String
    let vanguardNumber: Int?
    let careModels: [String]
    let categories: [String]
    let workStreams: [String]
    let metricCodes: [String]
    let innovation: String?
    let author: String
    let publishedAt: Date
    let updatedAt: Date
    let revision: Int
    let url: String
    /// Markdown by field ("body", and for a case study "problem", "what_changed", "results", "cost", "contacts").
    let markdown: [String: String]
    let html: [String: String]

    enum CodingKeys: String, CodingKey {
        case slug, kind, title, summary, categories, innovation, author, revision, url, markdown, html
        case vanguardNumber = "vanguard_number", careModels = "care_models", workStreams = "work_streams", metricCodes = "metric_codes"
        case publishedAt = "published_at", updatedAt = "updated_at"
    }

    init(_ post: Post, base: String) {
        let content = post.content
        slug = post.slug
        kind = content.kind.rawValue
        title = content.title
        summary = content.summary
        vanguardNumber = content.vanguardNumber
        careModels = content.careModels.map(\.rawValue)
        categories = content.categorySlugs
        workStreams = content.workStreams
        metricCodes = content.metricCodes
        innovation = content.innovation
        author = post.authorName
        publishedAt = post.publishAt ?? post.createdAt
        updatedAt = post.updatedAt
        revision = post.revision
        url = base + SiteURL.learning(.post(post.slug)).path
        markdown = Dictionary(
            content.markdownFields.map { (Self.snakeCase($0.field), $0.markdown) }, uniquingKeysWith: { first, _ in first })
        html = Dictionary(post.html.fields.map { (Self.snakeCase($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    static func snakeCase(_ field: String) -> String {
        field.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }
}

/// An event with the places left, never who signed up.
struct EventDTO: Content {
    let id: UUID
    let kind: String
    let title: String
    let description: String
    let descriptionHTML: String
    let startsAt: Date
    let endsAt: Date
    let place: String?
    let link: String?
    let capacity: Int
    let placesLeft: Int
    let vanguardNumber: Int?
    let url: String

    enum CodingKeys: String, CodingKey {
        case id, kind, title, description, place, link, capacity, url
        case descriptionHTML = "description_html", startsAt = "starts_at", endsAt = "ends_at", placesLeft = "places_left", vanguardNumber =
            "vanguard_number"
    }

    init(_ event: ProgrammeEvent, taken: Int, base: String) {
        id = event.id
        kind = event.kind.rawValue
        title = event.title
        description = event.description
        descriptionHTML = event.descriptionHTML ?? ""
        startsAt = event.startsAt
        endsAt = event.endsAt
        place = event.place
        link = event.link
        capacity = event.capacity
        placesLeft = max(0, event.capacity - taken)
        vanguardNumber = event.vanguardNumber
        url = base + SiteURL.learning(.event(event.id)).path
    }
}

/// An innovation with where it has been taken up; adopters' contacts are on the page for people, not in bulk here.
struct InnovationDTO: Content {
    struct AdoptionDTO: Codable, Sendable {
        let adopter: String
        let organisationSlug: String?
        let areaCode: String
        let adoptedOn: String
        let areaChanges: [AreaChangeDTO]

        enum CodingKeys: String, CodingKey {
            case adopter
            case organisationSlug = "organisation_slug", areaCode = "area_code", adoptedOn = "adopted_on", areaChanges = "area_changes"
        }
    }

    struct AreaChangeDTO: Codable, Sendable {
        let metricCode: String
        let change: Double?
        let isInPoints: Bool

        enum CodingKeys: String, CodingKey {
            case change
            case metricCode = "metric_code", isInPoints = "is_in_points"
        }
    }

    let slug: String
    let name: String
    let summary: String
    let careModel: String
    let originVanguard: Int
    let url: String
    let adoptions: [AdoptionDTO]

    enum CodingKeys: String, CodingKey {
        case slug, name, summary, url, adoptions
        case careModel = "care_model", originVanguard = "origin_vanguard"
    }

    init(_ innovation: Innovation, adoptions: [Adoption], base: String) {
        slug = innovation.slug
        name = innovation.name
        summary = innovation.summary
        careModel = innovation.careModel.rawValue
        originVanguard = innovation.originVanguard
        url = base + SiteURL.learning(.innovation(innovation.slug)).path
        self.adoptions = adoptions.map { adoption in
            AdoptionDTO(
                adopter: adoption.adopter, organisationSlug: adoption.organisationSlug, areaCode: adoption.areaCode,
                adoptedOn: adoption.adoptedOn.iso8601,
                areaChanges: adoption.areaChanges.map {
                    AreaChangeDTO(metricCode: $0.metricCode, change: $0.change, isInPoints: $0.inPoints)
                })
        }
    }
}
