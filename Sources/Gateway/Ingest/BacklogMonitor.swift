import Logging
import ServiceLifecycle
import Shared
import Synchronization

/// Samples the inbound backlog of group `ingest` (pending + not yet delivered) twice a
/// second, so webhook requests can refuse new events when it passes `INGEST_MAX_BACKLOG`
/// without an extra Redis round trip each. Redis 7.0 sometimes cannot tell a group's lag
/// (or misreports it as 0 for a group created on an existing stream); the stream's length
/// then stands in, which the trimmer keeps close to pending + undelivered.
public final class BacklogMonitor: Service, Sendable {
    let redis: RedisClient
    let limit: Int
    let interval: Duration
    private let backlog = Atomic<Int>(0)

    public init(redis: RedisClient, limit: Int, interval: Duration = .milliseconds(500)) {
        self.redis = redis
        self.limit = limit
        self.interval = interval
    }

    /// The last sampled backlog.
    public var current: Int { backlog.load(ordering: .relaxed) }

    /// True while the backlog is past the limit.
    public var isOverloaded: Bool { current > limit }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                if let sample = try? await self.sample() { self.backlog.store(sample, ordering: .relaxed) }
                try? await Task.sleep(for: self.interval)
            }
        }
    }

    func sample() async throws -> Int {
        let replies = try await redis.pipeline([XINFO_GROUPS(redis.keys.inbound), XLEN(redis.keys.inbound)])
        let length = replies[1].int ?? 0
        guard let group = try XINFO_GROUPS(redis.keys.inbound).decode(replies[0]).first(where: { $0.name == StreamGroup.ingest }) else {
            return length
        }
        return max(group.pending + (group.lag ?? 0), length)
    }
}
