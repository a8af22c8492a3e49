import Foundation
import SQLKit
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

/// Builds the real application for a test, on its own database: a copy of a migrated SQLite template
/// by default, or of a PostgreSQL template on the server named by `TEST_DATABASE_URL`.
enum TestApp {
    /// The cookie names of the test configuration, whose public address is https.
    static let cookies = CookieNames(secure: true)

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var databaseLocation: DatabaseLocation {
        get throws {
            let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"]
            return (url?.isEmpty ?? true) ? .sqliteMemory : try DatabaseLocation(url: url)
        }
    }

    static func config(database: DatabaseLocation) -> AppConfig {
        AppConfig(
            port: 0, database: database, dataDirectory: root.appendingPathComponent("data"),
            vendorDirectory: root.appendingPathComponent(".vendor"), publicDirectory: root.appendingPathComponent("Public"),
            // bcrypt's lowest cost keeps tests quick; the service runs at 12.
            jsonLogs: false, publicURL: "https://vanguard.test", bcryptCost: 4
        )
    }

    /// The seed files, read once per test process.
    static let dataset: Result<RegistryDataset, DataFileError> = Result { () throws(DataFileError) in
        try RegistryDataset.load(from: config(database: .sqliteMemory).registryLocation)
    }

    /// Runs `body` against a migrated (and, unless told otherwise, seeded) application on a database
    /// of its own, then tears both down.
    /// A `clock` replaces the system's time for the whole app.
    static func run(seeded: Bool = true, clock: TestClock? = nil, _ body: (Application) async throws -> Void) async throws {
        let database = try await TestDatabases.shared.copy(seeded: seeded, for: try databaseLocation)
        var config = config(database: database.location)
        config.connectionsPerEventLoop = 1
        // Tests work the queue themselves (`app.jobWorker.runDue()`), when they choose.
        config.runsJobs = false
        if let clock { config.now = clock.now }
        let app = try await Application.make(.testing)
        do {
            try await configure(app, config: config)
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            await database.remove()
            throw error
        }
        try? await app.asyncShutdown()
        await database.remove()
    }

    static func sql(_ app: Application) -> any SQLDatabase {
        guard let database = app.db as? any SQLDatabase else {
            preconditionFailure("both supported drivers are SQL databases")
        }
        return database
    }
}

/// A response as a test reads it.
struct Fetched {
    let status: HTTPStatus
    let headers: HTTPHeaders
    let body: String
    /// The body as sent, for binary downloads.
    var bytes: [UInt8] = []

    func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8))
        guard let dictionary = object as? [String: Any] else { throw Unexpected(text: "not a JSON object: \(body.prefix(200))") }
        return dictionary
    }

    func count(of text: String) -> Int {
        body.components(separatedBy: text).count - 1
    }

    /// Every `href` on the page that points inside the site.
    var internalLinks: [String] {
        let pattern = try! NSRegularExpression(pattern: #"href="(/[^"]*)""#)  // a literal pattern; cannot fail
        let range = NSRange(body.startIndex..., in: body)
        return pattern.matches(in: body, range: range).compactMap { match in
            Range(match.range(at: 1), in: body).map { String(body[$0]).replacingOccurrences(of: "&amp;", with: "&") }
        }
    }
}

struct Unexpected: Error, CustomStringConvertible {
    let text: String
    var description: String { text }
}

extension Application {
    func fetch(_ path: String) async throws -> Fetched {
        try await send(.GET, path)
    }

    /// Sends a request with optional cookies, form fields (CSRF token included when given) or JSON.
    func send(
        _ method: HTTPMethod, _ path: String, cookies: [String: String] = [:], form: [String: String]? = nil,
        json: String? = nil, bearer: String? = nil, csv: String? = nil, headers extra: [(String, String)] = []
    ) async throws -> Fetched {
        var headers = HTTPHeaders(extra)
        if !cookies.isEmpty {
            headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if let bearer { headers.bearerAuthorization = BearerAuthorization(token: bearer) }
        var body: ByteBuffer?
        if var form {
            // `People.csrf` in a form stands for the token a page would carry for these cookies.
            if form[CSRFMiddleware.fieldName] == People.csrf, let browser = cookies[TestApp.cookies.csrf] {
                form[CSRFMiddleware.fieldName] = CSRFMiddleware.formToken(cookie: browser, session: cookies[TestApp.cookies.session])
            }
            headers.contentType = .urlEncodedForm
            let encoded = form.map { key, value in
                "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)"
            }.joined(separator: "&")
            body = ByteBuffer(string: encoded)
        } else if let json {
            headers.contentType = .json
            body = ByteBuffer(string: json)
        } else if let csv {
            headers.add(name: .contentType, value: "text/csv")
            body = ByteBuffer(string: csv)
        }
        var fetched: Fetched?
        try await testing().test(method, path, headers: headers, body: body) { response in
            fetched = Fetched(
                status: response.status, headers: response.headers, body: response.body.string,
                bytes: response.body.getBytes(at: response.body.readerIndex, length: response.body.readableBytes) ?? [])
        }
        guard let fetched else { throw Unexpected(text: "no response for \(path)") }
        return fetched
    }
}

extension Fetched {
    /// The value a Set-Cookie header gives `name`, if the response sets it.
    func cookie(_ name: String) -> String? {
        for header in headers[.setCookie] {
            let pair = header.split(separator: ";").first ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name { return String(parts[1]) }
        }
        return nil
    }

    var location: String? { headers.first(name: .location) }
}
