import Foundation
import Logging
import PostgresNIO
import Shared

/// `save_conversation`: the conversation row, each of its messages in `messages`, the session
/// completed and the profile's statistics, in the caller's transaction. The conversation id
/// (the body's, else the call id) makes it idempotent: when the row exists already, the
/// stored conversation is answered again and nothing else is written.
///
/// A batch of calls is written set-wise: one statement per table for all of them (rows in
/// user order, so concurrent batches lock in the same order), whatever the batch's size.
/// Calls of one batch arrived concurrently, so no order among them is owed; the first of
/// two calls naming the same conversation writes it and the second answers it stored.
enum SaveConversation {
    /// One call, parsed and analysed (CPU work, before any statement).
    struct Call {
        var callID: String
        var conversationID: String
        var sessionID: String
        var user: String
        var rawMessages: [JSONValue]
        var messages: [ConversationMessage]
        var analyses: [MessageAnalysis?]
        var analysis: [String: JSONValue]
        var metadata: [String: JSONValue]
        var startedAt: Date
        /// Each message's time (the conversation's start for those without one).
        var stamps: [Date]

        init(_ arguments: JSONValue, callID: String, now: Date) {
            self.callID = callID
            conversationID = arguments["conversation_id"]?.stringValue ?? callID
            sessionID = arguments["session_id"]?.stringValue ?? ""
            user = arguments["user_id"]?.stringValue ?? ""
            rawMessages = arguments["messages"]?.array ?? []
            messages = rawMessages.map { item in
                ConversationMessage(
                    role: item["role"]?.stringValue ?? "user",
                    text: item["content"]?.stringValue ?? "",
                    timestamp: item["timestamp"]?.stringValue.flatMap(RFC3339.parse)
                )
            }
            analyses = messages.map { $0.role == "user" ? MessageAnalyzer.analyze($0.text) : nil }
            // Computed keys win over the caller's.
            analysis = arguments["intent_analysis"]?.object ?? [:]
            for (key, value) in ConversationAnalyzer.analysis(messages, userAnalyses: analyses.compactMap { $0 }).object ?? [:] {
                analysis[key] = value
            }
            metadata = arguments["metadata"]?.object ?? [:]
            for (key, value) in ConversationAnalyzer.timing(messages) { metadata[key] = value }
            // A conversation's time is its first message's timestamp.
            startedAt = messages.first?.timestamp ?? messages.compactMap(\.timestamp).min() ?? now
            let start = startedAt
            stamps = messages.map { $0.timestamp ?? start }
        }
    }

