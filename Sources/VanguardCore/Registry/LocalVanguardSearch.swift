/// "Find your local vanguard": one box that takes an area, ICB, region or organisation name
/// (or an ONS or ODS code) and answers with the places it matched and the vanguards that cover them.
public struct LocalVanguardSearch: Sendable {
    public struct Match: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, Codable {
            case area, icb, region, organisation, vanguard
        }

        public let kind: Kind
        /// The code or slug that addresses the matched thing.
        public let key: String
        public let name: String
        public let vanguards: [Vanguard]
    }

    public let query: String
    public let matches: [Match]

    /// Matches in the order a person looks for them: areas, ICBs, regions, organisations, vanguards.
    public init(query: String, in registry: Registry, limit: Int = 50) {
        self.query = query
        let words = SearchText.words(in: query)
        let code = query.trimmingCharacters(in: .whitespaces).uppercased()
        guard !words.isEmpty else {
            self.matches = []
            return
        }
        func matches(_ names: String...) -> Bool {
            let haystack = SearchText.normalised(names.joined(separator: " "))
            return words.allSatisfy { haystack.contains(" " + $0) }
        }
        var found: [Match] = []
        for area in registry.areas where area.code == code || area.odsCode == code || matches(area.name) {
            found.append(Match(kind: .area, key: area.code, name: area.name, vanguards: registry.vanguards(covering: area.code)))
        }
        // 2015 CCG names live on in footprints: "Wirral CCG" finds the area that holds it.
        for footprint in registry.footprints where footprint.ccg2015Codes.contains(code) || footprint.ccg2015Names.contains(where: { matches($0) }) {
            if let area = registry.area(code: footprint.areaCode), !found.contains(where: { $0.kind == .area && $0.key == area.code }) {
                found.append(Match(kind: .area, key: area.code, name: area.name, vanguards: registry.vanguards(covering: area.code)))
            }
        }
        for icb in registry.icbs where icb.code == code || matches(icb.name) {
            let covering = Set(registry.areas(in: icb.code).flatMap { registry.vanguards(covering: $0.code) })
            found.append(Match(kind: .icb, key: icb.code, name: icb.name, vanguards: covering.sorted { $0.number < $1.number }))
        }
        for region in registry.regions where region.code == code || matches(region.name) {
            let covering = registry.vanguards.filter { registry.regions(of: $0.number).contains(region) }
            found.append(Match(kind: .region, key: region.code, name: region.name, vanguards: covering))
        }
        for organisation in registry.organisations where organisation.odsCode == code || matches(organisation.name) {
            found.append(
                Match(kind: .organisation, key: organisation.slug, name: organisation.name,
                      vanguards: registry.vanguards(withPartner: organisation.slug))
            )
        }
        for vanguard in registry.vanguards where matches(vanguard.name, vanguard.areaDescription) {
            found.append(Match(kind: .vanguard, key: String(vanguard.number), name: vanguard.name, vanguards: [vanguard]))
        }
        self.matches = Array(found.prefix(limit))
    }
}

import Foundation
