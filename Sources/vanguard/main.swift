import Logging
import VanguardWeb
import Vapor

// The executable only wires things together: configuration from the environment, the app, its commands.
var config: AppConfig
do {
    config = try AppConfig.fromEnvironment()
} catch {
    FileHandle.standardError.write(Data("vanguard: \(error)\n".utf8))
    exit(2)
}
var environment = try Environment.detect()
// `serve --no-worker`: this server only answers requests; `vanguard worker` processes work the queue.
if let flag = environment.arguments.firstIndex(of: "--no-worker") {
    environment.arguments.remove(at: flag)
    config.runsJobs = false
}
let jsonLogs = config.jsonLogs
try LoggingSystem.bootstrap(from: &environment) { level in
    { label in makeLogHandler(label: label, level: level, json: jsonLogs) }
}
let app = try await Application.make(environment)
var status: Int32 = 0
do {
    try await configure(app, config: config)
    // `execute()` less its own error report: main says it once, below, in words.
    try await app.startup()
    try await app.running?.onStop.get()
    status = app.commandExitStatus
} catch {
    // A failed command says why in one line and exits non-zero, without a crash report.
    FileHandle.standardError.write(Data("vanguard: \(error)\n".utf8))
    status = 1
}
try await app.asyncShutdown()
exit(status)
