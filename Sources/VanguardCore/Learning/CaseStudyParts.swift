/// The fixed structure of a case study, so every one answers the same questions in the same order.
public struct CaseStudyParts: Codable, Sendable, Equatable {
    public var problem: String
    public var whatChanged: String
    public var results: String
    public var cost: String
    public var contacts: String

    public init(problem: String, whatChanged: String, results: String, cost: String, contacts: String) {
        self.problem = problem
        self.whatChanged = whatChanged
        self.results = results
        self.cost = cost
        self.contacts = contacts
    }

    /// Each part with its heading and form field, in reading order.
    public var sections: [(field: String, heading: String, markdown: String)] {
        [
            ("problem", "The problem", problem),
            ("what_changed", "What changed", whatChanged),
            ("results", "Results", results),
            ("cost", "What it cost", cost),
            ("contacts", "Contacts", contacts),
        ]
    }
}
