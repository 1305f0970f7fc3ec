import Foundation
import Shared

/// MCP sessions, kept in Redis with an expiry so any gateway replica serves any request of a
/// session. A session belongs to the token subject that initialized it.
struct MCPSessions: Sendable {
    let redis: RedisClient
    /// Idle sessions expire after this long; every use renews it.
    var ttlSeconds = 86_400

    struct Session: Sendable {
        var subject: String
        var protocolVersion: String
    }

    func key(_ id: String) -> RedisKey { redis.keys.custom("mcp:session:" + id) }

    func create(subject: String, protocolVersion: String) async throws -> String {
        // 128 random bits, as visible ASCII (the transport requires 0x21–0x7E).
        let id = UUID.random().lowercasedString.replacingOccurrences(of: "-", with: "") + UUID.random().lowercasedString.prefix(8)
        let value: JSONValue = ["subject": .string(subject), "protocol_version": .string(protocolVersion)]
        try await redis.set(key(id), to: value.jsonText, expiration: .seconds(ttlSeconds))
        return id
    }

    /// The session, renewed, or nil when unknown, expired, ended or another subject's.
    func find(_ id: String, subject: String) async throws -> Session? {
        guard id.count <= 128, id.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value <= 0x7E }) else { return nil }
        let reply = try await redis.send(RawCommand(["GETEX", RedisArgument(key(id)), "EX", RedisArgument(ttlSeconds)]))
        guard let text = reply.string, let value = try? JSONValue.parse(Array(text.utf8)),
            value["subject"]?.stringValue == subject, let version = value["protocol_version"]?.stringValue
        else { return nil }
        return Session(subject: subject, protocolVersion: version)
    }

    /// Ends a session; false when there was none for this subject.
    func end(_ id: String, subject: String) async throws -> Bool {
        guard try await find(id, subject: subject) != nil else { return false }
        return try await redis.del(key(id)) == 1
    }
}
