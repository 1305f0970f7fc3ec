/// A Redis key that went through the key prefix. Only `RedisKeyspace` makes one, so no
/// command can touch an unprefixed key by accident.
public struct RedisKey: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    fileprivate init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

/// The names of TalkHub's keys under `REDIS_KEY_PREFIX` (default `talkhub:`), which lets tests
/// and tenants share one Redis.
public struct RedisKeyspace: Sendable, Hashable {
    public let prefix: String

    public init(prefix: String) { self.prefix = prefix }

    public func key(_ name: String) -> RedisKey { RedisKey(prefix + name) }

    /// Webhook events; group `ingest`.
    public var inbound: RedisKey { key("inbound") }
    /// Tool calls; group `tools`.
    public var tools: RedisKey { key("tools") }
    /// Dead letters.
    public var deadLetters: RedisKey { key("dlq") }
    /// The list a gateway replica waits on for tool results.
    public func reply(gateway: String) -> RedisKey { key("reply:" + gateway) }
    /// The stored result of a tool call.
    public func result(callID: String) -> RedisKey { key("result:" + callID) }
    /// A user's cache generation: bumped whenever the user's data changes, so cache entries
    /// made before the change are never read again (`UserCache`).
    public func userGeneration(_ userID: String) -> RedisKey { key("user:" + userID + ":gen") }
    /// A cached answer about a user at one generation.
    public func userCache(_ userID: String, generation: Int, name: String) -> RedisKey {
        key("cache:user:" + userID + ":" + String(generation) + ":" + name)
    }
    /// A key that is not part of the fixed layout (cache entries, limits, locks).
    public func custom(_ name: String) -> RedisKey { key(name) }
    /// Moved by the analytics rollup after every recomputation; part of every cached answer's key.
    public var analyticsGeneration: RedisKey { key("analytics:gen") }
    public func analyticsAnswer(generation: Int, query: String) -> RedisKey { key("analytics:answer:\(generation):" + query) }
}
