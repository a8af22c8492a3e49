import Foundation

/// The five new care models of the 2015 programme.
public enum CareModel: String, CaseIterable, Codable, Sendable, Comparable {
    /// Integrated primary and acute care systems.
    case pacs
    /// Multispecialty community providers.
    case mcp
    /// Enhanced health in care homes.
    case ehch
    /// Urgent and emergency care networks.
    case uec
    /// Acute care collaborations.
    case acc

    /// The abbreviation the programme used, e.g. "PACS".
    public var abbreviation: String { rawValue.uppercased() }

    public var name: String {
        switch self {
        case .pacs: "Integrated primary and acute care systems"
        case .mcp: "Multispecialty community providers"
        case .ehch: "Enhanced health in care homes"
        case .uec: "Urgent and emergency care networks"
        case .acc: "Acute care collaborations"
        }
    }

    /// Reads the abbreviation as written in the programme's data, in any case ("PACS", "pacs").
    public init?(abbreviation: String) {
        self.init(rawValue: abbreviation.trimmingCharacters(in: .whitespaces).lowercased())
    }

    public static func < (lhs: CareModel, rhs: CareModel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension CareModel {
    /// Care model codes as a person types them, separated by spaces, commas or semicolons.
    public static func list(from text: String, field: String) throws(ValidationError) -> [CareModel] {
        var models: [CareModel] = []
        for code in text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }) {
            guard let model = CareModel(abbreviation: String(code)) else {
                throw .invalid(field: field, reason: "'\(code)' is not a care model (pacs, mcp, ehch, uec, acc)")
            }
            if !models.contains(model) { models.append(model) }
        }
        if models.isEmpty { throw .invalid(field: field, reason: "Give at least one care model") }
        return models
    }
}
