import Foundation
import Logging
import PostgresNIO
import Shared

/// Keeps the hourly analytics rollups (migration 4) equal to the raw tables. Runs under the
/// background leader lock, every second: it takes up to `hoursPerTransaction` dirty hours,
/// recomputes those hours and the unique-user bitmaps of their days, and deletes their dirty
/// marks, all in one transaction. A leader that dies mid-way rolls back, so its marks stay
/// and the next leader redoes the work; a write that commits while a hour is recomputed
/// leaves a new mark behind and that hour is done again.
///
/// After every transaction that changed something it moves the Redis answer generation, so
/// cached analytics answers (computed from the rollups it replaced) are no longer read.
public struct AnalyticsRollup: BackgroundJob {
    let postgres: PostgresClient
    let redis: RedisClient?
    let timeZone: String
    let hoursPerTransaction: Int
    public var interval: Duration

    public init(postgres: PostgresClient, redis: RedisClient?, timeZone: String, hoursPerTransaction: Int = 24, interval: Duration = .seconds(1)) {
        self.postgres = postgres
        self.redis = redis
        self.timeZone = timeZone
        self.hoursPerTransaction = hoursPerTransaction
        self.interval = interval
    }

    public var name: String { "analytics-rollup" }

    public func run(logger: Logger) async throws {
        try await adoptTimeZone(logger: logger)
        var cleared = 0
        while !Task.isCancelled {
            let done = try await recomputeBatch(logger: logger)
            if done == 0 { break }
            cleared += done
            if let redis { _ = try? await redis.send(INCR(redis.keys.analyticsGeneration)) }
        }
        // After a large catch-up the marks table is mostly dead rows, which every answer's
        // look at it would otherwise wade through until autovacuum came by.
        if cleared > 10_000 {
            try await postgres.query("VACUUM analytics_dirty", logger: logger)
        }
    }

    /// When `ANALYTICS_TZ` differs from the zone the rollups were built in, drops them and
    /// marks all history dirty, in one transaction (readers fall back to the raw tables
    /// while the zones differ).
    func adoptTimeZone(logger: Logger) async throws {
        let zone = timeZone
        try await postgres.withTransaction(logger: logger) { connection in
            let rows = try await connection.query("SELECT value FROM analytics_state WHERE key = 'time_zone' FOR UPDATE", logger: logger)
            var current: String?
            for try await value in rows.decode(String.self) { current = value }
            guard current != zone else { return }
            logger.info("analytics rollups rebuilt for a new time zone", metadata: ["from": "\(current ?? "none")", "to": "\(zone)"])
            try await connection.query("UPDATE analytics_state SET value = \(zone) WHERE key = 'time_zone'", logger: logger)
            try await connection.query("TRUNCATE analytics_hourly, analytics_daily, analytics_daily_users, analytics_dirty", logger: logger)
            try await connection.query("INSERT INTO analytics_dirty (hour) SELECT DISTINCT analytics_bucket(started_at) FROM conversations", logger: logger)
            try await connection.query("INSERT INTO analytics_dirty (hour) SELECT DISTINCT analytics_bucket(sent_at) FROM messages", logger: logger)
        }
    }

    /// Recomputes up to `hoursPerTransaction` dirty hours; returns how many marks it cleared.
    @discardableResult
    public func recomputeBatch(logger: Logger) async throws -> Int {
        let zone = timeZone
        let limit = hoursPerTransaction
        return try await postgres.withTransaction(logger: logger) { connection -> Int in
            // The marks to handle, locked so a second recomputer (a stale leader) skips them.
            let marks = try await connection.query(
                """
                DELETE FROM analytics_dirty WHERE ctid IN (
                    SELECT ctid FROM analytics_dirty
                    WHERE hour IN (SELECT DISTINCT hour FROM analytics_dirty ORDER BY hour LIMIT \(limit))
                    FOR UPDATE SKIP LOCKED)
                RETURNING hour
                """,
                logger: logger
            )
            var cleared = 0
            var finite: Set<Date> = []
            var undated = false
            for try await hour in marks.decode(Date.self) {
                cleared += 1
                if hour.timeIntervalSince1970 < -1e11 { undated = true } else { finite.insert(hour) }
            }
            guard cleared > 0 else { return 0 }
            // A mark made under another zone may straddle two of this zone's hours.
            let marked = Array(finite)
            let bucketRows = try await connection.query(
                """
                SELECT DISTINCT b FROM unnest(\(marked)::timestamptz[]) AS m(h),
                    LATERAL (VALUES (date_trunc('hour', m.h, \(zone))), (date_trunc('hour', m.h + interval '59 minutes 59.999 seconds', \(zone)))) AS v(b)
                """,
                logger: logger
            )
            var hours: [Date] = []
            for try await hour in bucketRows.decode(Date.self) { hours.append(hour) }
            try await Self.recomputeHours(hours, undated: undated, zone: zone, on: connection, logger: logger)
            try await Self.recomputeDays(ofHours: hours, undated: undated, zone: zone, on: connection, logger: logger)
            return cleared
        }
    }

