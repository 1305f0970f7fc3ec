import Foundation
import Logging
import PostgresNIO
import Shared

/// `get_user_context`: profile, the most recently active open session, the five newest
/// conversations (with `include_history`) and interaction statistics computed from the
/// indexed tables. Answers are cached per user generation (`UserCache`), so any change to the
/// user's data makes the next call compute afresh.
enum GetUserContext {
    static func cacheName(includeHistory: Bool) -> String { includeHistory ? "context:history" : "context" }

    static func run(_ arguments: JSONValue, context: ToolContext, postgres: PostgresClient) async throws -> ToolOutcome {
        let user = arguments["user_id"]?.stringValue ?? ""
        let includeHistory = arguments["include_history"]?.boolValue ?? false
        let name = cacheName(includeHistory: includeHistory)
        // Read the generation before querying: a change committed meanwhile bumps it, and what
        // we compute is filed under the old one, where nobody looks.
        let generation = try? await context.cache.generation(of: user)
        if let generation, let text = try? await context.cache.get(user, generation: generation, name: name),
            let body = try? JSONValue.parse(Array(text.utf8))
        {
            return ToolOutcome(status: 200, body: closingWindow(body))
        }
        let body = try await postgres.withConnection { connection in
            try await compute(user: user, includeHistory: includeHistory, on: connection, logger: context.logger)
        }
        if let generation {
            try? await context.cache.set(user, generation: generation, name: name, value: body.jsonText)
        }
        return ToolOutcome(status: 200, body: closingWindow(body))
    }

    /// The WhatsApp window is kept as computed (cached answers included) and shown only while
    /// it is open: a cached answer must not show a window that closed meanwhile.
    static func closingWindow(_ body: JSONValue, now: Date = Date()) -> JSONValue {
        guard case .object(var object) = body else { return body }
        if let until = object["window_open_until"]?.stringValue.flatMap(RFC3339.parse), until <= now {
            object["window_open_until"] = .null
        }
        return .object(object)
    }

    static func compute(user: String, includeHistory: Bool, on connection: PostgresConnection, logger: Logger) async throws -> JSONValue {
        let profile = try await ProfileRow.load(user, on: connection, logger: logger)
        var activeSession: JSONValue = .null
        for try await columns in try await connection.query(
            """
            SELECT \(unescaped: SessionRow.columns) FROM chat_sessions
            WHERE user_id = \(user) AND status = 'active' ORDER BY last_activity_at DESC LIMIT 1
            """,
            logger: logger
        ).decode(SessionRow.Columns.self) {
            activeSession = SessionRow(columns: columns).json
        }
        var recent: [JSONValue] = []
        if includeHistory {
            let rows = try await connection.query(
                """
                SELECT conversation_id, session_id, platform, messages::text, intent_analysis::text, metadata::text, started_at, created_at
                FROM conversations WHERE user_id = \(user)
                ORDER BY started_at DESC NULLS LAST, created_at DESC LIMIT 5
                """,
                logger: logger
            )
            for try await (id, session, platform, messages, analysis, metadata, started, created)
                in rows.decode((String, String?, String, String, String, String, Date?, Date).self)
            {
                recent.append([
                    "conversation_id": .string(id),
                    "session_id": SQLJSON.string(session),
                    "platform": .string(platform),
                    "messages": SQLJSON.object(messages),
                    "intent_analysis": SQLJSON.object(analysis),
                    "metadata": SQLJSON.object(metadata),
                    "started_at": SQLJSON.date(started),
                    "created_at": SQLJSON.date(created),
                ])
            }
        }
        // One round trip for the statistics, each from its index.
        let statsRows = try await connection.query(
            """
            SELECT
                (SELECT count(*) FROM conversations WHERE user_id = \(user))::int8,
                (SELECT count(*) FROM messages WHERE user_id = \(user))::int8,
                (SELECT max(sent_at) FROM messages WHERE user_id = \(user)),
                (SELECT sentiment FROM messages WHERE user_id = \(user) AND role = 'user' AND sentiment IS NOT NULL
                 GROUP BY sentiment ORDER BY count(*) DESC, sentiment LIMIT 1),
                (SELECT COALESCE(array_agg(topic ORDER BY n DESC, topic), '{}') FROM (
                    SELECT topic, count(*) AS n FROM messages, unnest(topics) AS topic
                    WHERE user_id = \(user) AND role = 'user' GROUP BY topic ORDER BY n DESC, topic LIMIT 5) AS top),
                (SELECT avg((metadata->>'avg_response_time_s')::float8) FROM conversations
                 WHERE user_id = \(user) AND jsonb_typeof(metadata->'avg_response_time_s') = 'number'),
                (SELECT max(sent_at) FROM messages
                 WHERE user_id = \(user) AND platform = 'whatsapp' AND direction = 'in'
                   AND (conversation_id IS NULL OR conversation_id LIKE 'session:%'))
            """,
            logger: logger
        )
        var stats: [String: JSONValue] = [:]
        var hasHistory = false
        var window: JSONValue = .null
        for try await (conversations, messages, last, sentiment, topics, response, lastInbound)
            in statsRows.decode((Int64, Int64, Date?, String?, [String], Double?, Date?).self)
        {
            hasHistory = conversations > 0 || messages > 0
            // WhatsApp allows free-form replies for 24 hours after the user's last message.
            if let lastInbound { window = SQLJSON.date(lastInbound.addingTimeInterval(24 * 3600)) }
            stats = [
                "total_conversations": .integer(conversations),
                "total_messages": .integer(messages),
                "last_interaction": SQLJSON.date(last),
                "dominant_sentiment": SQLJSON.string(sentiment),
                "preferred_topics": .array(topics.map { .string($0) }),
                "avg_response_time_s": SQLJSON.number(response),
            ]
        }
        return [
            "user_id": .string(user),
            "profile": profile?.json ?? [:],
            "has_history": .bool(hasHistory),
            "active_session": activeSession,
            "recent_conversations": .array(recent),
            "interaction_stats": .object(stats),
            "window_open_until": window,
        ]
    }
}
