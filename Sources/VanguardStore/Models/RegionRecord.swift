import FluentKit

/// An NHS England region row.
public final class RegionRecord: Model, @unchecked Sendable {
    public static let schema = "regions"

    @ID(custom: "code", generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String

    public init() {}

    public init(code: String, name: String) {
        self.id = code
        self.name = name
    }
}
