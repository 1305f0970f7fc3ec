import Foundation
import Logging
import PostgresNIO
import Shared

/// `get_conversation_analytics`: every metric of API.md, computed with SQL over the
/// `conversations` table (saved conversations and webhook sessions closed into conversations)
/// and, for `error_rate`, the messages table and the dead-letter stream.
enum GetConversationAnalytics {
    /// How long a cached answer may be served; a write (which marks its hour dirty) or a
    /// recomputation changes the cache key before that.
    static let answerTTL = 30

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
        let redis = context.redis
        // The answer cache: keyed by the rollup generation, the last dirty mark and the
        // question, so any write or recomputation moves every question to a new key.
        let generation = (try? await redis.get(redis.keys.analyticsGeneration)).flatMap { Int($0) } ?? 0
        let figures = try await postgres.withConnection { connection -> Figures in
            var mark: Int64 = 0
            for try await value in try await connection.query("SELECT last_value FROM analytics_dirty_id_seq", logger: context.logger).decode(Int64.self) {
                mark = value
            }
            let question = JSONValue.object([
                "user": query.userID.map(JSONValue.string) ?? .null, "platform": query.platform.map(JSONValue.string) ?? .null,
                "channel": query.channelID.map(JSONValue.string) ?? .null,
                "start": query.start.map { .number($0.timeIntervalSince1970) } ?? .null, "end": query.end.map { .number($0.timeIntervalSince1970) } ?? .null,
                "zone": .string(context.timeZone.identifier), "mark": .integer(mark),
            ]).jsonText
            let key = redis.keys.analyticsAnswer(generation: generation, query: UUID(v5: question).uuidString)
            if let cached = try? await redis.get(key), let value = try? JSONValue.parse(cached.utf8), let figures = Figures(cached: value) {
                return figures
            }
            let figures = try await compute(query, timeZone: context.timeZone, on: connection, logger: context.logger)
            _ = try? await redis.set(key, to: figures.cacheText, expiration: .seconds(answerTTL))
            return figures
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

        /// The figures as cached JSON, and back.
        var cacheText: String {
            func counts(_ map: [String: Int]) -> JSONValue { .object(map.mapValues { .integer(Int64($0)) }) }
            func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
            return JSONValue.object([
                "total": .integer(Int64(total)), "users": .integer(Int64(uniqueUsers)), "messages": number(avgMessages),
                "completion": number(completionRate), "duration": number(avgDuration), "first": number(avgFirstResponse),
                "response": number(avgResponse), "intents": counts(intents), "sentiments": counts(sentiments),
                "platforms": counts(platforms), "hours": counts(hours), "events": .integer(Int64(events)),
                "topics": .array(topics.map { [.string($0.0), .integer(Int64($0.1))] }),
            ]).jsonText
        }

        init() {}

        init?(cached value: JSONValue) {
            guard let object = value.object, let total = object["total"]?.doubleValue, let users = object["users"]?.doubleValue else { return nil }
            func counts(_ key: String) -> [String: Int] { (object[key]?.object ?? [:]).compactMapValues { $0.doubleValue.map { Int($0) } } }
            self.total = Int(total)
            self.uniqueUsers = Int(users)
            avgMessages = object["messages"]?.doubleValue
            completionRate = object["completion"]?.doubleValue
            avgDuration = object["duration"]?.doubleValue
            avgFirstResponse = object["first"]?.doubleValue
            avgResponse = object["response"]?.doubleValue
            intents = counts("intents")
            sentiments = counts("sentiments")
            platforms = counts("platforms")
            hours = counts("hours")
            events = Int(object["events"]?.doubleValue ?? 0)
            topics = (object["topics"]?.array ?? []).compactMap { pair in
                guard let items = pair.array, items.count == 2, let topic = items[0].stringValue, let count = items[1].doubleValue else { return nil }
                return (topic, Int(count))
            }
        }

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

    /// The answer's figures: per-user questions from the indexed tables; global and
    /// date-range questions from the hourly rollups plus the raw tables for what the rollups
    /// do not hold yet (hours still marked dirty) and for the parts of hours at the edges of
    /// an instant-bounded range. `rollups: false` computes everything from the raw tables.
    static func compute(_ query: AnalyticsQuery, timeZone: TimeZone, rollups: Bool = true, on connection: PostgresConnection, logger: Logger) async throws -> Figures {
        let zone = timeZone.identifier
        let open = query.start == nil && query.end == nil
        let lower = query.start ?? Date.distantPast
        let upper = query.end ?? Date.distantFuture
        let filters = Filters(query: query)
        guard rollups, query.userID == nil, let plan = try await RollupPlan.make(query: query, zone: zone, on: connection, logger: logger) else {
            var sums = try await rawSums(segments: [(lower, upper)], undated: open, filters: filters, zone: zone, on: connection, logger: logger)
            sums.uniqueUsers = try await rawUniqueUsers(segments: [(lower, upper)], undated: open, filters: filters, on: connection, logger: logger)
            return sums.figures()
        }
        var sums = try await rawSums(segments: plan.rawSegments, undated: plan.rawUndated, filters: filters, zone: zone, on: connection, logger: logger)
        sums.merge(try await rolledSums(plan: plan, filters: filters, zone: zone, on: connection, logger: logger))
        sums.uniqueUsers = try await uniqueUsers(plan: plan, lower: lower, upper: upper, open: open, filters: filters, zone: zone, on: connection, logger: logger)
        return sums.figures()
    }

    /// The filters of a question, as binds.
    struct Filters {
        var user: String?
        var platform: String?
        var channel: String?
        init(query: AnalyticsQuery) {
            user = query.userID
            platform = query.platform
            channel = query.channelID
        }
    }

    /// Additive figures: what rollups and raw rows both give, and merge.
    struct Sums: Sendable {
        var conversations = 0, saved = 0, completed = 0, webhookMessages = 0
        var messageCountN = 0, durationN = 0, firstResponseN = 0, responseN = 0
        var messageCountSum = 0.0, durationSum = 0.0, firstResponseSum = 0.0, responseSum = 0.0
        var intents: [String: Int] = [:], sentiments: [String: Int] = [:], platforms: [String: Int] = [:]
        var hours: [String: Int] = [:], topics: [String: Int] = [:]
        var uniqueUsers = 0

        mutating func merge(_ other: Sums) {
            conversations += other.conversations; saved += other.saved; completed += other.completed
            webhookMessages += other.webhookMessages
            messageCountN += other.messageCountN; messageCountSum += other.messageCountSum
            durationN += other.durationN; durationSum += other.durationSum
            firstResponseN += other.firstResponseN; firstResponseSum += other.firstResponseSum
            responseN += other.responseN; responseSum += other.responseSum
            intents.merge(other.intents, uniquingKeysWith: +); sentiments.merge(other.sentiments, uniquingKeysWith: +)
            platforms.merge(other.platforms, uniquingKeysWith: +); hours.merge(other.hours, uniquingKeysWith: +)
            topics.merge(other.topics, uniquingKeysWith: +)
        }

        mutating func add(kind: String, key: String, count: Int) {
            guard count > 0 else { return }
            switch kind {
            case "intent": intents[key, default: 0] += count
            case "sentiment": sentiments[key, default: 0] += count
            case "platform": platforms[key, default: 0] += count
            case "hour": hours[key, default: 0] += count
            default: topics[key, default: 0] += count
            }
        }

        mutating func read(_ row: (Int64, Int64, Int64, Int64, Double, Int64, Double, Int64, Double, Int64, Double, Int64)) {
            conversations = Int(row.0); saved = Int(row.1); completed = Int(row.2)
            messageCountN = Int(row.3); messageCountSum = row.4; durationN = Int(row.5); durationSum = row.6
            firstResponseN = Int(row.7); firstResponseSum = row.8; responseN = Int(row.9); responseSum = row.10
            webhookMessages = Int(row.11)
        }

        func figures() -> Figures {
            func average(_ sum: Double, _ n: Int) -> Double? { n == 0 ? nil : sum / Double(n) }
            var figures = Figures()
            figures.total = conversations
            figures.uniqueUsers = uniqueUsers
            guard conversations > 0 else { return figures }
            figures.avgMessages = average(messageCountSum, messageCountN)
            figures.completionRate = Double(completed) * 100 / Double(conversations)
            figures.avgDuration = average(durationSum, durationN)
            figures.avgFirstResponse = average(firstResponseSum, firstResponseN)
            figures.avgResponse = average(responseSum, responseN)
            figures.intents = intents
            figures.sentiments.merge(sentiments) { $1 }
            figures.platforms = platforms
            figures.hours.merge(hours) { $1 }
            figures.topics = Array(topics.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(10).map { ($0.key, $0.value) })
            figures.events = webhookMessages + saved
            return figures
        }
    }

    /// Binds of the raw queries: $1 segment starts, $2 segment ends, $3 user, $4 platform,
    /// $5 channel, $6 whether conversations without a start count, $7 the time zone.
    static func rawBinds(segments: [(Date, Date)], undated: Bool, filters: Filters, zone: String?) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(segments.map(\.0))
        binds.append(segments.map(\.1))
        binds.append(filters.user)
        binds.append(filters.platform)
        binds.append(filters.channel)
        binds.append(undated)
        if let zone { binds.append(zone) }
        return binds
    }

