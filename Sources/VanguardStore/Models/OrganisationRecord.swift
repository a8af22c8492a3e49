import FluentKit
import Foundation

/// A partner organisation row, keyed by a slug of its name so its address stays readable.
public final class OrganisationRecord: Model, @unchecked Sendable {
    public static let schema = "organisations"

    @ID(custom: "slug", generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String
    @Field(key: "sector") public var sector: String
    @OptionalField(key: "ods_code") public var odsCode: String?

    public init() {}
}

/// A vanguard's membership of an organisation, as its source row names it.
public final class VanguardPartnerRecord: Model, @unchecked Sendable {
    public static let schema = "vanguard_partners"

    @ID(key: .id) public var id: UUID?
    @Field(key: "vanguard_number") public var vanguardNumber: Int
    @Field(key: "organisation_slug") public var organisationSlug: String
    @Field(key: "is_lead") public var isLead: Bool
    @Field(key: "as_written") public var asWritten: String

    public init() {}
}
