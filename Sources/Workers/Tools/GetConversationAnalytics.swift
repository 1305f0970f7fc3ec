import Foundation
import Logging
import PostgresNIO
import Shared

/// `get_conversation_analytics`: every metric of API.md, computed with SQL over the
/// `conversations` table (saved conversations and webhook sessions closed into conversations)
/// and, for `error_rate`, the messages table and the dead-letter stream.
enum GetConversationAnalytics {
    static func run(_ arguments: JSONValue, context: ToolContext, postgres: PostgresClient) async throws -> ToolOutcome {
        let query: AnalyticsQuery
        do {
            query = try AnalyticsQuery(arguments: arguments.object ?? [:], timeZone: context.timeZone)
        } catch {
            // The gateway validated already; a call that still fails is answered, not retried.
            return ToolOutcome(status: 400, body: [
                "error": "invalid arguments for get_conversation_analytics", "code": "invalid_argument",
                "details": .array(error.problems.map { ["field": .string($0.field), "problem": .string($0.problem)] }),
            ])
        }
        let figures = try await postgres.withConnection { connection in
            try await compute(query, timeZone: context.timeZone, on: connection, logger: context.logger)
        }
        var deadLetters = 0
        if query.metrics?.contains("error_rate") ?? true {
            deadLetters = try await countDeadLetters(query, redis: context.redis)
        }
        return ToolOutcome(status: 200, body: figures.answer(query: query, deadLetters: deadLetters))
    }

    /// What the SQL gives, before the metric selection.
    struct Figures: Sendable {
        var total = 0
        var uniqueUsers = 0
        var avgMessages: Double?
        var completionRate: Double?
        var avgDuration: Double?
        var avgFirstResponse: Double?
        var avgResponse: Double?
        var intents: [String: Int] = [:]
        var sentiments: [String: Int] = ["positive": 0, "negative": 0, "neutral": 0]
        var platforms: [String: Int] = [:]
        var hours: [String: Int] = Dictionary(uniqueKeysWithValues: (0..<24).map { (String($0), 0) })
        var topics: [(String, Int)] = []
        /// Webhook events and tool calls of the range, for `error_rate`.
        var events = 0

        func answer(query: AnalyticsQuery, deadLetters: Int) -> JSONValue {
            func counts(_ map: [String: Int]) -> JSONValue { .object(map.mapValues { .integer(Int64($0)) }) }
            let denominator = events + deadLetters
            let all: [String: JSONValue] = [
                "total_conversations": .integer(Int64(total)),
                "unique_users": .integer(Int64(uniqueUsers)),
                "avg_messages_per_conversation": SQLJSON.number(avgMessages, places: 2),
                "intent_distribution": counts(intents),
                "sentiment_analysis": counts(sentiments),
                "peak_hours": counts(hours),
                "completion_rate": SQLJSON.number(completionRate, places: 2),
                "avg_duration_s": SQLJSON.number(avgDuration),
                "avg_first_response_time_s": SQLJSON.number(avgFirstResponse),
                "avg_response_time_s": SQLJSON.number(avgResponse),
                "top_topics": .array(topics.map { ["topic": .string($0.0), "count": .integer(Int64($0.1))] }),
                "platforms": counts(platforms),
                "error_rate": total == 0 || denominator == 0 ? .null : SQLJSON.number(Double(deadLetters) / Double(denominator), places: 4),
            ]
            var answer = all
            if let metrics = query.metrics {
                answer = all.filter { metrics.contains($0.key) }
            }
            answer["range"] = ["start": SQLJSON.date(query.start), "end": SQLJSON.date(query.end)]
            answer["computed_at"] = SQLJSON.date(Date())
            return .object(answer)
        }
    }

