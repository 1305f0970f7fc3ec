import Foundation
import Logging
import Shared

/// Puts webhook events on `talkhub:inbound`, all events of one delivery in one pipeline,
/// and returns only when Redis acknowledged every XADD. Any failure surfaces as 503 with
/// `Retry-After`, so the platform retries and nothing acknowledged is lost.
public struct InboundPublisher: Sendable {
    let redis: RedisClient
    let backlog: BacklogMonitor?

    public init(redis: RedisClient, backlog: BacklogMonitor? = nil) {
        self.redis = redis
        self.backlog = backlog
    }

    public func publish(_ events: [WebhookEvent], trace: String) async throws {
        guard !events.isEmpty else { return }
        // Backpressure, not loss: past the backlog limit the platform is asked to retry later.
        if let backlog, backlog.isOverloaded {
            throw APIError.overloaded("the event backlog is over its limit; retry later", retryAfter: 5)
        }
        let envelopes = try events.map { try $0.envelope(trace: trace) }
        let commands: [any RedisCommand] = envelopes.map { XADD(redis.keys.inbound, fields: $0.fields) }
        let replies: [RESPValue]
        do {
            replies = try await redis.pipeline(commands)
        } catch {
            TalkHubMetrics.enqueued(stream: "inbound", count: events.count, failed: true)
            throw APIError.unavailable("the event queue is unavailable; retry later")
        }
        for reply in replies {
            guard case .bulkString = reply else {
                TalkHubMetrics.enqueued(stream: "inbound", count: events.count, failed: true)
                throw APIError.unavailable("the event queue refused the event; retry later")
            }
        }
        TalkHubMetrics.enqueued(stream: "inbound", count: events.count, failed: false)
    }

    /// Records a delivery whose shape we do not know, with the reason, on the dead-letter stream.
    public func deadLetter(source: String, reason: String, payload: some Collection<UInt8>, trace: String) async throws {
        let letter = DeadLetter(
            source: source, reason: reason,
            original: ["payload": String(decoding: Array(payload), as: UTF8.self), "trace": trace]
        )
        do {
            _ = try await redis.xadd(redis.keys.deadLetters, fields: letter.fields)
        } catch {
            throw APIError.unavailable("the event queue is unavailable; retry later")
        }
    }
}