    static let rawFilter = "($3::text IS NULL OR c.user_id = $3) AND ($4::text IS NULL OR c.platform = $4) AND ($5::text IS NULL OR c.channel_id = $5)"
    static let rawConversations = """
        SELECT c.* FROM unnest($1::timestamptz[], $2::timestamptz[]) AS seg(s, e)
        CROSS JOIN LATERAL (SELECT * FROM conversations c WHERE c.started_at >= seg.s AND c.started_at < seg.e AND \(rawFilter) OFFSET 0) c
        UNION ALL
        SELECT c.* FROM conversations c WHERE $6 AND c.started_at IS NULL AND \(rawFilter)
        """

    /// Conversations started inside `segments` (plus those without a start when `undated`)
    /// and webhook messages sent inside them, summed from the raw tables.
    static func rawSums(
        segments: [(Date, Date)], undated: Bool, filters: Filters, zone: String, on connection: PostgresConnection, logger: Logger
    ) async throws -> Sums {
        var sums = Sums()
        guard !segments.isEmpty || undated else { return sums }
        let scalar = PostgresQuery(
            unsafeSQL: """
                WITH c AS (\(rawConversations))
                SELECT s.*, (SELECT count(*)::int8 FROM unnest($1::timestamptz[], $2::timestamptz[]) AS seg(s, e)
                             CROSS JOIN LATERAL (SELECT 1 FROM messages c WHERE c.sent_at >= seg.s AND c.sent_at < seg.e
                                 AND (c.conversation_id IS NULL OR c.conversation_id LIKE 'session:%') AND \(rawFilter) OFFSET 0) m)
                FROM (\(RollupSQL.sums(source: "c", groupBy: nil))) s
                """,
            binds: rawBinds(segments: segments, undated: undated, filters: filters, zone: nil)
        )
        sums = try await readSums(scalar, on: connection, logger: logger)
        guard sums.conversations > 0 else { return sums }
        let distributions = PostgresQuery(
            unsafeSQL: """
                WITH c AS (\(rawConversations))
                SELECT 'intent', COALESCE(intent_analysis->>'intent', 'other'), count(*)::int8 FROM c GROUP BY 2
                UNION ALL SELECT 'sentiment', intent_analysis->>'sentiment', count(*)::int8 FROM c
                    WHERE intent_analysis->>'sentiment' IN ('positive', 'negative', 'neutral') GROUP BY 2
                UNION ALL SELECT 'platform', platform, count(*)::int8 FROM c GROUP BY 2
                UNION ALL SELECT 'hour', extract(hour FROM started_at AT TIME ZONE $7::text)::int::text, count(*)::int8 FROM c
                    WHERE started_at IS NOT NULL GROUP BY 2
                UNION ALL SELECT 'topic', topic, count(*)::int8 FROM c,
                    jsonb_array_elements_text(CASE WHEN jsonb_typeof(intent_analysis->'topics') = 'array'
                                                   THEN intent_analysis->'topics' ELSE '[]'::jsonb END) AS topic
                    GROUP BY 2
                """,
            binds: rawBinds(segments: segments, undated: undated, filters: filters, zone: zone)
        )
        try await readDistributions(distributions, into: &sums, on: connection, logger: logger)
        return sums
    }

