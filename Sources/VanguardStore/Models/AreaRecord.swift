import FluentKit

/// A sub-ICB location row, with its simplified outline stored ready to draw.
public final class AreaRecord: Model, @unchecked Sendable {
    public static let schema = "areas"

    @ID(custom: "code", generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String
    @Field(key: "icb_code") public var icbCode: String
    @OptionalField(key: "ods_code") public var odsCode: String?
    @Field(key: "lsoa_count") public var lsoaCount: Int
    /// The councils people know the location by, most first, joined by "; ".
    @Field(key: "local_authorities") public var localAuthorities: String

    public init() {}
}

/// The simplified outline of an area, kept apart from the area row so lists never load it.
public final class AreaBoundaryRecord: Model, @unchecked Sendable {
    public static let schema = "area_boundaries"

    @ID(custom: "area_code", generatedBy: .user) public var id: String?
    @Field(key: "svg_path") public var svgPath: String
    @Field(key: "min_x") public var minX: Double
    @Field(key: "min_y") public var minY: Double
    @Field(key: "max_x") public var maxX: Double
    @Field(key: "max_y") public var maxY: Double

    public init() {}
}
