import Foundation
import NIOCore

/// The client's IP: the socket's peer, or, when that peer is a trusted proxy, the first
/// address of `X-Forwarded-For` (read from the right) that is not a trusted proxy. A client
/// cannot choose its own address by sending the header through an untrusted path.
public struct ClientAddress: Sendable {
    let trusted: [IPRange]

    public init(trustedProxies: [String]) {
        self.trusted = trustedProxies.compactMap(IPRange.init)
    }

    public func resolve(peer: SocketAddress?, forwardedFor: String?) -> String {
        guard let peerIP = peer?.ipAddress else { return "unknown" }
        guard isTrusted(peerIP), let forwardedFor else { return peerIP }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for hop in hops.reversed() where !isTrusted(hop) {
            return IPRange.parse(hop) != nil ? hop : peerIP
        }
        return hops.first ?? peerIP
    }

    func isTrusted(_ ip: String) -> Bool {
        guard let bytes = IPRange.parse(ip) else { return false }
        return trusted.contains { $0.contains(bytes) }
    }
}

/// An address or CIDR block (`10.0.0.0/8`, `::1`, `192.168.1.10`).
struct IPRange: Sendable {
    let network: [UInt8]
    let prefix: Int

    init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard let first = parts.first, let network = Self.parse(String(first)) else { return nil }
        let bits = network.count * 8
        if parts.count == 2 {
            guard let p = Int(parts[1]), (0...bits).contains(p) else { return nil }
            prefix = p
        } else {
            prefix = bits
        }
        self.network = network
    }

    func contains(_ address: [UInt8]) -> Bool {
        guard address.count == network.count else { return false }
        var remaining = prefix
        for i in 0..<network.count where remaining > 0 {
            let take = min(8, remaining)
            let mask: UInt8 = take == 8 ? 0xFF : ~(0xFF >> UInt8(take))
            if address[i] & mask != network[i] & mask { return false }
            remaining -= take
        }
        return true
    }

    /// The address's bytes (4 for IPv4, 16 for IPv6), or nil when it is not an address.
    static func parse(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}
