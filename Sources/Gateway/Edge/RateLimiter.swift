import Foundation
import Shared

/// A rate limit shared by every gateway replica: GCRA (the generic cell rate algorithm) in
/// one Lua script, so each decision is a single atomic Redis call on a single key per client.
/// `limit` requests per `window` with a burst of `limit`: two replicas together still allow
/// exactly the limit.
public struct RateLimiter: Sendable {
    let redis: RedisClient
    public let limit: Int
    public let window: Duration

    public init(redis: RedisClient, limit: Int, window: Duration) {
        self.redis = redis
        self.limit = max(1, limit)
        self.window = window
    }

    public struct Decision: Sendable, Equatable {
        public var allowed: Bool
        public var limit: Int
        public var remaining: Int
        /// Seconds until the client's full budget is back.
        public var resetSeconds: Int
        /// Seconds to wait before the next request may pass (0 when allowed).
        public var retryAfterSeconds: Int
    }

    // The theoretical arrival time (TAT) is kept in milliseconds, using Redis's own clock so
    // replicas with skewed clocks agree.
    static let script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local limit = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local interval = window / limit
        local tat = tonumber(redis.call('GET', KEYS[1]) or now)
        if tat < now then tat = now end
        local new_tat = tat + interval
        local allow_at = new_tat - window
        if allow_at > now then
            return {0, 0, math.ceil((tat - now) / 1000), math.max(1, math.ceil((allow_at - now) / 1000))}
        end
        redis.call('SET', KEYS[1], string.format('%.3f', new_tat), 'PX', math.ceil(new_tat - now) + 1000)
        local remaining = math.floor((window - (new_tat - now)) / interval)
        return {1, remaining, math.ceil((new_tat - now) / 1000), 0}
        """

    /// Counts one request of `client`; throws when Redis cannot answer (the API fails closed).
    public func check(client: String) async throws -> Decision {
        let reply = try await redis.eval(
            Self.script, keys: [redis.keys.custom("rl:" + client)],
            args: [RedisArgument(limit), RedisArgument(window.wholeMilliseconds)]
        )
        guard let values = reply.array?.compactMap(\.int), values.count == 4 else {
            throw RedisClientError.unexpectedReply("rate limit script")
        }
        return Decision(allowed: values[0] == 1, limit: limit, remaining: max(0, values[1]), resetSeconds: values[2], retryAfterSeconds: values[3])
    }
}
