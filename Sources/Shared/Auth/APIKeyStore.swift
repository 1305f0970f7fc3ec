import Crypto
import Foundation
import Logging
import PostgresNIO

/// Long-lived API keys for flows (API.md, API keys). A key is `thk_` and 43 base64url
/// characters (256 random bits), shown once; only its SHA-256 is stored (a slow salted hash
/// adds nothing for keys this random). PostgreSQL is the record; Redis holds each key's
/// verdict (`apikey:<hash>`) so every gateway replica checks a key with one GET, and a
/// revocation replaces the verdict with a tombstone, which takes effect at once everywhere
/// and which a concurrent refill from PostgreSQL (`SET NX`) cannot overwrite.
public struct APIKeyStore: Sendable {
    public struct Record: Sendable, Hashable {
        public var id: String
        public var name: String
        public var scopes: [String]
        public var prefix: String
        public var createdBy: String
        public var createdAt: Date
        public var revokedAt: Date?

        init(_ c: Columns) {
            self.init(id: c.0, name: c.1, scopes: c.2, prefix: c.3, createdBy: c.4, createdAt: c.5, revokedAt: c.6)
        }

        init(id: String, name: String, scopes: [String], prefix: String, createdBy: String, createdAt: Date, revokedAt: Date?) {
            self.id = id
            self.name = name
            self.scopes = scopes
            self.prefix = prefix
            self.createdBy = createdBy
            self.createdAt = createdAt
            self.revokedAt = revokedAt
        }

        public var json: JSONValue {
            [
                "id": .string(id), "name": .string(name), "scopes": .array(scopes.map { .string($0) }), "prefix": .string(prefix),
                "created_by": .string(createdBy), "created_at": .string(RFC3339.formatPrecise(createdAt)),
                "revoked_at": revokedAt.map { .string(RFC3339.formatPrecise($0)) } ?? .null,
            ]
        }
    }

    let redis: RedisClient
    let postgres: PostgresClient
    let logger: Logger

    public init(redis: RedisClient, postgres: PostgresClient, logger: Logger) {
        self.redis = redis
        self.postgres = postgres
        self.logger = logger
    }

    public static let keyPrefix = "thk_"
    static let columns = "id::text, name, scopes, prefix, created_by, created_at, revoked_at"
    typealias Columns = (String, String, [String], String, String, Date, Date?)

    static func hash(_ key: String) -> String {
        SHA256.hash(data: Array(key.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    func cacheKey(_ hash: String) -> RedisKey { redis.keys.custom("apikey:" + hash) }

    /// Creates a key; the secret is in the result only.
    public func create(name: String, scopes: [String], createdBy: String) async throws -> (key: String, record: Record) {
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = generator.next() }
        let key = Self.keyPrefix + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let id = UUID.random().lowercasedString
        let hash = Self.hash(key)
        let prefix = String(key.prefix(Self.keyPrefix.count + 6))
        var record: Record?
        for try await c in try await postgres.query(
            """
            INSERT INTO api_keys (id, name, scopes, key_hash, prefix, created_by) VALUES (\(id)::uuid, \(name), \(scopes), \(hash), \(prefix), \(createdBy))
            RETURNING \(unescaped: Self.columns)
            """,
            logger: logger
        ).decode(Columns.self) {
            record = Record(c)
        }
        guard let record else { throw APIKeyError.notStored }
        try await redis.set(cacheKey(hash), to: Self.verdict(record), expiration: .seconds(Self.verdictTTLSeconds))
        return (key, record)
    }

    public func list() async throws -> [Record] {
        var records: [Record] = []
        for try await c in try await postgres.query("SELECT \(unescaped: Self.columns) FROM api_keys ORDER BY created_at", logger: logger).decode(Columns.self) {
            records.append(Record(c))
        }
        return records
    }

    /// Revokes a key at once for every replica; nil when there is no such key.
    public func revoke(id: String) async throws -> Record? {
        guard UUID(uuidString: id) != nil else { return nil }
        var found: (Record, String)?
        for try await c in try await postgres.query(
            """
            UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = \(id)::uuid
            RETURNING \(unescaped: Self.columns), key_hash
            """,
            logger: logger
        ).decode((String, String, [String], String, String, Date, Date?, String).self) {
            found = (Record((c.0, c.1, c.2, c.3, c.4, c.5, c.6)), c.7)
        }
        guard let (record, hash) = found else { return nil }
        // The tombstone outlives any refill a replica might attempt.
        try await redis.set(cacheKey(hash), to: "revoked", expiration: .seconds(Self.verdictTTLSeconds))
        return record
    }

    /// A verdict lives a day in Redis; PostgreSQL answers after that (or after a Redis loss).
    static let verdictTTLSeconds = 86_400

    static func verdict(_ record: Record) -> String {
        JSONValue.object(["id": .string(record.id), "scopes": .array(record.scopes.map { .string($0) })]).jsonText
    }

    /// The key's id and scopes, or nil when it is unknown or revoked.
    public func verify(_ key: String) async throws -> (id: String, scopes: [String])? {
        guard key.hasPrefix(Self.keyPrefix), key.count == Self.keyPrefix.count + 43 else { return nil }
        let hash = Self.hash(key)
        if let cached = try await redis.get(cacheKey(hash)) {
            guard cached != "revoked", let value = try? JSONValue.parse(Array(cached.utf8)), let id = value["id"]?.stringValue else { return nil }
            return (id, value["scopes"]?.array?.compactMap(\.stringValue) ?? [])
        }
        var record: Record?
        for try await c in try await postgres.query(
            "SELECT \(unescaped: Self.columns) FROM api_keys WHERE key_hash = \(hash)", logger: logger
        ).decode(Columns.self) {
            record = Record(c)
        }
        guard let record else { return nil }
        let verdict = record.revokedAt == nil ? Self.verdict(record) : "revoked"
        try await redis.set(cacheKey(hash), to: verdict, expiration: .seconds(Self.verdictTTLSeconds), condition: .ifNotExists)
        return record.revokedAt == nil ? (record.id, record.scopes) : nil
    }
}

public enum APIKeyError: Error { case notStored }
