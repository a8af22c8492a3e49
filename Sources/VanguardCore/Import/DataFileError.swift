/// A problem in a data file, naming the file, the line, the field and the reason, so that the
/// person who has to fix the file can go straight to it.
public struct DataFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let field: String?
    public let reason: String

    public init(file: String, line: Int, field: String?, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String {
        if let field {
            return "\(file), line \(line), field \(field): \(reason)"
        }
        return "\(file), line \(line): \(reason)"
    }
}