    /// One row of `Sums` columns (see `RollupSQL.sums`, plus the webhook message count).
    static func readSums(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> Sums {
        var sums = Sums()
        for try await row in try await connection.query(query, logger: logger)
            .decode((Int64, Int64, Int64, Int64, Double, Int64, Double, Int64, Double, Int64, Double, Int64).self)
        {
            sums.read(row)
        }
        return sums
    }

    /// Rows of (kind, key, count) added to the distributions.
    static func readDistributions(_ query: PostgresQuery, into sums: inout Sums, on connection: PostgresConnection, logger: Logger) async throws {
        for try await (kind, key, count) in try await connection.query(query, logger: logger).decode((String, String, Int64).self) {
            sums.add(kind: kind, key: key, count: Int(count))
        }
    }

    /// Distinct users of conversations started inside `segments` (and undated ones).
    static func rawUniqueUsers(segments: [(Date, Date)], undated: Bool, filters: Filters, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let query = PostgresQuery(
            unsafeSQL: "SELECT count(DISTINCT user_id)::int8 FROM (\(rawConversations)) c",
            binds: rawBinds(segments: segments, undated: undated, filters: filters, zone: nil)
        )
        var count = 0
        for try await n in try await connection.query(query, logger: logger).decode(Int64.self) { count = Int(n) }
        return count
    }

    /// The clean rollup hours of the plan, summed: whole clean days from the daily rows, the
    /// other hours of the rolled part from the hourly rows, read by time windows so that a
    /// long range touches only the hours outside its clean days.
    static func rolledSums(plan: RollupPlan, filters: Filters, zone: String, on connection: PostgresConnection, logger: Logger) async throws -> Sums {
        var sums = Sums()
        let cleanDays = plan.cleanDays.map(\.day)
        let gaps = plan.gaps
        let gapStarts = gaps.map(\.0)
        let gapEnds = gaps.map(\.1)
        // Every row carries its local hour-of-day counts: the daily rows keep them, an hourly
        // row is one hour.
        let rows: PostgresQuery = """
            SELECT conversations, saved, completed, message_count_n, message_count_sum, duration_n, duration_sum, first_response_n,
                first_response_sum, response_n, response_sum, webhook_messages, intents, sentiments, topics, platform, hours
            FROM analytics_daily
            WHERE day = ANY(ARRAY(SELECT unnest(\(cleanDays)::date[])))
              AND (\(filters.platform)::text IS NULL OR platform = \(filters.platform)) AND (\(filters.channel)::text IS NULL OR channel_id = \(filters.channel))
            UNION ALL
            SELECT conversations, saved, completed, message_count_n, message_count_sum, duration_n, duration_sum, first_response_n,
                first_response_sum, response_n, response_sum, webhook_messages, intents, sentiments, topics, platform,
                CASE WHEN hour = '-infinity' OR conversations = 0 THEN '{}'::jsonb
                     ELSE jsonb_build_object(extract(hour FROM hour AT TIME ZONE \(zone))::int::text, conversations) END
            FROM (
                SELECT h.* FROM unnest(\(gapStarts)::timestamptz[], \(gapEnds)::timestamptz[]) AS seg(s, e)
                CROSS JOIN LATERAL (SELECT * FROM analytics_hourly h WHERE h.hour >= seg.s AND h.hour < seg.e OFFSET 0) h
                WHERE h.hour <> ALL(ARRAY(SELECT unnest(\(plan.dirtyHours)::timestamptz[])))
                UNION ALL
                SELECT h.* FROM analytics_hourly h WHERE \(plan.rolledUndated) AND h.hour = '-infinity'
            ) h
            WHERE (\(filters.platform)::text IS NULL OR platform = \(filters.platform)) AND (\(filters.channel)::text IS NULL OR channel_id = \(filters.channel))
            """
        let scalar = PostgresQuery(
            unsafeSQL: """
                WITH r AS (\(rows.sql))
                SELECT COALESCE(sum(conversations), 0)::int8, COALESCE(sum(saved), 0)::int8, COALESCE(sum(completed), 0)::int8,
                    COALESCE(sum(message_count_n), 0)::int8, COALESCE(sum(message_count_sum), 0)::float8,
                    COALESCE(sum(duration_n), 0)::int8, COALESCE(sum(duration_sum), 0)::float8,
                    COALESCE(sum(first_response_n), 0)::int8, COALESCE(sum(first_response_sum), 0)::float8,
                    COALESCE(sum(response_n), 0)::int8, COALESCE(sum(response_sum), 0)::float8, COALESCE(sum(webhook_messages), 0)::int8
                FROM r
                """,
            binds: rows.binds
        )
        sums = try await readSums(scalar, on: connection, logger: logger)
        guard sums.conversations > 0 else { return sums }
        let distributions = PostgresQuery(
            unsafeSQL: """
                WITH r AS (\(rows.sql))
                SELECT kind, key, sum(n)::int8 FROM (
                    SELECT 'intent' AS kind, e.key, e.value::int8 AS n FROM r, jsonb_each_text(r.intents) AS e
                    UNION ALL SELECT 'sentiment', e.key, e.value::int8 FROM r, jsonb_each_text(r.sentiments) AS e
                    UNION ALL SELECT 'topic', e.key, e.value::int8 FROM r, jsonb_each_text(r.topics) AS e
                    UNION ALL SELECT 'hour', e.key, e.value::int8 FROM r, jsonb_each_text(r.hours) AS e
                    UNION ALL SELECT 'platform', platform, conversations FROM r WHERE conversations > 0
                ) x GROUP BY 1, 2
                """,
            binds: rows.binds
        )
        try await readDistributions(distributions, into: &sums, on: connection, logger: logger)
        return sums
    }

    /// Distinct users: the OR of the clean days' bitmaps, plus users of the rest of the range
    /// (read raw) whose bit is not set in it.
    static func uniqueUsers(
        plan: RollupPlan, lower: Date, upper: Date, open: Bool, filters: Filters, zone: String, on connection: PostgresConnection, logger: Logger
    ) async throws -> Int {
        var days = plan.cleanDays.map(\.day)
        let undatedFromBitmap = open && plan.rolledUndated
        if undatedFromBitmap { days.append("-infinity") }
        // The rest of [lower, upper), read raw.
        let rest = RollupPlan.complement(of: plan.cleanDays.map { ($0.start, $0.end) }, in: lower, upper)
        let starts = rest.map(\.0)
        let ends = rest.map(\.1)
        let rawUndated = open && !plan.rolledUndated
        // The clean days' bitmaps, ORed here (PostgreSQL's bit strings are slow to OR).
        var union: [UInt64] = []
        let bitmaps = try await connection.query(
            """
            SELECT users FROM analytics_daily_users WHERE day = ANY(ARRAY(SELECT unnest(\(days)::date[])))
              AND CASE WHEN \(filters.platform)::text IS NULL AND \(filters.channel)::text IS NULL THEN platform = ''
                       ELSE platform <> '' AND (\(filters.platform)::text IS NULL OR platform = \(filters.platform))
                            AND (\(filters.channel)::text IS NULL OR channel_id = \(filters.channel)) END
            """,
            logger: logger
        )
        for try await bytes in bitmaps.decode(ByteBuffer.self) {
            UserBitmap.or(bytes, into: &union)
        }
        var count = union.reduce(0) { $0 + $1.nonzeroBitCount }
        // Users of the rest of the range whose bit is not set.
        let raw = try await connection.query(
            """
            SELECT DISTINCT r.user_id, n.number FROM (
                SELECT c.user_id FROM unnest(\(starts)::timestamptz[], \(ends)::timestamptz[]) AS seg(s, e)
                CROSS JOIN LATERAL (SELECT c.user_id FROM conversations c WHERE c.started_at >= seg.s AND c.started_at < seg.e
                    AND (\(filters.platform)::text IS NULL OR c.platform = \(filters.platform)) AND (\(filters.channel)::text IS NULL OR c.channel_id = \(filters.channel)) OFFSET 0) c
                UNION ALL
                SELECT c.user_id FROM conversations c WHERE \(rawUndated) AND c.started_at IS NULL
                  AND (\(filters.platform)::text IS NULL OR c.platform = \(filters.platform)) AND (\(filters.channel)::text IS NULL OR c.channel_id = \(filters.channel))
            ) r LEFT JOIN analytics_user_numbers n USING (user_id)
            """,
            logger: logger
        )
        for try await (_, number) in raw.decode((String, Int32?).self) {
            if let number, UserBitmap.contains(union, Int(number)) { continue }
            count += 1
        }
        return count
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
                if let wanted = query.userID, DeadLetter.bodyField("user_id", in: fields) != wanted { continue }
                if let wanted = query.platform, DeadLetter.bodyField("platform", in: fields) != wanted { continue }
                if let wanted = query.channelID, DeadLetter.bodyField("channel_id", in: fields) != wanted { continue }
            }
            count += 1
        }
        return count
    }
}

