import Foundation

/// What a person narrows the vanguards list by. Every field is optional; empty means all.
public struct VanguardFilter: Hashable, Sendable {
    public var careModel: CareModel?
    public var wave: Wave?
    /// An NHS England region code (`E40…`); matches vanguards whose footprint reaches it.
    public var regionCode: String?
    /// Words that must all appear in the name, footprint description or partner names.
    public var text: String?

    public init(careModel: CareModel? = nil, wave: Wave? = nil, regionCode: String? = nil, text: String? = nil) {
        self.careModel = careModel
        self.wave = wave
        self.regionCode = regionCode
        self.text = text
    }

    public var isEmpty: Bool { careModel == nil && wave == nil && regionCode == nil && (text ?? "").isEmpty }
}

extension Registry {
    public func vanguards(matching filter: VanguardFilter) -> [Vanguard] {
        let words = SearchText.words(in: filter.text ?? "")
        return vanguards.filter { vanguard in
            if let careModel = filter.careModel, vanguard.careModel != careModel { return false }
            if let wave = filter.wave, vanguard.wave != wave { return false }
            if let regionCode = filter.regionCode, !regions(of: vanguard.number).contains(where: { $0.code == regionCode }) {
                return false
            }
            if !words.isEmpty {
                let haystack = SearchText.normalised(
                    ([vanguard.name, vanguard.areaDescription, vanguard.leadOrganisationsAsWritten]
                        + partners(of: vanguard.number).map(\.organisation.name)
                        + areas(of: vanguard.number).map(\.name)).joined(separator: " ")
                )
                return words.allSatisfy { haystack.contains($0) }
            }
            return true
        }
    }
}

/// Normalising text so that "St Thomas'" finds "St. Thomas's" and case never matters.
public enum SearchText {
    public static func normalised(_ text: String) -> String {
        let folded = text.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
        var result = ""
        for character in folded {
            if character.isLetter || character.isNumber {
                result.append(character)
            } else if character == "&" {
                result += " and "
            } else if character != "'" && character != "’" && character != "." {
                result.append(" ")
            }
        }
        return " " + result.split(separator: " ").joined(separator: " ") + " "
    }

    public static func words(in query: String) -> [String] {
        normalised(query).split(separator: " ").map(String.init)
    }
}
