import Fluent
import VanguardCore
import VanguardStore
import Vapor

/// Builds the whole application from its configuration: the one function the executable and the
/// tests both call, so that what is tested is what runs.
public func configure(_ app: Application, config: AppConfig) async throws {
    app.http.server.configuration.port = config.port
    app.http.server.configuration.hostname = config.hostname

    app.databases.use(
        try config.database.configuration(connectionsPerEventLoop: config.connectionsPerEventLoop), as: config.database.databaseID)
    let versionReads = try config.database.contentVersionConfiguration()
    if let versionReads { app.databases.use(versionReads.factory, as: versionReads.id, isDefault: false) }
    app.migrations.add(VanguardMigrations.all)
    try await SQLiteJournal.writeAheadLog(app.db, at: config.database)
    app.storage[AppConfigKey.self] = config

    let hasNHSUKAssets =
        FileManager.default.fileExists(atPath: config.nhsukStylesheet.path)
        && FileManager.default.fileExists(atPath: config.nhsukScript.path)
    if !hasNHSUKAssets {
        app.logger.warning(
            "NHS.UK frontend assets are missing; pages use the plain stylesheet. Run `make assets` to fetch them.",
            metadata: ["expected": "\(config.nhsukStylesheet.path)"]
        )
    }
    app.storage[PageContextKey.self] = PageContext(hasNHSUKAssets: hasNHSUKAssets)
    app.storage[PublicPageCacheKey.self] = PublicPageCache(versionDatabase: versionReads?.id)

    // Order matters: errors are caught outermost so that security headers wrap error pages too.
    app.middleware = .init()
    app.middleware.use(RequestMonitoringMiddleware(monitoring: app.monitoring))
    app.storage[SecurityHeadersKey.self] = SecurityHeadersMiddleware(strictTransport: config.secureCookies)
    app.middleware.use(app.securityHeaders)
    app.middleware.use(ErrorPageMiddleware(context: { $0.pageContext }))
    app.middleware.use(AssetMiddleware(publicDirectory: config.publicDirectory, vendorDirectory: config.vendorDirectory))
    // Bodies are read only by a route's guard, after its permission check, within its own limit.
    app.routes.defaultMaxBodySize = ByteCount(value: BodyLimit.standard.bytes)
    app.middleware.use(BlankAPIParameterMiddleware())
    app.middleware.use(AuthenticationMiddleware())
    app.middleware.use(CSRFMiddleware(cookies: CookieNames(secure: config.secureCookies)))
    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    let hasher = PasswordHasher(cost: config.bcryptCost)
    app.storage[PasswordHasherKey.self] = hasher
    app.lifecycle.use(PasswordHasherLifecycle(hasher: hasher, isServing: isServing(app)))

    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(UsersCommand(), as: "users")
    app.asyncCommands.use(TokensCommand(), as: "tokens")
    app.asyncCommands.use(OutboxCommand(), as: "outbox")
    app.asyncCommands.use(SPCCommand(), as: "spc")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(DemoDataCommand(), as: "demo-data")
    app.asyncCommands.use(BenchmarkCommand(), as: "benchmark")
    app.asyncCommands.use(ImpactCommand(), as: "impact")
    app.asyncCommands.use(TimetableCommand(), as: "timetable")
    app.asyncCommands.use(DigestCommand(), as: "digests")
    app.asyncCommands.use(JobsCommand(), as: "jobs")
    app.asyncCommands.use(WorkerCommand(), as: "worker")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    try routes(app)
    // Innermost, so it sees the router's own 404 before anything turns it into a page.
    app.middleware.use(MethodNotAllowedMiddleware(routes: app.routes.all))
    let sessionCookie = CookieNames(secure: config.secureCookies).session
    app.responder.use { app in
        KeptPageResponder(next: app.responder.default, cache: app.publicPageCache, monitoring: app.monitoring, sessionCookie: sessionCookie)
    }
    if isServing(app) && config.runsJobs { app.lifecycle.use(JobWorkerLifecycle()) }
    app.logger.debug("configured", metadata: ["database": "\(config.database)", "port": "\(config.port)"])
}

/// Only a server works the job queue in the background (sending mail among it); one-off commands leave it to
/// `vanguard worker` and `vanguard outbox send`.
func isServing(_ app: Application) -> Bool {
    let command = app.environment.arguments.dropFirst().first
    return command == nil || command == "serve"
}

struct AppConfigKey: StorageKey {
    typealias Value = AppConfig
}

struct PageContextKey: StorageKey {
    typealias Value = PageContext
}

extension Application {
    var appConfig: AppConfig { configured(AppConfigKey.self) }

    /// What `configure(_:config:)` stored under `key`. Every route and command runs after it, so a
    /// value missing here is a wiring mistake, not a condition to handle.
    func configured<Key: StorageKey>(_ key: Key.Type) -> Key.Value {
        guard let value = storage[key] else { preconditionFailure("configure(_:config:) stores \(Key.Value.self) before anything runs") }
        return value
    }
}

extension Request {
    var pageContext: PageContext {
        var context = application.storage[PageContextKey.self] ?? PageContext(hasNHSUKAssets: false)
        context.currentPath = url.path
        context.csrfToken = csrfToken
        if case .person(let account) = caller {
            context.signedInAs = account.displayName
            context.isProgrammeTeam = account.roleGrants.contains { $0.role == .programmeTeam }
            context.grants = account.roleGrants
        }
        return context
    }

    /// The registry, loaded fresh for this request; a failure to read it means the database is unavailable.
    func registry() async throws -> Registry {
        try await readingDatabase { try await RegistryStore(on: self).registry() }
    }

    func boundaries(for codes: [String]? = nil) async throws -> [String: AreaBoundary] {
        try await readingDatabase { try await RegistryStore(on: self).boundaries(for: codes) }
    }

    func readingDatabase<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch {
            throw databaseUnavailable(after: error)
        }
    }

    /// A read that failed, logged with its detail, as the 503 the visitor sees.
    func databaseUnavailable(after error: any Error) -> AppError {
        logger.error("database read failed", metadata: ["error": "\(String(reflecting: error))"])
        return .databaseUnavailable
    }
}