/// Which part of a question the rollups answer and which the raw tables must: the range's
/// whole hours (in the analytics time zone) minus the hours still marked dirty go to the
/// rollups; the dirty hours and the partial hours at instant bounds go to the raw tables.
struct RollupPlan {
    /// Whole-hour bounds of the rolled part (distant past / future when open).
    var lower: Date
    var upper: Date
    var dirtyHours: [Date]
    /// Local days holding a dirty hour: their user bitmaps are not current.
    var dirtyDays: [String]
    /// Conversations without a start time (open ranges only): from the rollup or raw.
    var rolledUndated: Bool
    var rawUndated: Bool
    var rawSegments: [(Date, Date)]
    /// Local days inside the rolled part with no dirty hour, in order: read from the daily
    /// rows and the user bitmaps.
    var cleanDays: [(day: String, start: Date, end: Date)] = []

    /// The parts of the rolled part outside the clean days, in order: where hourly rows are read.
    var gaps: [(Date, Date)] { Self.complement(of: cleanDays.map { ($0.start, $0.end) }, in: lower, upper) }

    /// The parts of [lower, upper) that the ordered intervals `covered` leave out.
    static func complement(of covered: [(Date, Date)], in lower: Date, _ upper: Date) -> [(Date, Date)] {
        var rest: [(Date, Date)] = []
        var cursor = lower
        for (start, end) in covered {
            if start > cursor { rest.append((cursor, min(start, upper))) }
            cursor = max(cursor, end)
            if cursor >= upper { break }
        }
        if cursor < upper { rest.append((cursor, upper)) }
        return rest
    }