    /// Replaces the rollup rows of the given hours with sums over the raw tables.
    static func recomputeHours(_ hours: [Date], undated: Bool, zone: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            "DELETE FROM analytics_hourly WHERE hour = ANY(\(hours)::timestamptz[]) OR (\(undated) AND hour = '-infinity')",
            logger: logger
        )
        try await connection.query(
            """
            WITH c AS (
                SELECT b.hour, c.* FROM unnest(\(hours)::timestamptz[]) AS b(hour)
                CROSS JOIN LATERAL (SELECT * FROM conversations c WHERE c.started_at >= b.hour AND c.started_at < b.hour + interval '1 hour' OFFSET 0) c
                UNION ALL
                SELECT '-infinity'::timestamptz, c.* FROM conversations c WHERE \(undated) AND c.started_at IS NULL
            ),
            base AS (
                \(unescaped: RollupSQL.sums(source: "c", groupBy: "hour, platform, COALESCE(channel_id, '')"))
            ),
            intents AS (
                SELECT hour, platform, channel, jsonb_object_agg(k, n) AS m FROM (
                    SELECT hour, platform, COALESCE(channel_id, '') AS channel, COALESCE(intent_analysis->>'intent', 'other') AS k, count(*) AS n
                    FROM c GROUP BY 1, 2, 3, 4) x GROUP BY 1, 2, 3
            ),
            sentiments AS (
                SELECT hour, platform, channel, jsonb_object_agg(k, n) AS m FROM (
                    SELECT hour, platform, COALESCE(channel_id, '') AS channel, intent_analysis->>'sentiment' AS k, count(*) AS n
                    FROM c WHERE intent_analysis->>'sentiment' IN ('positive', 'negative', 'neutral') GROUP BY 1, 2, 3, 4) x GROUP BY 1, 2, 3
            ),
            topics AS (
                SELECT hour, platform, channel, jsonb_object_agg(k, n) AS m FROM (
                    SELECT hour, platform, COALESCE(channel_id, '') AS channel, topic AS k, count(*) AS n
                    FROM c, jsonb_array_elements_text(CASE WHEN jsonb_typeof(intent_analysis->'topics') = 'array'
                                                            THEN intent_analysis->'topics' ELSE '[]'::jsonb END) AS topic
                    GROUP BY 1, 2, 3, 4) x GROUP BY 1, 2, 3
            ),
            webhook AS (
                SELECT b.hour, m.platform, COALESCE(m.channel_id, '') AS channel, count(*) AS n
                FROM unnest(\(hours)::timestamptz[]) AS b(hour)
                CROSS JOIN LATERAL (SELECT * FROM messages m WHERE m.sent_at >= b.hour AND m.sent_at < b.hour + interval '1 hour' OFFSET 0) m
                WHERE m.conversation_id IS NULL OR m.conversation_id LIKE 'session:%'
                GROUP BY 1, 2, 3
            )
            INSERT INTO analytics_hourly (hour, platform, channel_id, conversations, saved, completed, message_count_n, message_count_sum,
                duration_n, duration_sum, first_response_n, first_response_sum, response_n, response_sum, webhook_messages,
                intents, sentiments, topics)
            SELECT k.hour, k.platform, k.channel, COALESCE(base.conversations, 0), COALESCE(base.saved, 0), COALESCE(base.completed, 0),
                COALESCE(base.message_count_n, 0), COALESCE(base.message_count_sum, 0), COALESCE(base.duration_n, 0), COALESCE(base.duration_sum, 0),
                COALESCE(base.first_response_n, 0), COALESCE(base.first_response_sum, 0), COALESCE(base.response_n, 0), COALESCE(base.response_sum, 0),
                COALESCE(webhook.n, 0), COALESCE(intents.m, '{}'), COALESCE(sentiments.m, '{}'), COALESCE(topics.m, '{}')
            FROM (SELECT hour, platform, channel FROM base UNION SELECT hour, platform, channel FROM webhook) AS k
            LEFT JOIN base USING (hour, platform, channel)
            LEFT JOIN webhook USING (hour, platform, channel)
            LEFT JOIN intents USING (hour, platform, channel)
            LEFT JOIN sentiments USING (hour, platform, channel)
            LEFT JOIN topics USING (hour, platform, channel)
            """,
            logger: logger
        )
    }

    /// Rebuilds the unique-user bitmaps of the local days that hold the given hours: one per
    /// platform and channel, and one of all users of the day (platform `''`), which is what
    /// unfiltered questions read.
    static func recomputeDays(ofHours hours: [Date], undated: Bool, zone: String, on connection: PostgresConnection, logger: Logger) async throws {
        let dayRows = try await connection.query(
            "SELECT DISTINCT (h AT TIME ZONE \(zone))::date::text FROM unnest(\(hours)::timestamptz[]) AS h",
            logger: logger
        )
        var days: [String] = []
        for try await day in dayRows.decode(String.self) { days.append(day) }
        if undated { days.append("-infinity") }
        guard !days.isEmpty else { return }
        // Conversations of those days, as (day, platform, channel, user); users get numbers first,
        // only the new ones: an insert that meets a conflict still consumes an identity value,
        // and numbers must stay dense for the bitmaps to stay small.
        let spans: PostgresQuery = """
            SELECT d.day, c.platform, COALESCE(c.channel_id, '') AS channel, c.user_id
            FROM unnest(\(days)::date[]) AS d(day)
            CROSS JOIN LATERAL (SELECT * FROM conversations c WHERE d.day <> '-infinity' AND c.started_at >= (d.day::timestamp AT TIME ZONE \(zone))
                AND c.started_at < ((d.day + 1)::timestamp AT TIME ZONE \(zone)) OFFSET 0) c
            UNION ALL
            SELECT '-infinity'::date, c.platform, COALESCE(c.channel_id, ''), c.user_id
            FROM conversations c WHERE \(undated) AND c.started_at IS NULL
            """
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO analytics_user_numbers (user_id)
                    SELECT DISTINCT user_id FROM (\(spans.sql)) s
                    WHERE NOT EXISTS (SELECT 1 FROM analytics_user_numbers n WHERE n.user_id = s.user_id)
                    ORDER BY 1 ON CONFLICT (user_id) DO NOTHING
                    """,
                binds: spans.binds
            ),
            logger: logger
        )
        try await connection.query("DELETE FROM analytics_daily_users WHERE day = ANY(\(days)::date[])", logger: logger)
        try await connection.query("DELETE FROM analytics_daily WHERE day = ANY(\(days)::date[])", logger: logger)
        try await connection.query(
            """
            WITH h AS (
                SELECT (hour AT TIME ZONE \(zone))::date AS day, * FROM analytics_hourly
                WHERE hour > '-infinity' AND (hour AT TIME ZONE \(zone))::date = ANY(\(days)::date[])
            )
            INSERT INTO analytics_daily (day, platform, channel_id, conversations, saved, completed, message_count_n, message_count_sum,
                duration_n, duration_sum, first_response_n, first_response_sum, response_n, response_sum, webhook_messages,
                intents, sentiments, topics, hours)
            SELECT day, platform, channel_id, sum(conversations), sum(saved), sum(completed), sum(message_count_n), sum(message_count_sum),
                sum(duration_n), sum(duration_sum), sum(first_response_n), sum(first_response_sum), sum(response_n), sum(response_sum),
                sum(webhook_messages),
                COALESCE((SELECT jsonb_object_agg(key, n) FROM (SELECT e.key, sum(e.value::int8) AS n FROM h AS x, jsonb_each_text(x.intents) e
                          WHERE x.day = g.day AND x.platform = g.platform AND x.channel_id = g.channel_id GROUP BY 1) i), '{}'),
                COALESCE((SELECT jsonb_object_agg(key, n) FROM (SELECT e.key, sum(e.value::int8) AS n FROM h AS x, jsonb_each_text(x.sentiments) e
                          WHERE x.day = g.day AND x.platform = g.platform AND x.channel_id = g.channel_id GROUP BY 1) i), '{}'),
                COALESCE((SELECT jsonb_object_agg(key, n) FROM (SELECT e.key, sum(e.value::int8) AS n FROM h AS x, jsonb_each_text(x.topics) e
                          WHERE x.day = g.day AND x.platform = g.platform AND x.channel_id = g.channel_id GROUP BY 1) i), '{}'),
                COALESCE((SELECT jsonb_object_agg(key, n) FROM (SELECT extract(hour FROM x.hour AT TIME ZONE \(zone))::int::text AS key, sum(x.conversations) AS n
                          FROM h AS x WHERE x.day = g.day AND x.platform = g.platform AND x.channel_id = g.channel_id AND x.conversations > 0
                          GROUP BY 1) i), '{}')
            FROM h AS g GROUP BY day, platform, channel_id
            """,
            logger: logger
        )
        let numbers = try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT s.day::text, COALESCE(s.platform, ''), COALESCE(s.channel, ''), array_agg(DISTINCT n.number)
                    FROM (\(spans.sql)) s JOIN analytics_user_numbers n USING (user_id)
                    GROUP BY GROUPING SETS ((s.day, s.platform, s.channel), (s.day))
                    """,
                binds: spans.binds
            ),
            logger: logger
        )
        var rowDays: [String] = []
        var platforms: [String] = []
        var channels: [String] = []
        var bitmaps: [String] = []
        for try await (day, platform, channel, users) in numbers.decode((String, String, String, [Int32]).self) {
            rowDays.append(day)
            platforms.append(platform)
            channels.append(channel)
            bitmaps.append(UserBitmap.hex(users))
        }
        guard !rowDays.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO analytics_daily_users (day, platform, channel_id, users)
            SELECT d::date, p, c, decode(u, 'hex') FROM unnest(\(rowDays)::text[], \(platforms)::text[], \(channels)::text[], \(bitmaps)::text[]) AS t(d, p, c, u)
            """,
            logger: logger
        )
    }
}

/// A set of user numbers as bytes: user n is bit (n % 8) of byte n / 8.
enum UserBitmap {
    /// The bitmap's bytes as hex text (for `decode(..., 'hex')`).
    static func hex(_ numbers: [Int32]) -> String {
        var bytes = [UInt8](repeating: 0, count: Int(numbers.max() ?? 0) / 8 + 1)
        for number in numbers where number >= 0 { bytes[Int(number) >> 3] |= 1 << UInt8(Int(number) & 7) }
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }

    /// ORs a stored bitmap into `union` (64 users per word).
    static func or(_ bytes: ByteBuffer, into union: inout [UInt64]) {
        bytes.withUnsafeReadableBytes { raw in
            let words = (raw.count + 7) / 8
            if union.count < words { union.append(contentsOf: repeatElement(0, count: words - union.count)) }
            union.withUnsafeMutableBufferPointer { union in
                // Whole words (little-endian, so byte i of a word is bits 8i...), then the tail.
                let whole = raw.count / 8
                for word in 0..<whole {
                    union[word] |= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self))
                }
                for index in (whole * 8)..<raw.count {
                    union[index >> 3] |= UInt64(raw[index]) << UInt64((index & 7) * 8)
                }
            }
        }
    }

    static func contains(_ union: [UInt64], _ number: Int) -> Bool {
        let word = number >> 6
        return word < union.count && union[word] & (1 << UInt64(number & 63)) != 0
    }
}

/// The sums both the rollup recomputation and the raw answer path compute per group.
enum RollupSQL {
    /// `keys`: the grouping columns (the channel as `channel`), or nil for one total row.
    static func sums(source: String, groupBy keys: String?) -> String {
        func numeric(_ key: String) -> String { "jsonb_typeof(metadata->'\(key)') = 'number'" }
        let select = keys.map { $0.replacingOccurrences(of: "COALESCE(channel_id, '')", with: "COALESCE(channel_id, '') AS channel") + "," } ?? ""
        let group = keys.map { "GROUP BY " + $0 } ?? ""
        return """
            SELECT \(select)
                count(*)::int8 AS conversations,
                count(*) FILTER (WHERE conversation_id NOT LIKE 'session:%')::int8 AS saved,
                count(*) FILTER (WHERE metadata->>'completion_status' = 'completed')::int8 AS completed,
                count(*) FILTER (WHERE \(numeric("message_count")))::int8 AS message_count_n,
                COALESCE(sum((metadata->>'message_count')::float8) FILTER (WHERE \(numeric("message_count"))), 0)::float8 AS message_count_sum,
                count(*) FILTER (WHERE \(numeric("duration_s")))::int8 AS duration_n,
                COALESCE(sum((metadata->>'duration_s')::float8) FILTER (WHERE \(numeric("duration_s"))), 0)::float8 AS duration_sum,
                count(*) FILTER (WHERE \(numeric("first_response_time_s")))::int8 AS first_response_n,
                COALESCE(sum((metadata->>'first_response_time_s')::float8) FILTER (WHERE \(numeric("first_response_time_s"))), 0)::float8 AS first_response_sum,
                count(*) FILTER (WHERE \(numeric("avg_response_time_s")))::int8 AS response_n,
                COALESCE(sum((metadata->>'avg_response_time_s')::float8) FILTER (WHERE \(numeric("avg_response_time_s"))), 0)::float8 AS response_sum
            FROM \(source) \(group)
            """
    }
}
