import Foundation
import Logging
import PostgresNIO
import Shared

/// Applies delivery statuses (`inbound.status`) to stored outbound messages. Statuses only
/// move forward (sent → delivered → read; failed is final), so a late or redelivered status
/// changes nothing. A status for a message not stored yet waits in `pending_statuses` for
/// 7 days and is applied when the message arrives; it never creates a message row.
public struct InboundStatusHandler: EnvelopeHandler {
    let postgres: PostgresClient

    public init(postgres: PostgresClient) {
        self.postgres = postgres
    }

    public var kinds: [String] { [EnvelopeKind.inboundStatus] }

    /// A status's rank; `failed` ranks highest so nothing replaces it (the SQL mirrors this).
    static func rank(_ status: String) -> Int {
        ["sent": 1, "delivered": 2, "read": 3, "failed": 4][status] ?? 0
    }

    public func handle(_ batch: [Envelope], logger: Logger) async throws {
        // One status per message: the furthest along.
        var best: [String: InboundStatus] = [:]
        for envelope in batch {
            let status = try envelope.decodeBody(InboundStatus.self)
            let key = status.platform + "\u{1F}" + status.platformMessageId
            if let current = best[key], Self.rank(current.status) >= Self.rank(status.status) { continue }
            best[key] = status
        }
        let statuses = best.values.sorted { ($0.platform, $0.platformMessageId) < ($1.platform, $1.platformMessageId) }
        guard !statuses.isEmpty else { return }
        let platforms = statuses.map(\.platform)
        let ids = statuses.map(\.platformMessageId)
        let states = statuses.map(\.status)
        let times = statuses.map(\.at)
        try await postgres.withTransaction(logger: logger) { connection in
            try await connection.query(
                """
                UPDATE messages AS m SET delivery_status = t.s
                FROM unnest(\(platforms)::text[], \(ids)::text[], \(states)::text[]) AS t(p, pid, s)
                WHERE m.platform = t.p AND m.platform_message_id = t.pid
                  AND (m.delivery_status IS NULL OR (m.delivery_status <> 'failed'
                       AND CASE t.s WHEN 'failed' THEN 4 WHEN 'read' THEN 3 WHEN 'delivered' THEN 2 WHEN 'sent' THEN 1 ELSE 0 END
                         > CASE m.delivery_status WHEN 'read' THEN 3 WHEN 'delivered' THEN 2 WHEN 'sent' THEN 1 ELSE 0 END))
                """,
                logger: logger
            )
            try await connection.query(
                """
                INSERT INTO pending_statuses (platform, platform_message_id, status, at, expires_at)
                SELECT t.p, t.pid, t.s, t.at, now() + interval '7 days'
                FROM unnest(\(platforms)::text[], \(ids)::text[], \(states)::text[], \(times)::timestamptz[]) AS t(p, pid, s, at)
                WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.platform = t.p AND m.platform_message_id = t.pid)
                ON CONFLICT DO NOTHING
                """,
                logger: logger
            )
        }
    }

    /// Applies waiting statuses to messages just stored (called inside their transaction).
    static func applyPending(platforms: [String], ids: [String], on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            WITH waiting AS (
                DELETE FROM pending_statuses AS ps
                USING unnest(\(platforms)::text[], \(ids)::text[]) AS t(p, pid)
                WHERE ps.platform = t.p AND ps.platform_message_id = t.pid
                RETURNING ps.platform, ps.platform_message_id, ps.status
            ), furthest AS (
                SELECT DISTINCT ON (platform, platform_message_id) platform, platform_message_id, status FROM waiting
                ORDER BY platform, platform_message_id,
                         CASE status WHEN 'failed' THEN 4 WHEN 'read' THEN 3 WHEN 'delivered' THEN 2 ELSE 1 END DESC
            )
            UPDATE messages AS m SET delivery_status = f.status
            FROM furthest AS f
            WHERE m.platform = f.platform AND m.platform_message_id = f.platform_message_id
            """,
            logger: logger
        )
    }
}
