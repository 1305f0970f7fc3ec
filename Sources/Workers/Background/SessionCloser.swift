import Foundation
import Logging
import PostgresNIO
import Shared

/// Closes sessions idle for `SESSION_IDLE_MIN` into `conversations` rows, with their
/// messages, analysis and timing metadata, so analytics cover webhook traffic too. Runs under
/// the background leader lock; rows are also locked with `FOR UPDATE SKIP LOCKED`, and the
/// conversation id (`session:<session_id>`) makes a repeated close a no-op.
public struct SessionCloser: BackgroundJob {
    let postgres: PostgresClient
    let cache: UserCache?
    let idle: Duration
    public var interval: Duration
    let batchSize: Int

    public init(postgres: PostgresClient, cache: UserCache? = nil, idle: Duration, interval: Duration = .seconds(30), batchSize: Int = 200) {
        self.postgres = postgres
        self.cache = cache
        self.idle = idle
        self.interval = interval
        self.batchSize = batchSize
    }

    public var name: String { "session-closer" }

    public func run(logger: Logger) async throws {
        while try await closeBatch(logger: logger) == batchSize {}
    }

    /// Closes one batch of idle sessions; returns how many it closed.
    @discardableResult
    public func closeBatch(logger: Logger) async throws -> Int {
        let idleSeconds = Double(idle.wholeMilliseconds) / 1000
        let limit = batchSize
        let closedUsers = try await postgres.withTransaction(logger: logger) { connection -> [String] in
            struct Session { var id: String; var user: String; var platform: String; var channel: String? }
            var sessions: [Session] = []
            let rows = try await connection.query(
                """
                SELECT session_id, user_id, platform, channel_id FROM chat_sessions
                WHERE status = 'active' AND last_activity_at < now() - make_interval(secs => \(idleSeconds))
                ORDER BY last_activity_at LIMIT \(limit) FOR UPDATE SKIP LOCKED
                """,
                logger: logger
            )
            for try await (id, user, platform, channel) in rows.decode((String, String, String, String?).self) {
                sessions.append(Session(id: id, user: user, platform: platform, channel: channel))
            }
            guard !sessions.isEmpty else { return [] }
            let ids = sessions.map(\.id)

            var messages: [String: [(ConversationMessage, String)]] = [:]
            let messageRows = try await connection.query(
                """
                SELECT session_id, role, COALESCE(text, ''), sent_at, platform_message_id FROM messages
                WHERE session_id = ANY(\(ids)::text[]) ORDER BY session_id, sent_at, id
                """,
                logger: logger
            )
            for try await (session, role, text, at, platformID) in messageRows.decode((String, String, String, Date, String).self) {
                messages[session, default: []].append((ConversationMessage(role: role, text: text, timestamp: at), platformID))
            }

            var conversationIDs: [String] = []
            var sessionIDs: [String] = []
            var users: [String] = []
            var platforms: [String] = []
            var channels: [String] = []
            var bodies: [String] = []
            var analyses: [String] = []
            var metadata: [String] = []
            var starts: [Date] = []
            for session in sessions {
                guard let items = messages[session.id], let first = items.first?.0.timestamp else { continue }
                let conversation = items.map(\.0)
                conversationIDs.append("session:" + session.id)
                sessionIDs.append(session.id)
                users.append(session.user)
                platforms.append(session.platform)
                channels.append(session.channel ?? "")
                bodies.append(JSONValue.array(conversation.map {
                    ["role": .string($0.role), "content": .string($0.text), "timestamp": $0.timestamp.map { .string(RFC3339.formatPrecise($0)) } ?? .null]
                }).jsonText)
                analyses.append(ConversationAnalyzer.analysis(conversation).jsonText)
                var meta = ConversationAnalyzer.timing(conversation)
                meta["source"] = "webhook"
                meta["closed_reason"] = "idle"
                metadata.append(JSONValue.object(meta).jsonText)
                starts.append(first)
            }
            var inserted: [String: Int] = [:]
            if !conversationIDs.isEmpty {
                let result = try await connection.query(
                    """
                    INSERT INTO conversations (conversation_id, session_id, user_id, platform, channel_id, messages, intent_analysis, metadata, started_at)
                    SELECT c, s, u, p, NULLIF(ch, ''), m::jsonb, a::jsonb, md::jsonb, st
                    FROM unnest(\(conversationIDs)::text[], \(sessionIDs)::text[], \(users)::text[], \(platforms)::text[], \(channels)::text[],
                                \(bodies)::text[], \(analyses)::text[], \(metadata)::text[], \(starts)::timestamptz[])
                         AS t(c, s, u, p, ch, m, a, md, st)
                    ON CONFLICT (conversation_id) DO NOTHING
                    RETURNING user_id
                    """,
                    logger: logger
                )
                for try await user in result.decode(String.self) { inserted[user, default: 0] += 1 }
                try await connection.query(
                    """
                    UPDATE messages SET conversation_id = 'session:' || session_id
                    WHERE session_id = ANY(\(sessionIDs)::text[]) AND conversation_id IS NULL
                    """,
                    logger: logger
                )
            }
            try await connection.query(
                "UPDATE chat_sessions SET status = 'closed', closed_at = now(), updated_at = now() WHERE session_id = ANY(\(ids)::text[])",
                logger: logger
            )
            if !inserted.isEmpty {
                let statUsers = inserted.keys.sorted()
                let counts = statUsers.map { inserted[$0]! }
                try await connection.query(
                    """
                    UPDATE user_profiles AS p SET interaction_stats = p.interaction_stats || jsonb_build_object(
                        'total_conversations', COALESCE((p.interaction_stats->>'total_conversations')::bigint, 0) + t.n)
                    FROM unnest(\(statUsers)::text[], \(counts)::int[]) AS t(u, n)
                    WHERE p.user_id = t.u
                    """,
                    logger: logger
                )
            }
            logger.info("closed idle sessions", metadata: ["sessions.closed": "\(sessions.count)", "conversations.created": "\(inserted.values.reduce(0, +))"])
            return sessions.map(\.user)
        }
        // Their open session and history changed.
        try await cache?.invalidate(closedUsers)
        return closedUsers.count
    }
}