    static func compute(_ query: AnalyticsQuery, timeZone: TimeZone, on connection: PostgresConnection, logger: Logger) async throws -> Figures {
        let filter = """
            FROM conversations
            WHERE ($1::text IS NULL OR user_id = $1) AND ($2::text IS NULL OR platform = $2) AND ($3::text IS NULL OR channel_id = $3)
              AND ($4::timestamptz IS NULL OR started_at >= $4) AND ($5::timestamptz IS NULL OR started_at < $5)
            """
        var binds = PostgresBindings()
        binds.append(query.userID)
        binds.append(query.platform)
        binds.append(query.channelID)
        binds.append(query.start)
        binds.append(query.end)
        var figures = Figures()
        let scalar = PostgresQuery(
            unsafeSQL: """
                SELECT count(*)::int8, count(DISTINCT user_id)::int8,
                    avg((metadata->>'message_count')::float8) FILTER (WHERE jsonb_typeof(metadata->'message_count') = 'number'),
                    avg(CASE WHEN metadata->>'completion_status' = 'completed' THEN 100.0 ELSE 0.0 END)::float8,
                    avg((metadata->>'duration_s')::float8) FILTER (WHERE jsonb_typeof(metadata->'duration_s') = 'number'),
                    avg((metadata->>'first_response_time_s')::float8) FILTER (WHERE jsonb_typeof(metadata->'first_response_time_s') = 'number'),
                    avg((metadata->>'avg_response_time_s')::float8) FILTER (WHERE jsonb_typeof(metadata->'avg_response_time_s') = 'number'),
                    count(*) FILTER (WHERE conversation_id NOT LIKE 'session:%')::int8
                \(filter)
                """,
            binds: binds
        )
        var savedConversations: Int64 = 0
        for try await (total, users, messages, completion, duration, first, response, saved)
            in try await connection.query(scalar, logger: logger).decode((Int64, Int64, Double?, Double?, Double?, Double?, Double?, Int64).self)
        {
            figures.total = Int(total)
            figures.uniqueUsers = Int(users)
            figures.avgMessages = messages
            figures.completionRate = total == 0 ? nil : completion
            figures.avgDuration = duration
            figures.avgFirstResponse = first
            figures.avgResponse = response
            savedConversations = saved
        }
        guard figures.total > 0 else { return figures }

        var distributionBinds = binds
        distributionBinds.append(timeZone.identifier)
        let distributions = PostgresQuery(
            unsafeSQL: """
                WITH c AS (SELECT platform, started_at, intent_analysis \(filter))
                SELECT 'intent', COALESCE(intent_analysis->>'intent', 'other'), count(*)::int8 FROM c GROUP BY 2
                UNION ALL SELECT 'sentiment', intent_analysis->>'sentiment', count(*)::int8 FROM c
                    WHERE intent_analysis->>'sentiment' IN ('positive', 'negative', 'neutral') GROUP BY 2
                UNION ALL SELECT 'platform', platform, count(*)::int8 FROM c GROUP BY 2
                UNION ALL SELECT 'hour', extract(hour FROM started_at AT TIME ZONE $6)::int::text, count(*)::int8 FROM c
                    WHERE started_at IS NOT NULL GROUP BY 2
                UNION ALL SELECT 'topic', topic, count(*)::int8 FROM c,
                    jsonb_array_elements_text(CASE WHEN jsonb_typeof(intent_analysis->'topics') = 'array'
                                                   THEN intent_analysis->'topics' ELSE '[]'::jsonb END) AS topic
                    GROUP BY 2
                """,
            binds: distributionBinds
        )
        var topics: [(String, Int)] = []
        for try await (kind, key, count) in try await connection.query(distributions, logger: logger).decode((String, String, Int64).self) {
            switch kind {
            case "intent": figures.intents[key] = Int(count)
            case "sentiment": figures.sentiments[key] = Int(count)
            case "platform": figures.platforms[key] = Int(count)
            case "hour": figures.hours[key] = Int(count)
            default: topics.append((key, Int(count)))
            }
        }
        figures.topics = Array(topics.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(10))

        // error_rate's denominator: the range's webhook messages and saved conversations (tool calls).
        let events = PostgresQuery(
            unsafeSQL: """
                SELECT count(*)::int8 FROM messages
                WHERE (conversation_id IS NULL OR conversation_id LIKE 'session:%')
                  AND ($1::text IS NULL OR user_id = $1) AND ($2::text IS NULL OR platform = $2) AND ($3::text IS NULL OR channel_id = $3)
                  AND ($4::timestamptz IS NULL OR sent_at >= $4) AND ($5::timestamptz IS NULL OR sent_at < $5)
                """,
            binds: binds
        )
        for try await count in try await connection.query(events, logger: logger).decode(Int64.self) {
            figures.events = Int(count + savedConversations)
        }
        return figures
    }

    /// Dead letters whose time falls in the range and whose original event or call matches
    /// the user and platform filters (read from the envelope's body).
    static func countDeadLetters(_ query: AnalyticsQuery, redis: RedisClient) async throws -> Int {
        func millis(_ date: Date) -> String { String(Int64((date.timeIntervalSince1970 * 1000).rounded(.down))) }
        let start = query.start.map(millis) ?? "-"
        let end = query.end.map { "(" + millis($0) } ?? "+"
        let entries = try await redis.xrange(redis.keys.deadLetters, start: start, end: end, count: 100_000)
        var count = 0
        for entry in entries {
            guard let fields = entry.fields else { continue }
            if query.userID != nil || query.platform != nil || query.channelID != nil {
                let body = fields["body"].flatMap { try? JSONValue.parse(Array($0.utf8)) }
                let user = body?["user_id"]?.stringValue ?? body?["arguments"]?["user_id"]?.stringValue
                let platform = body?["platform"]?.stringValue ?? body?["arguments"]?["platform"]?.stringValue
                let channel = body?["channel_id"]?.stringValue ?? body?["arguments"]?["channel_id"]?.stringValue
                if let wanted = query.userID, user != wanted { continue }
                if let wanted = query.platform, platform != wanted { continue }
                if let wanted = query.channelID, channel != wanted { continue }
            }
            count += 1
        }
        return count
    }
}
