import Logging
import PostgresNIO
import ServiceLifecycle

/// Samples the streams and consumer groups (length, lag, pending, consumers) and whether
/// Redis and PostgreSQL answer, into the metrics gauges, every few seconds. Every gateway and
/// worker runs one, so any replica's `/metrics` shows the queue.
public struct StreamStatsSampler: Service {
    let redis: RedisClient
    let postgres: PostgresClient?
    let interval: Duration
    let logger: Logger

    public init(redis: RedisClient, postgres: PostgresClient?, interval: Duration = .seconds(5), logger: Logger) {
        self.redis = redis
        self.postgres = postgres
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        TalkHubMetrics.bootstrap()
        await cancelWhenGracefulShutdown {
            // The first sample after one interval: the clients it uses start alongside it.
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                await sample()
            }
        }
    }

    public func sample() async {
        let streams = [("inbound", redis.keys.inbound), ("tools", redis.keys.tools), ("dlq", redis.keys.deadLetters)]
        var redisUp = true
        for (name, key) in streams {
            do {
                TalkHubMetrics.stream(name, length: try await withTimeout(.seconds(1)) { try await redis.xlen(key) })
                guard name != "dlq" else { continue }
                for group in try await withTimeout(.seconds(1), { try await redis.xinfoGroups(key) }) {
                    TalkHubMetrics.group(stream: name, group: group.name, lag: group.lag ?? 0, pending: group.pending, consumers: group.consumers)
                }
            } catch {
                redisUp = false
            }
        }
        TalkHubMetrics.dependencyUp("redis", redisUp)
        if let postgres {
            let up = (try? await withTimeout(.seconds(2)) { try await postgres.query("SELECT 1", logger: logger) }) != nil
            TalkHubMetrics.dependencyUp("postgres", up)
        }
    }
}
