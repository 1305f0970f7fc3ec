import Shared

/// The budget of failed token requests per client IP (`AUTH_FAIL_MAX` per window). Once it
/// is spent, every token request from that IP is refused until the window passes.
public struct FailedLoginBudget: Sendable {
    let redis: RedisClient
    public let maxFailures: Int
    public let window: Duration

    public init(redis: RedisClient, maxFailures: Int, window: Duration) {
        self.redis = redis
        self.maxFailures = max(1, maxFailures)
        self.window = window
    }

    private func key(_ ip: String) -> RedisKey { redis.keys.custom("authfail:" + ip) }

    /// Seconds until the budget returns when it is spent, nil while requests may be tried.
    public func blockedFor(ip: String) async throws -> Int? {
        let reply = try await redis.pipeline([GET(key(ip)), RawCommand(["PTTL", RedisArgument(key(ip))])])
        guard let count = reply[0].int, count >= maxFailures else { return nil }
        let ttl = reply[1].int ?? window.wholeMilliseconds
        return max(1, (ttl + 999) / 1000)
    }

    /// Records one failure; the window starts with the first failure.
    public func recordFailure(ip: String) async throws {
        let script = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n
            """
        _ = try await redis.eval(script, keys: [key(ip)], args: [RedisArgument(window.wholeMilliseconds)])
    }
}
