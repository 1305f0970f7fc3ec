import Foundation

/// A lock held by one process at a time across replicas: `SET key token NX PX ttl`, renewed
/// while the holder works, released only by its holder (compare-and-delete). If the holder
/// dies, the key expires and another replica takes over.
public struct LeaderLock: Sendable {
    let redis: RedisClient
    public let key: RedisKey
    public let token: String
    public let ttl: Duration

    public init(redis: RedisClient, name: String, ttl: Duration = .seconds(10), token: String = UUID.random().uuidString) {
        self.redis = redis
        self.key = redis.keys.custom("lock:" + name)
        self.token = token
        self.ttl = ttl
    }

    /// Takes the lock if it is free, or keeps it if we hold it; true when we hold it after.
    public func acquireOrRenew() async throws -> Bool {
        let script = """
            local v = redis.call('GET', KEYS[1])
            if v == ARGV[1] then
                redis.call('PEXPIRE', KEYS[1], ARGV[2])
                return 1
            elseif not v then
                redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
                return 1
            end
            return 0
            """
        return try await redis.eval(script, keys: [key], args: [RedisArgument(token), RedisArgument(ttl.wholeMilliseconds)]).int == 1
    }

    /// Gives the lock up if we hold it.
    public func release() async throws {
        let script = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0"
        _ = try await redis.eval(script, keys: [key], args: [RedisArgument(token)])
    }
}
