/// One of the 50 sites chosen in 2015, as its public sources describe it.
public struct Vanguard: Hashable, Sendable, Codable {
    /// The programme's own number for the site (`ncm_number`), stable across every file.
    public let number: Int
    public let name: String
    public let careModel: CareModel
    public let announced: CalendarDate
    public let wave: Wave
    /// The footprint as the sources describe it in words, e.g. "Morecambe Bay (North Lancashire and South Cumbria)".
    public let areaDescription: String
    /// NHS England region(s) as recorded in the source row; several are joined by "; ".
    public let regionDescription: String
    /// The organisations as the source row names them, verbatim.
    public let leadOrganisationsAsWritten: String
    /// Addresses of the public pages the row came from.
    public let sources: [String]
    public let confidence: SourceConfidence
    public let notes: String?

    public init(
        number: Int, name: String, careModel: CareModel, announced: CalendarDate, wave: Wave,
        areaDescription: String, regionDescription: String, leadOrganisationsAsWritten: String,
        sources: [String], confidence: SourceConfidence, notes: String?
    ) {
        self.number = number
        self.name = name
        self.careModel = careModel
        self.announced = announced
        self.wave = wave
        self.areaDescription = areaDescription
        self.regionDescription = regionDescription
        self.leadOrganisationsAsWritten = leadOrganisationsAsWritten
        self.sources = sources
        self.confidence = confidence
        self.notes = notes
    }
}

/// How a vanguard is governed and contracted; empty until someone records it.
public struct VanguardGovernance: Hashable, Sendable, Codable {
    public var governance: String?
    public var contracting: ContractingArrangement?

    public init(governance: String? = nil, contracting: ContractingArrangement? = nil) {
        self.governance = governance
        self.contracting = contracting
    }
}

/// The contracting forms the programme discussed for new care models.
public enum ContractingArrangement: String, CaseIterable, Codable, Sendable {
    case alliance
    case capitatedBudget = "capitated_budget"
    case accountableCare = "accountable_care"

    public var name: String {
        switch self {
        case .alliance: "Alliance agreement"
        case .capitatedBudget: "Capitated budget"
        case .accountableCare: "Accountable care contract"
        }
    }
}
