import NIOCore
import Vapor

/// The address a request came from, as the limits on sign-in, sign-up and resets count it.
///
/// Behind a load balancer every request arrives from the balancer, so its `X-Forwarded-For` is
/// read — but only when the peer is a trusted proxy, and from the right, skipping the proxies:
/// the left-most entries are whatever the client chose to send.
enum ClientAddress {
    static func of(peer: String?, forwardedFor: [String], trustedProxies: Set<String>) -> String {
        guard let peer else { return "unknown" }
        guard trustedProxies.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() where !trustedProxies.contains(hop) {
            return isIPAddress(hop) ? hop : peer
        }
        return peer
    }

    static func isIPAddress(_ text: String) -> Bool {
        (try? SocketAddress(ipAddress: text, port: 0)) != nil
    }
}

extension Request {
    var clientAddress: String {
        ClientAddress.of(
            peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor],
            trustedProxies: application.appConfig.trustedProxies)
    }
}
