import Foundation

/// A partner organisation in the directory, keyed by a readable slug of its name.
public struct Organisation: Hashable, Sendable, Codable {
    public let slug: String
    public let name: String
    public let sector: Sector
    /// The Organisation Data Service code, where the registry knows it.
    public let odsCode: String?

    public init(slug: String, name: String, sector: Sector, odsCode: String?) {
        self.slug = slug
        self.name = name
        self.sector = sector
        self.odsCode = odsCode
    }

    /// "Guy's and St Thomas' NHS FT" → "guys-and-st-thomas-nhs-ft".
    public static func slug(for name: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in name.lowercased().folding(options: .diacriticInsensitive, locale: nil).unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII {
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue
            } else {
                pendingDash = true
            }
        }
        return slug
    }
}

/// An organisation's place in a vanguard, with the words of the source that put it there.
public struct Membership: Hashable, Sendable, Codable {
    public let vanguardNumber: Int
    public let organisationSlug: String
    public let isLead: Bool
    public let asWritten: String

    public init(vanguardNumber: Int, organisationSlug: String, isLead: Bool, asWritten: String) {
        self.vanguardNumber = vanguardNumber
        self.organisationSlug = organisationSlug
        self.isLead = isLead
        self.asWritten = asWritten
    }
}
