import Foundation
import Logging

/// One JSON object per line on standard output, so logs can be searched and shipped as they are.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var object: [String: String] = [
            "time": ISO8601DateFormatter().string(from: Date()),  // logs keep the system's time, whatever the app's clock says
            "level": event.level.rawValue,
            "label": label,
            "message": event.message.description,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, new in new }) {
            object[key] = "\(value)"
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
            var line = String(data: data, encoding: .utf8)
        else { return }
        line += "\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }
}

/// The log handler the executable installs: JSON lines, or Vapor's console format when asked.
public func makeLogHandler(label: String, level: Logger.Level, json: Bool) -> any LogHandler {
    if json {
        var handler = JSONLogHandler(label: label)
        handler.logLevel = level
        return handler
    }
    var handler = StreamLogHandler.standardOutput(label: label)
    handler.logLevel = level
    return handler
}
