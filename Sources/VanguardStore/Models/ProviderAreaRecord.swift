import FluentKit
import Foundation

/// One row of the provider → area lookup used by importers of provider-level publications.
public final class ProviderAreaRecord: Model, @unchecked Sendable {
    public static let schema = "provider_areas"

    @ID(custom: "org_code", generatedBy: .user) public var id: String?
    @Field(key: "org_name") public var orgName: String
    @Field(key: "area_code") public var areaCode: String
    @Field(key: "updated_by") public var updatedBy: String
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}
