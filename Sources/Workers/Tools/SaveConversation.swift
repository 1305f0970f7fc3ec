import Foundation
import Logging
import PostgresNIO
import Shared

/// `save_conversation`: the conversation row, each of its messages in `messages`, the session
/// completed and the profile's statistics, in the caller's transaction. The conversation id
/// (the body's, else the call id) makes it idempotent: when the row exists already, the
/// stored conversation is answered again and nothing else is written.
enum SaveConversation {
    static func run(_ arguments: JSONValue, callID: String, on connection: PostgresConnection, logger: Logger) async throws -> ToolOutcome {
        let conversationID = arguments["conversation_id"]?.stringValue ?? callID
        let sessionID = arguments["session_id"]?.stringValue ?? ""
        let user = arguments["user_id"]?.stringValue ?? ""
        let rawMessages = arguments["messages"]?.array ?? []
        let messages = rawMessages.map { item in
            ConversationMessage(
                role: item["role"]?.stringValue ?? "user",
                text: item["content"]?.stringValue ?? "",
                timestamp: item["timestamp"]?.stringValue.flatMap(RFC3339.parse)
            )
        }
        // Computed keys win over the caller's.
        var analysis = arguments["intent_analysis"]?.object ?? [:]
        for (key, value) in ConversationAnalyzer.analysis(messages).object ?? [:] { analysis[key] = value }
        var metadata = arguments["metadata"]?.object ?? [:]
        for (key, value) in ConversationAnalyzer.timing(messages) { metadata[key] = value }
        let now = Date()
        // A conversation's time is its first message's timestamp.
        let startedAt = messages.first?.timestamp ?? messages.compactMap(\.timestamp).min() ?? now

        var platform = "unknown"
        var channel: String?
        for try await (p, c) in try await connection.query(
            "SELECT platform, channel_id FROM chat_sessions WHERE session_id = \(sessionID)", logger: logger
        ).decode((String, String?).self) {
            platform = p
            channel = c
        }
        let inserted = try await connection.query(
            """
            INSERT INTO conversations (conversation_id, session_id, user_id, platform, channel_id, messages, intent_analysis, metadata, started_at)
            VALUES (\(conversationID), \(sessionID), \(user), \(platform), \(channel), \(JSONValue.array(rawMessages).jsonText)::jsonb,
                    \(JSONValue.object(analysis).jsonText)::jsonb, \(JSONValue.object(metadata).jsonText)::jsonb, \(startedAt))
            ON CONFLICT (conversation_id) DO NOTHING
            RETURNING created_at
            """,
            logger: logger
        )
        var createdAt: Date?
        for try await created in inserted.decode(Date.self) { createdAt = created }
        guard let createdAt else {
            return ToolOutcome(status: 201, body: try await stored(conversationID, on: connection, logger: logger))
        }

        // The session is completed; an unknown one is created completed.
        try await connection.query(
            """
            INSERT INTO chat_sessions (session_id, user_id, platform, channel_id, status, last_activity_at)
            VALUES (\(sessionID), \(user), \(platform), \(channel), 'completed', now())
            ON CONFLICT (session_id) DO UPDATE SET status = 'completed', updated_at = now(), last_activity_at = now()
            """,
            logger: logger
        )

        // Every message once, with a platform id derived from the conversation id and position.
        let analyses = messages.map { $0.role == "user" ? MessageAnalyzer.analyze($0.text) : nil }
        let ids = messages.indices.map { "\(conversationID):\($0)" }
        let stamps = messages.map { $0.timestamp ?? startedAt }
        let rows = try await connection.query(
            """
            INSERT INTO messages (platform, platform_message_id, channel_id, user_id, session_id, conversation_id, role, direction, type, text,
                                  sent_at, sentiment, sentiment_score, intent, intent_confidence, language, topics)
            SELECT \(platform), pid, \(channel), \(user), \(sessionID), \(conversationID), r, CASE WHEN r = 'user' THEN 'in' ELSE 'out' END,
                   'text', tx, at, NULLIF(se, ''), CASE WHEN se = '' THEN NULL ELSE sc END, NULLIF(it, ''),
                   CASE WHEN se = '' THEN NULL ELSE ic END, NULLIF(lg, ''),
                   CASE WHEN se = '' THEN NULL WHEN tp = '' THEN '{}'::text[] ELSE string_to_array(tp, chr(31)) END
            FROM unnest(\(ids)::text[], \(messages.map(\.role))::text[], \(messages.map(\.text))::text[], \(stamps)::timestamptz[],
                        \(analyses.map { $0?.sentiment ?? "" })::text[], \(analyses.map { $0?.sentimentScore ?? 0 })::float8[],
                        \(analyses.map { $0?.intent ?? "" })::text[], \(analyses.map { $0?.confidence ?? 0 })::float8[],
                        \(analyses.map { $0?.language ?? "" })::text[], \(analyses.map { $0?.topics.joined(separator: "\u{1F}") ?? "" })::text[])
                 AS t(pid, r, tx, at, se, sc, it, ic, lg, tp)
            ON CONFLICT (platform, platform_message_id) DO NOTHING
            RETURNING 1
            """,
            logger: logger
        )
        var added = 0
        for try await _ in rows.decode(Int.self) { added += 1 }

        let last = RFC3339.formatPrecise(stamps.max() ?? startedAt)
        try await connection.query(
            """
            INSERT INTO user_profiles (user_id) VALUES (\(user)) ON CONFLICT (user_id) DO NOTHING
            """,
            logger: logger
        )
        try await connection.query(
            """
            UPDATE user_profiles SET interaction_stats = interaction_stats || jsonb_build_object(
                'total_conversations', COALESCE((interaction_stats->>'total_conversations')::bigint, 0) + 1,
                'total_messages', COALESCE((interaction_stats->>'total_messages')::bigint, 0) + \(added),
                'last_interaction', GREATEST(COALESCE(interaction_stats->>'last_interaction', ''), \(last))
            ), updated_at = now()
            WHERE user_id = \(user)
            """,
            logger: logger
        )
        let body: JSONValue = [
            "conversation_id": .string(conversationID),
            "session_id": .string(sessionID),
            "user_id": .string(user),
            "messages": .array(rawMessages),
            "intent_analysis": .object(analysis),
            "metadata": .object(metadata),
            "created_at": SQLJSON.date(createdAt),
        ]
        return ToolOutcome(status: 201, body: body, changedUsers: [user])
    }

    /// The saved conversation as `save_conversation` answered it.
    static func stored(_ conversationID: String, on connection: PostgresConnection, logger: Logger) async throws -> JSONValue {
        let rows = try await connection.query(
            """
            SELECT conversation_id, COALESCE(session_id, ''), user_id, messages::text, intent_analysis::text, metadata::text, created_at
            FROM conversations WHERE conversation_id = \(conversationID)
            """,
            logger: logger
        )
        for try await (id, session, user, messages, analysis, metadata, created) in rows.decode((String, String, String, String, String, String, Date).self) {
            return [
                "conversation_id": .string(id),
                "session_id": .string(session),
                "user_id": .string(user),
                "messages": SQLJSON.object(messages),
                "intent_analysis": SQLJSON.object(analysis),
                "metadata": SQLJSON.object(metadata),
                "created_at": SQLJSON.date(created),
            ]
        }
        throw ToolExecutionError("conversation \(conversationID) vanished")
    }
}
