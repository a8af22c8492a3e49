import Foundation
import Testing

@testable import VanguardWeb

/// Configuration read from the environment, as `vanguard` reads it wherever it is started.
@Suite struct AppConfigTests {
    /// Started from another folder, the executable still finds the project's data, pages and
    /// the NHS.UK assets, instead of serving pages without their stylesheet.
    @Test func foldersAreTheProjectsWhereverTheCommandStarts() throws {
        let elsewhere = FileManager.default.temporaryDirectory
        let executable = TestApp.root.appendingPathComponent(".build/debug/vanguard")
        let root = AppConfig.projectDirectory(workingDirectory: elsewhere, executable: executable)
        #expect(root.standardizedFileURL == TestApp.root.standardizedFileURL)
        let config = try AppConfig.fromEnvironment(["DATABASE_URL": "sqlite::memory:"], workingDirectory: root)
        #expect(config.vendorDirectory.standardizedFileURL == TestApp.root.appendingPathComponent(".vendor").standardizedFileURL)
        #expect(config.publicDirectory.standardizedFileURL == TestApp.root.appendingPathComponent("Public").standardizedFileURL)
        // Inside the project, the working directory is the project.
        #expect(
            AppConfig.projectDirectory(workingDirectory: TestApp.root, executable: URL(fileURLWithPath: "/usr/bin/env")) == TestApp.root)
        // Neither holds the project: the working directory stays, as before.
        #expect(AppConfig.projectDirectory(workingDirectory: elsewhere, executable: URL(fileURLWithPath: "/usr/bin/env")) == elsewhere)
    }

    @Test func everyProblemIsListedAtOnce() {
        #expect(throws: AppConfig.Invalid.self) {
            try AppConfig.fromEnvironment(["PORT": "99999", "BCRYPT_COST": "4"], workingDirectory: TestApp.root)
        }
        do {
            _ = try AppConfig.fromEnvironment(["PORT": "99999", "BCRYPT_COST": "4"], workingDirectory: TestApp.root)
        } catch {
            #expect(String(describing: error).contains("PORT '99999'") && String(describing: error).contains("BCRYPT_COST '4'"))
        }
    }
}
