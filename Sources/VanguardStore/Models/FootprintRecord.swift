import FluentKit
import Foundation

/// One area of a vanguard's footprint, with how it was derived from the 2015 CCGs.
public final class FootprintRecord: Model, @unchecked Sendable {
    public static let schema = "vanguard_areas"

    @ID(key: .id) public var id: UUID?
    @Field(key: "vanguard_number") public var vanguardNumber: Int
    @Field(key: "area_code") public var areaCode: String
    /// 2015 CCG names and codes, joined by "; " as in the source file.
    @Field(key: "ccg2015_names") public var ccg2015Names: String
    @Field(key: "ccg2015_codes") public var ccg2015Codes: String
    @Field(key: "basis") public var basis: String
    @Field(key: "confidence") public var confidence: String
    @OptionalField(key: "note") public var note: String?
    @OptionalField(key: "source") public var source: String?

    public init() {}
}

/// A 2015 CCG and the sub-ICB location that holds it today. Three CCGs were split between two
/// locations, so the key is the pair, written `ODS@ONS`.
public final class CCGRecord: Model, @unchecked Sendable {
    public static let schema = "ccgs_2015"

    @ID(custom: "key", generatedBy: .user) public var id: String?
    @Field(key: "ods_code") public var odsCode: String
    @Field(key: "name") public var name: String
    @Field(key: "area_code") public var areaCode: String

    public init() {}
}

/// A programme-level figure with its source.
public final class ProgrammeFactRecord: Model, @unchecked Sendable {
    public static let schema = "programme_facts"

    @ID(custom: "key", generatedBy: .user) public var id: String?
    @Field(key: "value") public var value: Int
    @Field(key: "source") public var source: String

    public init() {}
}
