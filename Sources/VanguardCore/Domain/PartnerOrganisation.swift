/// An organisation named as a partner of a vanguard in that vanguard's source row.
public struct PartnerOrganisation: Hashable, Sendable, Codable {
    public let vanguardNumber: Int
    public let name: String
    public let sector: Sector
    public let isLead: Bool
    /// The words of the source row this entry was transcribed from, so that every partner can
    /// be traced back and none is invented.
    public let asWritten: String

    public init(vanguardNumber: Int, name: String, sector: Sector, isLead: Bool, asWritten: String) {
        self.vanguardNumber = vanguardNumber
        self.name = name
        self.sector = sector
        self.isLead = isLead
        self.asWritten = asWritten
    }
}
