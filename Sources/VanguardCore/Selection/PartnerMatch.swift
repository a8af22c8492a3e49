import Foundation

/// Which directory organisation an applicant's partner is, decided before a selection writes the
/// registry: by ODS code first (one code, one organisation), then by name as people write it
/// ("Wirral CCG" is "NHS Wirral CCG"); otherwise it is new to the directory.
public struct PartnerMatch: Sendable, Equatable {
    public enum Basis: String, Sendable, Equatable {
        case odsCode, name, new
    }

    public let proposed: ProposedPartner
    /// The directory organisation it is, nil when new.
    public let organisation: Organisation?
    public let basis: Basis

    /// How the programme team reads the match before deciding.
    public var explanation: String {
        switch basis {
        case .odsCode: "Already in the directory as \(organisation!.name) (same ODS code \(organisation!.odsCode ?? ""))"
        case .name: "Already in the directory as \(organisation!.name) (same name\(organisation!.odsCode.map { ", ODS code \($0)" } ?? ""))"
        case .new: "New to the directory"
        }
    }

    public static func match(_ partners: [ProposedPartner], directory: [Organisation]) -> [PartnerMatch] {
        let byCode = Dictionary(
            directory.compactMap { organisation in organisation.odsCode.map { ($0.uppercased(), organisation) } },
            uniquingKeysWith: { first, _ in first })
        let byName = Dictionary(directory.map { (comparableName($0.name), $0) }, uniquingKeysWith: { first, _ in first })
        return partners.map { partner in
            let code = partner.odsCode?.trimmingCharacters(in: .whitespaces).uppercased()
            if let code, let organisation = byCode[code] {
                return PartnerMatch(proposed: partner, organisation: organisation, basis: .odsCode)
            }
            // A name match with another ODS code is another organisation of the same name.
            if let organisation = byName[comparableName(partner.name)],
                code == nil || organisation.odsCode == nil || organisation.odsCode?.uppercased() == code
            {
                return PartnerMatch(proposed: partner, organisation: organisation, basis: .name)
            }
            return PartnerMatch(proposed: partner, organisation: nil, basis: .new)
        }
    }

    /// A name with what people leave out or spell differently taken away: case, punctuation,
    /// "NHS", "the", and "Foundation Trust" written out or as "FT".
    public static func comparableName(_ name: String) -> String {
        let words = Organisation.slug(for: name.replacingOccurrences(of: "&", with: " and ")).split(separator: "-").map(String.init)
        var kept: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "foundation", index + 1 < words.count, words[index + 1] == "trust" {
                kept.append("ft")
                index += 2
                continue
            }
            if word != "nhs" && word != "the" { kept.append(word) }
            index += 1
        }
        return kept.joined(separator: " ")
    }
}
