import FluentKit

/// An integrated care board row.
public final class ICBRecord: Model, @unchecked Sendable {
    public static let schema = "icbs"

    @ID(custom: "code", generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String
    @Field(key: "region_code") public var regionCode: String

    public init() {}

    public init(code: String, name: String, regionCode: String) {
        self.id = code
        self.name = name
        self.regionCode = regionCode
    }
}
