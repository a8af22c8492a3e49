/// A figure about the programme that no row-level data holds (e.g. how many applied), with its source.
public struct ProgrammeFact: Hashable, Sendable, Codable {
    public let key: String
    public let value: Int
    public let source: String

    public init(key: String, value: Int, source: String) {
        self.key = key
        self.value = value
        self.source = source
    }
}
