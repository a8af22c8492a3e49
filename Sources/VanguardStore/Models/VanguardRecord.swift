import FluentKit

/// A vanguard row, keyed by the programme's own number.
public final class VanguardRecord: Model, @unchecked Sendable {
    public static let schema = "vanguards"

    @ID(custom: "number", generatedBy: .user) public var id: Int?
    @Field(key: "name") public var name: String
    @Field(key: "care_model") public var careModel: String
    @Field(key: "announced") public var announced: String
    @Field(key: "wave") public var wave: Int
    @Field(key: "area_description") public var areaDescription: String
    @Field(key: "region_description") public var regionDescription: String
    @Field(key: "lead_organisations_as_written") public var leadOrganisationsAsWritten: String
    /// Source addresses, one per line.
    @Field(key: "sources") public var sources: String
    @Field(key: "confidence") public var confidence: String
    @OptionalField(key: "notes") public var notes: String?
    @OptionalField(key: "governance") public var governance: String?
    @OptionalField(key: "contracting") public var contracting: String?

    public init() {}
}
