import FluentKit
import Foundation

/// A course, webinar or open day (see `ProgrammeEvent`).
public final class EventRecord: Model, @unchecked Sendable {
    public static let schema = "events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "kind") public var kind: String
    @Field(key: "title") public var title: String
    @Field(key: "description") public var description: String
    /// The description rendered to safe HTML when saved.
    @OptionalField(key: "description_html") public var descriptionHTML: String?
    @Field(key: "starts_at") public var startsAt: Date
    @Field(key: "ends_at") public var endsAt: Date
    @OptionalField(key: "place") public var place: String?
    @OptionalField(key: "link") public var link: String?
    @Field(key: "capacity") public var capacity: Int
    @OptionalField(key: "vanguard_number") public var vanguardNumber: Int?
    @Field(key: "created_by") public var createdBy: UUID
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}

/// One person's place at an event; a person signs up once.
public final class EventSignUpRecord: Model, @unchecked Sendable {
    public static let schema = "event_sign_ups"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// An innovation in the catalogue (see `Innovation`).
public final class InnovationRecord: Model, @unchecked Sendable {
    public static let schema = "innovations"

    @ID(custom: "slug", generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String
    @Field(key: "summary") public var summary: String
    @Field(key: "care_model") public var careModel: String
    @Field(key: "origin_vanguard") public var originVanguard: Int

    public init() {}
}

/// A recorded adoption of an innovation (see `Adoption`).
public final class AdoptionRecord: Model, @unchecked Sendable {
    public static let schema = "adoptions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "innovation_slug") public var innovationSlug: String
    @Field(key: "adopter") public var adopter: String
    @OptionalField(key: "organisation_slug") public var organisationSlug: String?
    @Field(key: "area_code") public var areaCode: String
    @Field(key: "adopted_on") public var adoptedOn: String
    @Field(key: "contact") public var contact: String
    @Field(key: "recorded_by") public var recordedBy: UUID
    @Field(key: "recorded_at") public var recordedAt: Date
    /// `[Adoption.AreaChange]` as JSON, worked out when recorded.
    @OptionalField(key: "area_changes") public var areaChanges: String?

    public init() {}
}

/// An uploaded image, kept in the database so a backup of it is a backup of everything.
public final class PostImageRecord: Model, @unchecked Sendable {
    public static let schema = "post_images"

    @ID(key: .id) public var id: UUID?
    @Field(key: "media_type") public var mediaType: String
    @Field(key: "bytes") public var bytes: Data
    @Field(key: "uploaded_by") public var uploadedBy: UUID
    @Field(key: "uploaded_at") public var uploadedAt: Date

    public init() {}
}
