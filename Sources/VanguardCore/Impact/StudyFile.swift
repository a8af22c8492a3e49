import Foundation

/// A study spec (JSON) and the long CSV panel it names, relative to the spec's folder: what the
/// `vanguard impact` commands read. Each problem names the field it is in.
enum StudyFile {
    static func load<Spec: Decodable>(
        _ type: Spec.Type, at url: URL, panelColumns: (Spec) -> (path: String, unit: String, time: String)
    ) throws(ImpactError) -> (Spec, Panel) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .invalid("spec", "\(url.path) cannot be read") }
        let spec: Spec
        do { spec = try JSONDecoder().decode(Spec.self, from: data) } catch let error as DecodingError {
            throw .invalid(field(of: error), describe(error))
        } catch { throw .invalid("spec", "not JSON") }
        let (path, unit, time) = panelColumns(spec)
        let panelURL = URL(fileURLWithPath: path, relativeTo: url.deletingLastPathComponent())
        let panelData: Data
        do { panelData = try Data(contentsOf: panelURL) } catch { throw .invalid("panel", "\(panelURL.path) cannot be read") }
        do {
            return (spec, try Panel(csv: panelData, fileName: panelURL.lastPathComponent, unitColumn: unit, timeColumn: time))
        } catch {
            throw .invalid("panel", error.description)
        }
    }

    /// The field a decoding error is about ("spec" for the file as a whole).
    static func field(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context): (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            context.codingPath.isEmpty ? "spec" : context.codingPath.map(\.stringValue).joined(separator: ".")
        case .dataCorrupted: "spec"
        @unknown default: "spec"
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "the field \(key.stringValue) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type: \(context.debugDescription)"
        case .dataCorrupted(let context): "not valid JSON: \(context.debugDescription)"
        @unknown default: "not a valid spec"
        }
    }
}
