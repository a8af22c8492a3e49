import Foundation

/// Which sub-ICB location a postcode is in, by postcode sector ("CH49 5"): made at set-up from the
/// ONS Postcode Directory (`scripts/postcode-sectors.py`). A full postcode answers with its
/// sector's area; a district ("CH49") with every area its sectors fall in, by share of postcodes.
public struct PostcodeLookup: Sendable {
    public struct Place: Sendable, Equatable {
        public let areaCode: String
        /// The share of the district's (or sector's) postcodes in the area.
        public let share: Double
    }

    /// Sector → (area code, number of postcodes).
    let sectors: [String: (area: String, postcodes: Int)]
    /// District → its sectors.
    let districts: [String: [String]]

    public init(sectors: [String: (area: String, postcodes: Int)]) {
        self.sectors = sectors
        districts = Dictionary(grouping: sectors.keys, by: { String($0.split(separator: " ")[0]) })
    }

    /// Reads `postcode_sectors.csv` (sector, area_code, postcodes).
    public init(table: CSVTable) throws(DataFileError) {
        var sectors: [String: (area: String, postcodes: Int)] = [:]
        for record in try table.records(requiring: ["sector", "area_code", "postcodes"]) {
            let count = try record.required("postcodes")
            guard let postcodes = Int(count), postcodes > 0 else {
                throw record.error("postcodes", "'\(count)' is not a positive whole number")
            }
            sectors[try record.required("sector").uppercased()] = (try record.required("area_code"), postcodes)
        }
        self.init(sectors: sectors)
    }

    /// The query read as a postcode, a sector or a district: its outward code and, when given, the
    /// inward code's first digit. Nil when it is not shaped like one.
    public static func parse(_ query: String) -> (district: String, sector: String?)? {
        let compact = query.uppercased().filter { !$0.isWhitespace }
        let spaced = query.uppercased().split(whereSeparator: \.isWhitespace).map(String.init)
        func isOutward(_ text: String) -> Bool {
            // A or AA, then a digit, then an optional digit or letter: M1, CH49, EC1A, W1A.
            let characters = Array(text)
            guard (2...4).contains(characters.count), characters[0].isLetter,
                characters.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            else { return false }
            let letters = characters.prefix { $0.isLetter }.count
            guard (1...2).contains(letters), letters < characters.count, characters[letters].isNumber else { return false }
            return characters.count - letters <= 2
        }
        // A full postcode: the inward code is always a digit and two letters.
        if compact.count >= 5, compact.count <= 7 {
            let inward = Array(compact.suffix(3)), outward = String(compact.dropLast(3))
            if inward[0].isNumber, inward[1].isLetter, inward[2].isLetter, isOutward(outward) {
                return (outward, "\(outward) \(inward[0])")
            }
        }
        if spaced.count == 2, isOutward(spaced[0]), spaced[1].count == 1, spaced[1].first!.isNumber {
            return (spaced[0], "\(spaced[0]) \(spaced[1])")
        }
        if spaced.count == 1, isOutward(spaced[0]), spaced[0].contains(where: \.isNumber) { return (spaced[0], nil) }
        return nil
    }

    /// The areas a postcode, sector or district lies in, most of its postcodes first; empty when
    /// it is shaped like one but not known (not in England, or not a postcode).
    public func places(for query: String) -> [Place]? {
        guard let (district, sector) = Self.parse(query) else { return nil }
        if let sector, let known = sectors[sector] { return [Place(areaCode: known.area, share: 1)] }
        guard let names = districts[district] else { return [] }
        var counts: [String: Int] = [:]
        for name in names { if let known = sectors[name] { counts[known.area, default: 0] += known.postcodes } }
        let total = Double(counts.values.reduce(0, +))
        return counts.map { Place(areaCode: $0.key, share: Double($0.value) / total) }.sorted {
            ($0.share, $1.areaCode) > ($1.share, $0.areaCode)
        }
    }
}