    /// Runs `calls` (arguments and call id each) and answers each by its call id.
    static func run(_ batch: [(arguments: JSONValue, callID: String)], on connection: PostgresConnection, logger: Logger) async throws -> [String: ToolOutcome] {
        let now = Date()
        let calls = batch.map { Call($0.arguments, callID: $0.callID, now: now) }.sorted { ($0.user, $0.callID) < ($1.user, $1.callID) }
        guard !calls.isEmpty else { return [:] }

        // 1. Where each named session lives (an unknown one is "unknown" with no channel).
        var places: [String: (platform: String, channel: String?)] = [:]
        let sessionIDs = Array(Set(calls.map(\.sessionID)))
        for try await (session, platform, channel) in try await connection.query(
            "SELECT session_id, platform, channel_id FROM chat_sessions WHERE session_id = ANY(\(sessionIDs)::text[])", logger: logger
        ).decode((String, String, String?).self) {
            places[session] = (platform, channel)
        }
        func platform(_ call: Call) -> String { places[call.sessionID]?.platform ?? "unknown" }
        func channel(_ call: Call) -> String { places[call.sessionID]?.channel ?? "" }

        // 2. The conversations; those already stored (or named twice) answer the stored row.
        let inserted = try await connection.query(
            """
            INSERT INTO conversations (conversation_id, session_id, user_id, platform, channel_id, messages, intent_analysis, metadata, started_at)
            SELECT id, s, u, p, NULLIF(c, ''), m::jsonb, a::jsonb, md::jsonb, at
            FROM unnest(\(calls.map(\.conversationID))::text[], \(calls.map(\.sessionID))::text[], \(calls.map(\.user))::text[],
                        \(calls.map(platform))::text[], \(calls.map(channel))::text[], \(calls.map { JSONValue.array($0.rawMessages).jsonText })::text[],
                        \(calls.map { JSONValue.object($0.analysis).jsonText })::text[], \(calls.map { JSONValue.object($0.metadata).jsonText })::text[],
                        \(calls.map(\.startedAt))::timestamptz[]) WITH ORDINALITY AS t(id, s, u, p, c, m, a, md, at, n)
            ORDER BY n
            ON CONFLICT (conversation_id) DO NOTHING
            RETURNING conversation_id, created_at
            """,
            logger: logger
        )
        var createdAt: [String: Date] = [:]
        for try await (id, created) in inserted.decode((String, Date).self) { createdAt[id] = created }
        var fresh: [Call] = []
        var repeated: [Call] = []
        var owner = Set<String>()
        for call in calls {
            if createdAt[call.conversationID] != nil && owner.insert(call.conversationID).inserted {
                fresh.append(call)
            } else {
                repeated.append(call)
            }
        }
        var outcomes: [String: ToolOutcome] = [:]
        if !repeated.isEmpty {
            let storedRows = try await stored(Array(Set(repeated.map(\.conversationID))), on: connection, logger: logger)
            for call in repeated {
                guard let body = storedRows[call.conversationID] else { throw ToolExecutionError("conversation \(call.conversationID) vanished") }
                outcomes[call.callID] = ToolOutcome(status: 201, body: body)
            }
        }
        guard !fresh.isEmpty else { return outcomes }

        // 3. Each session completed; an unknown one is created completed. A session completed
        //    already keeps its `last_activity_at` while that is recent (the resolution of the
        //    inbound handler), so saving into it again changes no indexed column and
        //    PostgreSQL updates the row in place instead of writing its five index entries.
        var sessionOwners: [String: Call] = [:]
        for call in fresh where sessionOwners[call.sessionID] == nil { sessionOwners[call.sessionID] = call }
        let sessions = sessionOwners.values.sorted { ($0.user, $0.sessionID) < ($1.user, $1.sessionID) }
        try await connection.query(
            """
            INSERT INTO chat_sessions (session_id, user_id, platform, channel_id, status, last_activity_at)
            SELECT s, u, p, NULLIF(c, ''), 'completed', now()
            FROM unnest(\(sessions.map(\.sessionID))::text[], \(sessions.map(\.user))::text[], \(sessions.map(platform))::text[],
                        \(sessions.map(channel))::text[]) WITH ORDINALITY AS t(s, u, p, c, n)
            ORDER BY n
            ON CONFLICT (session_id) DO UPDATE SET status = 'completed', updated_at = now(), last_activity_at =
                CASE WHEN chat_sessions.status <> 'completed'
                          OR chat_sessions.last_activity_at < now() - make_interval(secs => \(InboundMessageHandler.activityResolutionSeconds))
                     THEN now() ELSE chat_sessions.last_activity_at END
            """,
            logger: logger
        )

        // 4. Every message once, with a platform id from the conversation id and position.
        var rows = MessageRows()
        for call in fresh {
            for (i, message) in call.messages.enumerated() {
                rows.append(call: call, platform: platform(call), channel: channel(call), index: i, message: message, at: call.stamps[i], analysis: call.analyses[i])
            }
        }
        let added = try await connection.query(
            """
            INSERT INTO messages (platform, platform_message_id, channel_id, user_id, session_id, conversation_id, role, direction, type, text,
                                  sent_at, sentiment, sentiment_score, intent, intent_confidence, language, topics)
            SELECT p, pid, NULLIF(c, ''), u, s, cv, r, CASE WHEN r = 'user' THEN 'in' ELSE 'out' END,
                   'text', tx, at, NULLIF(se, ''), CASE WHEN se = '' THEN NULL ELSE sc END, NULLIF(it, ''),
                   CASE WHEN se = '' THEN NULL ELSE ic END, NULLIF(lg, ''),
                   CASE WHEN se = '' THEN NULL WHEN tp = '' THEN '{}'::text[] ELSE string_to_array(tp, chr(31)) END
            FROM unnest(\(rows.platforms)::text[], \(rows.ids)::text[], \(rows.channels)::text[], \(rows.users)::text[], \(rows.sessions)::text[],
                        \(rows.conversations)::text[], \(rows.roles)::text[], \(rows.texts)::text[], \(rows.stamps)::timestamptz[],
                        \(rows.sentiments)::text[], \(rows.scores)::float8[], \(rows.intents)::text[], \(rows.confidences)::float8[],
                        \(rows.languages)::text[], \(rows.topics)::text[])
                 WITH ORDINALITY AS t(p, pid, c, u, s, cv, r, tx, at, se, sc, it, ic, lg, tp, n)
            ORDER BY n
            ON CONFLICT (platform, platform_message_id) DO NOTHING
            RETURNING user_id
            """,
            logger: logger
        )
        var addedByUser: [String: Int] = [:]
        for try await user in added.decode(String.self) { addedByUser[user, default: 0] += 1 }

        // 5. The profiles' statistics, created or moved in one statement (rows in user order).
        var stats: [String: (conversations: Int, last: Date)] = [:]
        for call in fresh {
            let last = call.stamps.max() ?? call.startedAt
            let current = stats[call.user] ?? (0, last)
            stats[call.user] = (current.conversations + 1, max(current.last, last))
        }
        let users = stats.keys.sorted()
        try await connection.query(
            """
            INSERT INTO user_profiles AS p (user_id, interaction_stats)
            SELECT u, jsonb_build_object('total_conversations', c, 'total_messages', m, 'last_interaction', last)
            FROM unnest(\(users)::text[], \(users.map { stats[$0]!.conversations })::int[], \(users.map { addedByUser[$0] ?? 0 })::int[],
                        \(users.map { RFC3339.formatPrecise(stats[$0]!.last) })::text[]) AS t(u, c, m, last)
            ORDER BY u
            ON CONFLICT (user_id) DO UPDATE SET interaction_stats = p.interaction_stats || jsonb_build_object(
                'total_conversations', COALESCE((p.interaction_stats->>'total_conversations')::bigint, 0)
                    + (EXCLUDED.interaction_stats->>'total_conversations')::bigint,
                'total_messages', COALESCE((p.interaction_stats->>'total_messages')::bigint, 0)
                    + (EXCLUDED.interaction_stats->>'total_messages')::bigint,
                'last_interaction', GREATEST(COALESCE(p.interaction_stats->>'last_interaction', ''),
                                             EXCLUDED.interaction_stats->>'last_interaction')
            ), updated_at = now()
            """,
            logger: logger
        )
        for call in fresh {
            let body: JSONValue = [
                "conversation_id": .string(call.conversationID),
                "session_id": .string(call.sessionID),
                "user_id": .string(call.user),
                "messages": .array(call.rawMessages),
                "intent_analysis": .object(call.analysis),
                "metadata": .object(call.metadata),
                "created_at": SQLJSON.date(createdAt[call.conversationID]),
            ]
            outcomes[call.callID] = ToolOutcome(status: 201, body: body, changedUsers: [call.user])
        }
        return outcomes
    }

