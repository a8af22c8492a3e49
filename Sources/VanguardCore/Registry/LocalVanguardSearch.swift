import Foundation

/// "Find your local vanguard": one box that takes an area, council, ICB, region, organisation or
/// vanguard name (or an ONS or ODS code) and answers with the places it matched and the vanguards
/// that cover them, the closest names first.
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
        /// Why it matched when the name shown does not say so ("council: Wirral", "2015 CCG: NHS Wirral CCG").
        public let matchedOn: String?
        public let closeness: Closeness

        public init(kind: Kind, key: String, name: String, vanguards: [Vanguard], matchedOn: String? = nil, closeness: Closeness = .words) {
            self.kind = kind
            self.key = key
            self.name = name
            self.vanguards = vanguards
            self.matchedOn = matchedOn
            self.closeness = closeness
        }
    }

    /// How closely a name matched, best first: the whole name or code, the name's start, its words.
    public enum Closeness: Int, Sendable, Hashable, Comparable {
        case exact, prefix, words

        public static func < (lhs: Closeness, rhs: Closeness) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let query: String
    public let matches: [Match]

    /// Matches closest first; among equally close ones, vanguards, then areas, ICBs, regions and organisations.
    /// - Parameter providers: the provider → area lookup, so a trust's ODS code or name ("RBL")
    ///   finds the area its activity counts towards.
    /// - Parameter postcodes: postcode sectors' areas, so "CH49 5PE" or "CH49" finds its area.
    public init(query: String, in registry: Registry, providers: [ProviderArea] = [], postcodes: PostcodeLookup? = nil, limit: Int = 50) {
        self.query = query
        let words = SearchText.words(in: query)
        let code = query.trimmingCharacters(in: .whitespaces).uppercased()
        guard !words.isEmpty else {
            self.matches = []
            return
        }
        let phrase = " " + words.joined(separator: " ") + " "
        /// How close the best of `names` is, nil when one of the words is missing from all of them.
        func closeness(_ names: [String]) -> Closeness? {
            var best: Closeness?
            for name in names {
                let haystack = SearchText.normalised(name)
                guard words.allSatisfy({ haystack.contains(" " + $0) }) else { continue }
                let found: Closeness = haystack == phrase ? .exact : haystack.hasPrefix(phrase) ? .prefix : .words
                best = min(best ?? found, found)
            }
            return best
        }
        var found: [Match] = []
        for vanguard in registry.vanguards {
            guard let close = closeness([vanguard.name]) ?? closeness([vanguard.areaDescription]).map({ _ in Closeness.words }) else {
                continue
            }
            found.append(Match(kind: .vanguard, key: String(vanguard.number), name: vanguard.name, vanguards: [vanguard], closeness: close))
        }
        for area in registry.areas {
            let covering = registry.vanguards(covering: area.code)
            if area.code == code || area.odsCode == code {
                found.append(Match(kind: .area, key: area.code, name: area.label, vanguards: covering, closeness: .exact))
            } else if let close = closeness([area.name]) {
                found.append(Match(kind: .area, key: area.code, name: area.label, vanguards: covering, closeness: close))
            } else if let council = area.localAuthorities.first(where: { closeness([$0]) != nil }) {
                found.append(
                    Match(
                        kind: .area, key: area.code, name: area.label, vanguards: covering, matchedOn: "council: \(council)",
                        closeness: closeness([council])!))
            }
        }
        // 2015 CCG names live on in footprints: "Wirral CCG" finds the area that holds it.
        for footprint in registry.footprints {
            guard !found.contains(where: { $0.kind == .area && $0.key == footprint.areaCode }),
                let area = registry.area(code: footprint.areaCode)
            else { continue }
            let close: Closeness? = footprint.ccg2015Codes.contains(code) ? .exact : closeness(footprint.ccg2015Names)
            guard let close else { continue }
            let ccg = footprint.ccg2015Names.first { closeness([$0]) != nil }
            found.append(
                Match(
                    kind: .area, key: area.code, name: area.label, vanguards: registry.vanguards(covering: area.code),
                    matchedOn: ccg.map { "2015 CCG: \($0)" }, closeness: close))
        }
        for place in postcodes?.places(for: query) ?? [] {
            guard let area = registry.area(code: place.areaCode) else { continue }
            let postcode = query.trimmingCharacters(in: .whitespaces).uppercased()
            let share = place.share < 1 ? ": \(Int((place.share * 100).rounded()))% of its postcodes" : ""
            found.append(
                Match(
                    kind: .area, key: area.code, name: area.label, vanguards: registry.vanguards(covering: area.code),
                    matchedOn: "postcode \(postcode)\(share)", closeness: .exact))
        }
        for provider in providers {
            guard !found.contains(where: { $0.kind == .area && $0.key == provider.areaCode }),
                let area = registry.area(code: provider.areaCode),
                let close = provider.orgCode == code ? .exact : closeness([provider.orgName])
            else { continue }
            found.append(
                Match(
                    kind: .area, key: area.code, name: area.label, vanguards: registry.vanguards(covering: area.code),
                    matchedOn: "provider: \(provider.orgName) (\(provider.orgCode))", closeness: close))
        }
        for icb in registry.icbs {
            guard let close = icb.code == code ? .exact : closeness([icb.name]) else { continue }
            let covering = Set(registry.areas(in: icb.code).flatMap { registry.vanguards(covering: $0.code) })
            found.append(
                Match(kind: .icb, key: icb.code, name: icb.name, vanguards: covering.sorted { $0.number < $1.number }, closeness: close))
        }
        for region in registry.regions {
            guard let close = region.code == code ? .exact : closeness([region.name]) else { continue }
            let covering = registry.vanguards.filter { registry.regions(of: $0.number).contains(region) }
            found.append(Match(kind: .region, key: region.code, name: region.name, vanguards: covering, closeness: close))
        }
        for organisation in registry.organisations {
            guard let close = organisation.odsCode == code ? .exact : closeness([organisation.name]) else { continue }
            found.append(
                Match(
                    kind: .organisation, key: organisation.slug, name: organisation.name,
                    vanguards: registry.vanguards(withPartner: organisation.slug), closeness: close))
        }
        let kindOrder: [Match.Kind] = [.vanguard, .area, .icb, .region, .organisation]
        let ranked = found.enumerated().sorted { lhs, rhs in
            (lhs.element.closeness, kindOrder.firstIndex(of: lhs.element.kind)!, lhs.offset)
                < (rhs.element.closeness, kindOrder.firstIndex(of: rhs.element.kind)!, rhs.offset)
        }.map(\.element)
        self.matches = Array(ranked.prefix(limit))
    }
}