    /// Nil when the rollups cannot help: built for another time zone, or a range inside one hour.
    static func make(query: AnalyticsQuery, zone: String, on connection: PostgresConnection, logger: Logger) async throws -> RollupPlan? {
        var builtFor: String?
        for try await value in try await connection.query("SELECT value FROM analytics_state WHERE key = 'time_zone'", logger: logger).decode(String.self) {
            builtFor = value
        }
        guard builtFor == zone else { return nil }
        let dirtyRows = try await connection.query(
            """
            SELECT DISTINCT v.b, CASE WHEN v.b = '-infinity' THEN '' ELSE (v.b AT TIME ZONE \(zone))::date::text END
            FROM (SELECT DISTINCT hour FROM analytics_dirty) d,
                LATERAL (VALUES (CASE WHEN d.hour = '-infinity' THEN d.hour ELSE date_trunc('hour', d.hour, \(zone)) END),
                                (CASE WHEN d.hour = '-infinity' THEN d.hour ELSE date_trunc('hour', d.hour + interval '59 minutes 59.999 seconds', \(zone)) END)) AS v(b)
            """,
            logger: logger
        )
        var dirtyHours: [Date] = []
        var dirtyDays: Set<String> = []
        var undatedDirty = false
        for try await (hour, day) in dirtyRows.decode((Date, String).self) {
            if day.isEmpty { undatedDirty = true } else { dirtyHours.append(hour); dirtyDays.insert(day) }
        }
        let open = query.start == nil && query.end == nil
        var lower = Date.distantPast
        var upper = Date.distantFuture
        var segments: [(Date, Date)] = []
        if query.start != nil || query.end != nil {
            let bounds = try await connection.query(
                "SELECT date_trunc('hour', \(query.start ?? Date.distantPast), \(zone)), date_trunc('hour', \(query.end ?? Date.distantFuture), \(zone))",
                logger: logger
            )
            for try await (start, end) in bounds.decode((Date, Date).self) {
                if let given = query.start { lower = start < given ? start.addingTimeInterval(3600) : start }
                if query.end != nil { upper = end }
            }
            if query.start != nil, query.end != nil, lower >= upper { return nil }
            if let start = query.start, start < lower { segments.append((start, lower)) }
            if let end = query.end, upper < end { segments.append((upper, end)) }
        }
        for hour in dirtyHours where hour >= lower && hour < upper {
            segments.append((hour, hour.addingTimeInterval(3600)))
        }
        var plan = RollupPlan(
            lower: lower, upper: upper, dirtyHours: dirtyHours, dirtyDays: Array(dirtyDays),
            rolledUndated: open && !undatedDirty, rawUndated: open && undatedDirty, rawSegments: segments
        )
        let dayRows = try await connection.query(
            """
            SELECT day::text, start, finish FROM (
                SELECT day, (day::timestamp AT TIME ZONE \(zone)) AS start, ((day + 1)::timestamp AT TIME ZONE \(zone)) AS finish
                FROM analytics_daily WHERE day <> ALL(ARRAY(SELECT unnest(\(plan.dirtyDays)::date[])))
                GROUP BY day
                -- A row with conversations but no hours was written by a version before
                -- migration 5 (a rolling update): its day is read from the hourly rows.
                HAVING bool_and(conversations = 0 OR hours <> '{}'::jsonb)) d
            WHERE start >= \(lower) AND finish <= \(upper)
            ORDER BY start
            """,
            logger: logger
        )
        for try await (day, start, end) in dayRows.decode((String, Date, Date).self) {
            plan.cleanDays.append((day, start, end))
        }
        return plan
    }
}

/// The analytics computation for `talkhub bench-analytics` and tests: the total of the answer.
public enum GetConversationAnalyticsBench {
    public static func compute(_ query: AnalyticsQuery, timeZone: TimeZone, rollups: Bool = true, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        try await GetConversationAnalytics.compute(query, timeZone: timeZone, rollups: rollups, on: connection, logger: logger).total
    }
}
