import Foundation

/// An NHS England region (ONS `E40…`).
public struct NHSRegion: Hashable, Sendable, Codable {
    public let code: String
    public let name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// An integrated care board (ONS `E54…`).
public struct IntegratedCareBoard: Hashable, Sendable, Codable {
    public let code: String
    public let name: String
    public let regionCode: String

    public init(code: String, name: String, regionCode: String) {
        self.code = code
        self.name = name
        self.regionCode = regionCode
    }

    /// "NHS Devon Integrated Care Board" reads as "NHS Devon ICB" in tables.
    public var shortName: String {
        name.replacingOccurrences(of: " Integrated Care Board", with: " ICB")
    }
}

/// A sub-ICB location (ONS `E38…`), the unit of the map and of returns.
public struct SubICBLocation: Hashable, Sendable, Codable {
    public let code: String
    public let name: String
    public let icbCode: String
    /// The ODS code of the former CCG, carried in the name after " - ".
    public let odsCode: String?
    /// Lower-layer super output areas inside the location; they hold roughly equal populations,
    /// so their count is a fair proxy for population when no population file is loaded.
    public let lsoaCount: Int
    /// The councils (local authority districts) whose neighbourhoods make up the location, most
    /// first: the names people know it by, where its own name is an ICB's and a code.
    public let localAuthorities: [String]

    public init(code: String, name: String, icbCode: String, odsCode: String?, lsoaCount: Int, localAuthorities: [String] = []) {
        self.code = code
        self.name = name
        self.icbCode = icbCode
        self.odsCode = odsCode
        self.lsoaCount = lsoaCount
        self.localAuthorities = localAuthorities
    }

    /// "Wirral" for "NHS Cheshire and Merseyside ICB - 12F"; three councils at most, then how many more.
    public var placeName: String? {
        guard !localAuthorities.isEmpty else { return nil }
        let shown = localAuthorities.prefix(3).joined(separator: ", ")
        return localAuthorities.count > 3 ? "\(shown) and \(localAuthorities.count - 3) more" : shown
    }

    /// The place name people know with the official name beside it.
    public var label: String { placeName.map { "\($0) (\(name))" } ?? name }

    /// Reads the ODS suffix from names such as "NHS South Yorkshire ICB - 02P".
    public static func odsCode(fromName name: String) -> String? {
        guard let range = name.range(of: " - ", options: .backwards) else { return nil }
        let suffix = name[range.upperBound...].trimmingCharacters(in: .whitespaces)
        return suffix.isEmpty ? nil : suffix
    }
}

/// One sub-ICB location inside a vanguard's footprint, with how that was derived.
public struct FootprintArea: Hashable, Sendable, Codable {
    public let vanguardNumber: Int
    public let areaCode: String
    /// The 2015 CCG(s) the footprint was drawn from, as named in 2015.
    public let ccg2015Names: [String]
    public let ccg2015Codes: [String]
    public let basis: String
    public let confidence: String
    public let note: String?
    public let source: String?

    public init(
        vanguardNumber: Int, areaCode: String, ccg2015Names: [String], ccg2015Codes: [String],
        basis: String, confidence: String, note: String?, source: String?
    ) {
        self.vanguardNumber = vanguardNumber
        self.areaCode = areaCode
        self.ccg2015Names = ccg2015Names
        self.ccg2015Codes = ccg2015Codes
        self.basis = basis
        self.confidence = confidence
        self.note = note
        self.source = source
    }
}

/// A 2015 clinical commissioning group and the sub-ICB location that holds it today.
public struct CCG2015: Hashable, Sendable, Codable {
    public let odsCode: String
    public let name: String
    public let areaCode: String

    /// Unique per row: a split CCG appears once for each location that holds part of it.
    public var key: String { "\(odsCode)@\(areaCode)" }

    public init(odsCode: String, name: String, areaCode: String) {
        self.odsCode = odsCode
        self.name = name
        self.areaCode = areaCode
    }
}