    /// The message rows of a batch, column by column.
    struct MessageRows {
        var platforms: [String] = [], ids: [String] = [], channels: [String] = [], users: [String] = [], sessions: [String] = []
        var conversations: [String] = [], roles: [String] = [], texts: [String] = [], stamps: [Date] = []
        var sentiments: [String] = [], scores: [Double] = [], intents: [String] = [], confidences: [Double] = []
        var languages: [String] = [], topics: [String] = []

        mutating func append(call: Call, platform: String, channel: String, index: Int, message: ConversationMessage, at: Date, analysis: MessageAnalysis?) {
            platforms.append(platform)
            ids.append("\(call.conversationID):\(index)")
            channels.append(channel)
            users.append(call.user)
            sessions.append(call.sessionID)
            conversations.append(call.conversationID)
            roles.append(message.role)
            texts.append(message.text)
            stamps.append(at)
            sentiments.append(analysis?.sentiment ?? "")
            scores.append(analysis?.sentimentScore ?? 0)
            intents.append(analysis?.intent ?? "")
            confidences.append(analysis?.confidence ?? 0)
            languages.append(analysis?.language ?? "")
            topics.append(analysis?.topics.joined(separator: "\u{1F}") ?? "")
        }
    }

    /// The saved conversations as `save_conversation` answered them, by conversation id.
    static func stored(_ conversationIDs: [String], on connection: PostgresConnection, logger: Logger) async throws -> [String: JSONValue] {
        let rows = try await connection.query(
            """
            SELECT conversation_id, COALESCE(session_id, ''), user_id, messages::text, intent_analysis::text, metadata::text, created_at
            FROM conversations WHERE conversation_id = ANY(\(conversationIDs)::text[])
            """,
            logger: logger
        )
        var found: [String: JSONValue] = [:]
        for try await (id, session, user, messages, analysis, metadata, created) in rows.decode((String, String, String, String, String, String, Date).self) {
            found[id] = [
                "conversation_id": .string(id),
                "session_id": .string(session),
                "user_id": .string(user),
                "messages": SQLJSON.object(messages),
                "intent_analysis": SQLJSON.object(analysis),
                "metadata": SQLJSON.object(metadata),
                "created_at": SQLJSON.date(created),
            ]
        }
        return found
    }
}
