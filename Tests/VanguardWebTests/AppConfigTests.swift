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

    @Test func theLeaseAndTheTrustedProxiesAreReadAndChecked() throws {
        let config = try AppConfig.fromEnvironment(
            ["JOB_LEASE_SECONDS": "5", "TRUSTED_PROXIES": "127.0.0.1, ::1"], workingDirectory: TestApp.root)
        #expect(config.jobLease == 5)
        #expect(config.trustedProxies == ["127.0.0.1", "::1"])
        #expect(try AppConfig.fromEnvironment([:], workingDirectory: TestApp.root).jobLease == 60)
        do {
            _ = try AppConfig.fromEnvironment(["JOB_LEASE_SECONDS": "0", "TRUSTED_PROXIES": "balancer"], workingDirectory: TestApp.root)
            Issue.record("accepted a lease of 0 and a proxy that is not an address")
        } catch {
            #expect(String(describing: error).contains("JOB_LEASE_SECONDS '0'"))
            #expect(String(describing: error).contains("TRUSTED_PROXIES: 'balancer' is not an IP address"))
        }
    }

    @Test func theClientAddressIsTheFirstHopFromTheRightThatIsNotATrustedProxy() {
        let proxies: Set<String> = ["10.0.0.1", "10.0.0.2"]
        // Not behind a trusted proxy: the peer, whatever the header says.
        #expect(ClientAddress.of(peer: "203.0.113.9", forwardedFor: ["198.51.100.1"], trustedProxies: proxies) == "203.0.113.9")
        // Behind two: the client's own address, not the one it wrote itself at the left.
        #expect(
            ClientAddress.of(peer: "10.0.0.2", forwardedFor: ["6.6.6.6, 198.51.100.1", "10.0.0.1"], trustedProxies: proxies)
                == "198.51.100.1")
        #expect(ClientAddress.of(peer: "10.0.0.1", forwardedFor: [], trustedProxies: proxies) == "10.0.0.1")
        #expect(ClientAddress.of(peer: "10.0.0.1", forwardedFor: ["not an address"], trustedProxies: proxies) == "10.0.0.1")
        #expect(ClientAddress.of(peer: nil, forwardedFor: ["198.51.100.1"], trustedProxies: proxies) == "unknown")
    }

    @Test func aRelayLoginIsOnlyEverSentOverTLS() throws {
        let relay = ["SMTP_HOST": "smtp.example.nhs.uk", "SMTP_USERNAME": "vanguard", "SMTP_PASSWORD": "relay secret"]
        let settings = try #require(try AppConfig.fromEnvironment(relay, workingDirectory: TestApp.root).smtp)
        #expect(settings.security == .starttls && settings.port == 587)
        #expect(settings.login == SMTPSettings.Login(username: "vanguard", password: "relay secret"))
        let implicit = try AppConfig.fromEnvironment(relay.merging(["SMTP_SECURITY": "tls"]) { $1 }, workingDirectory: TestApp.root)
        #expect(implicit.smtp?.port == 465)
        let local = try AppConfig.fromEnvironment(["SMTP_HOST": "localhost"], workingDirectory: TestApp.root)
        #expect(local.smtp?.security == SMTPSettings.Security.none && local.smtp?.port == 25 && local.smtp?.login == nil)
        do {
            _ = try AppConfig.fromEnvironment(
                relay.merging(["SMTP_SECURITY": "none", "SMTP_CA_FILE": "/no/such/file.pem"]) { $1 }, workingDirectory: TestApp.root)
            Issue.record("a password would have gone in the clear")
        } catch {
            #expect(String(describing: error).contains("SMTP_USERNAME needs SMTP_SECURITY=starttls or tls"))
            #expect(String(describing: error).contains("SMTP_CA_FILE '/no/such/file.pem' cannot be read"))
        }
    }

    @Test func anEHLOReplyIsReadForWhatItOffers() {
        #expect(SMTPClient.offers("STARTTLS", in: "relay.example Hello 8BITMIME STARTTLS SIZE 35882577"))
        #expect(!SMTPClient.offers("STARTTLS", in: "relay.example Hello 8BITMIME NOSTARTTLS"))
    }
}
