import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS
import VanguardCore
import VanguardStore

/// Where to send mail, and how: a relay that takes mail from this host as it is (a local Postfix),
/// or one that wants TLS and a login, as real relays do (port 587 with STARTTLS, or 465 with TLS
/// from the first byte).
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: String, Sendable, Equatable, CaseIterable {
        /// Plain text: only for a relay on this host or a private network.
        case none
        /// Plain until the client asks for TLS (RFC 3207); refused if the relay does not offer it.
        case starttls
        /// TLS from the first byte (RFC 8314).
        case tls
    }

    public struct Login: Sendable, Equatable {
        public var username: String
        public var password: String

        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }
    }

    public var host: String
    public var port: Int
    public var from: String
    public var security: Security
    /// Sent with AUTH PLAIN, and only ever over TLS.
    public var login: Login?
    /// A PEM file of the certificate authorities to trust instead of the system's (a relay with a
    /// private CA); the relay's name is checked against its certificate either way.
    public var trustedCertificates: String?

    public init(
        host: String, port: Int = 25, from: String, security: Security = .none, login: Login? = nil, trustedCertificates: String? = nil
    ) {
        self.host = host
        self.port = port
        self.from = from
        self.security = security
        self.login = login
        self.trustedCertificates = trustedCertificates
    }
}

/// A small SMTP client (RFC 5321): EHLO, STARTTLS and AUTH PLAIN when configured, MAIL FROM,
/// RCPT TO, DATA, QUIT, one message per connection.
struct SMTPClient: Sendable {
    let settings: SMTPSettings
    let group: any EventLoopGroup

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func send(_ message: MailMessage) async throws {
        let tls = try settings.security == .none ? nil : NIOSSLContext(configuration: tlsConfiguration())
        let host = settings.host
        let implicitTLS = settings.security == .tls
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS, let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: host))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = ReplyReader(iterator: inbound.makeAsyncIterator())
            @discardableResult
            func expect(_ code: Int, after command: String?, naming name: String? = nil) async throws -> String {
                if let command { try await outbound.write(ByteBuffer(string: command + "\r\n")) }
                let reply = try await replies.next()
                guard reply.code == code else {
                    let what = name ?? command.map { "\($0.split(separator: ":").first ?? "")" } ?? "greeting"
                    throw Failure(description: "\(what): the server said \(reply.code) \(reply.text)")
                }
                return reply.text
            }
            try await expect(220, after: nil)
            var offered = try await expect(250, after: "EHLO vanguard")
            if settings.security == .starttls {
                guard Self.offers("STARTTLS", in: offered) else {
                    throw Failure(
                        description: "STARTTLS: the relay does not offer it, and SMTP_SECURITY=starttls will not send in the clear")
                }
                try await expect(220, after: "STARTTLS")
                guard let tls else { return }
                // The handlers are made on the channel's own loop: they are not Sendable. The
                // handshake is awaited on its own, so a refused certificate is reported as that,
                // not as the closed channel the next command would find.
                let underlying = channel.channel
                let handshake = underlying.eventLoop.makePromise(of: Void.self)
                try await underlying.eventLoop.submit {
                    let handler = try NIOSSLClientHandler(context: tls, serverHostname: host)
                    try underlying.pipeline.syncOperations.addHandler(handler, position: .first)
                    try underlying.pipeline.syncOperations.addHandler(TLSHandshakeWatcher(done: handshake), position: .after(handler))
                }.get()
                do {
                    try await handshake.futureResult.get()
                } catch {
                    throw Failure(description: "STARTTLS: the TLS handshake failed: \(error)")
                }
                offered = try await expect(250, after: "EHLO vanguard")
            }
            if let login = settings.login {
                let credentials = Data("\u{0}\(login.username)\u{0}\(login.password)".utf8).base64EncodedString()
                try await expect(235, after: "AUTH PLAIN \(credentials)", naming: "AUTH")
            }
            try await expect(250, after: "MAIL FROM:<\(settings.from)>")
            try await expect(250, after: "RCPT TO:<\(message.to)>")
            try await expect(354, after: "DATA")
            try await outbound.write(ByteBuffer(string: message.data))
            try await expect(250, after: nil)
            // The message is accepted; a relay that hangs up without a goodbye changes nothing.
            _ = try? await expect(221, after: "QUIT")
        }
    }

    func tlsConfiguration() -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let file = settings.trustedCertificates { configuration.trustRoots = .file(file) }
        return configuration
    }

    /// Whether an EHLO reply lists an extension (each line of it one keyword and its parameters).
    static func offers(_ keyword: String, in reply: String) -> Bool {
        reply.split(separator: " ").contains { $0.uppercased() == keyword }
    }

    /// Reads SMTP replies, joining multi-line ones ("250-…" … "250 …").
    struct ReplyReader {
        var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        var pending = ""

        mutating func line() async throws -> String {
            while true {
                if let range = pending.range(of: "\r\n") {
                    let line = String(pending[..<range.lowerBound])
                    pending.removeSubrange(..<range.upperBound)
                    return line
                }
                guard var buffer = try await iterator.next() else { throw Failure(description: "the server closed the connection") }
                pending += buffer.readString(length: buffer.readableBytes) ?? ""
            }
        }

        mutating func next() async throws -> (code: Int, text: String) {
            var text: [String] = []
            while true {
                let line = try await line()
                guard line.count >= 3, let code = Int(line.prefix(3)) else {
                    throw Failure(description: "not an SMTP reply: \(line.prefix(80))")
                }
                text.append(String(line.dropFirst(4)))
                if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                    return (code, text.joined(separator: " "))
                }
            }
        }
    }
}

/// Sends what waits in the outbox, marking each message sent or counting the failure.
enum OutboxDelivery {
    static let maximumAttempts = 5

    /// Returns how many were sent and how many failed.
    static func deliverPending(store: VanguardStore.AccountStore, client: SMTPClient, limit: Int = 50) async throws -> (
        sent: Int, failed: Int
    ) {
        var sent = 0, failed = 0
        for message in try await store.pendingMessages(maximumAttempts: maximumAttempts, limit: limit) {
            let mail = MailMessage(
                from: client.settings.from, to: message.recipient, subject: message.subject, body: message.body,
                date: message.createdAt, messageID: "\(message.id.uuidString.lowercased())@vanguard",
                listUnsubscribe: message.listUnsubscribe
            )
            do {
                try await client.send(mail)
                try await store.markSent(message.id)
                sent += 1
            } catch {
                try await store.markFailed(message.id, reason: String(describing: error))
                failed += 1
            }
        }
        return (sent, failed)
    }
}

/// Tells when the TLS handshake after STARTTLS is done, or why it failed.
private final class TLSHandshakeWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    let done: EventLoopPromise<Void>

    init(done: EventLoopPromise<Void>) {
        self.done = done
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent { done.succeed(()) }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        done.fail(error)  // a promise answers once: a later failure changes nothing
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        done.fail(ChannelError.ioOnClosedChannel)
        context.fireChannelInactive()
    }
}
