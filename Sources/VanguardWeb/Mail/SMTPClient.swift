import Foundation
import NIOCore
import NIOPosix
import VanguardCore
import VanguardStore

/// Where to send mail: a relay that accepts mail from this host without authentication (a local
/// Postfix, or the organisation's internal relay). TLS and AUTH are not spoken.
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var from: String

    public init(host: String, port: Int = 25, from: String) {
        self.host = host
        self.port = port
        self.from = from
    }
}

/// A small SMTP client (RFC 5321): EHLO, MAIL FROM, RCPT TO, DATA, QUIT, one message per connection.
struct SMTPClient: Sendable {
    let settings: SMTPSettings
    let group: any EventLoopGroup

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func send(_ message: MailMessage) async throws {
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = ReplyReader(iterator: inbound.makeAsyncIterator())
            func expect(_ code: Int, after command: String?) async throws {
                if let command { try await outbound.write(ByteBuffer(string: command + "\r\n")) }
                let reply = try await replies.next()
                guard reply.code == code else {
                    throw Failure(
                        description:
                            "\(command.map { "\($0.split(separator: ":").first ?? "")" } ?? "greeting"): the server said \(reply.code) \(reply.text)"
                    )
                }
            }
            try await expect(220, after: nil)
            try await expect(250, after: "EHLO vanguard")
            try await expect(250, after: "MAIL FROM:<\(settings.from)>")
            try await expect(250, after: "RCPT TO:<\(message.to)>")
            try await expect(354, after: "DATA")
            try await outbound.write(ByteBuffer(string: message.data))
            try await expect(250, after: nil)
            try? await expect(221, after: "QUIT")
        }
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
