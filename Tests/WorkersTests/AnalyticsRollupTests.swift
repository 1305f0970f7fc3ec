import Foundation
import Logging
import PostgresNIO
import Shared
import Testing
import TestSupport

@testable import Workers

@Suite("Analytics rollups", .serialized)
struct AnalyticsRollupTests {
    static let logger = Logger(label: "test.analytics")
    static let zone = TimeZone(identifier: "America/Sao_Paulo")!

    /// Every figure of two answers, doubles compared to a relative 1e-9.
    /// The rollup answer and the raw answer of one query, read in one snapshot: other suites
    /// write to the same database while this one runs, and a row landing between the two
    /// reads would otherwise look like a difference.
    static func bothAnswers(
        _ query: AnalyticsQuery, on connection: PostgresConnection
    ) async throws -> (GetConversationAnalytics.Figures, GetConversationAnalytics.Figures) {
        try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
        do {
            let rolled = try await GetConversationAnalytics.compute(query, timeZone: zone, rollups: true, on: connection, logger: logger)
            let raw = try await GetConversationAnalytics.compute(query, timeZone: zone, rollups: false, on: connection, logger: logger)
            try await connection.query("COMMIT", logger: logger)
            return (rolled, raw)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    static func same(_ a: GetConversationAnalytics.Figures, _ b: GetConversationAnalytics.Figures) -> String? {
        func close(_ x: Double?, _ y: Double?) -> Bool {
            switch (x, y) {
            case (nil, nil): return true
            case (let x?, let y?): return abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
            default: return false
            }
        }
        var differences: [String] = []
        if a.total != b.total { differences.append("total \(a.total) vs \(b.total)") }
        if a.uniqueUsers != b.uniqueUsers { differences.append("unique users \(a.uniqueUsers) vs \(b.uniqueUsers)") }
        if !close(a.avgMessages, b.avgMessages) { differences.append("avg messages") }
        if !close(a.completionRate, b.completionRate) { differences.append("completion") }
        if !close(a.avgDuration, b.avgDuration) { differences.append("duration") }
        if !close(a.avgFirstResponse, b.avgFirstResponse) { differences.append("first response") }
        if !close(a.avgResponse, b.avgResponse) { differences.append("response") }
        if a.intents != b.intents { differences.append("intents \(a.intents) vs \(b.intents)") }
        if a.sentiments != b.sentiments { differences.append("sentiments") }
        if a.platforms != b.platforms { differences.append("platforms \(a.platforms) vs \(b.platforms)") }
        if a.hours != b.hours { differences.append("hours") }
        if a.topics.map(\.0) != b.topics.map(\.0) || a.topics.map(\.1) != b.topics.map(\.1) { differences.append("topics \(a.topics) vs \(b.topics)") }
        if a.events != b.events { differences.append("events \(a.events) vs \(b.events)") }
        return differences.isEmpty ? nil : differences.joined(separator: "; ")
    }

    @Test("the rollup answer equals the answer computed from the raw tables, for random filters and ranges, with a dirty tail")
    func rollupEqualsRaw() async throws {
        try await TestServices.withPostgres { postgres in
            let rollup = AnalyticsRollup(postgres: postgres, redis: nil, timeZone: Self.zone.identifier, hoursPerTransaction: 48)
            var history = SyntheticHistory(conversations: 3_000, users: 400, days: 20, seed: 7)
            history.batchSize = 1_000
            try await history.load(into: postgres, logger: Self.logger)
            // Conversations without a start, and webhook messages (the error rate's denominator).
            let tag = UUID().uuidString.prefix(8)
            try await postgres.query(
                """
                INSERT INTO conversations (conversation_id, user_id, platform, intent_analysis, metadata)
                SELECT 'undated-' || \(String(tag)) || '-' || g, 'undated-user-' || (g % 3), 'uchat', '{"intent": "support", "sentiment": "neutral"}', '{"message_count": 2}'
                FROM generate_series(1, 5) g
                """,
                logger: Self.logger
            )
            try await postgres.query(
                """
                INSERT INTO messages (platform, platform_message_id, channel_id, user_id, session_id, role, text, sent_at)
                SELECT 'whatsapp', 'rollup-' || \(String(tag)) || '-' || g, '106540352242922', 'whatsapp:5511999990000', 'rollup-session', 'user', 'oi',
                       now() - make_interval(mins => g * 37)
                FROM generate_series(1, 200) g
                """,
                logger: Self.logger
            )
            // Every mark present when the run starts is handled (other suites, writing to the
            // same database meanwhile, may add marks of their own).
            var before: Int64 = 0
            for try await n in try await postgres.query("SELECT COALESCE(max(id), 0)::int8 FROM analytics_dirty", logger: Self.logger).decode(Int64.self) {
                before = n
            }
            try await rollup.run(logger: Self.logger)
            var dirty = 0
            for try await n in try await postgres.query("SELECT count(*)::int8 FROM analytics_dirty WHERE id <= \(before)", logger: Self.logger).decode(Int64.self) {
                dirty = Int(n)
            }
            #expect(before > 0)
            #expect(dirty == 0)
            // A tail the rollups do not hold yet: new conversations in some hours, left dirty.
            var more = SyntheticHistory(conversations: 300, users: 400, days: 3, seed: 8)
            more.batchSize = 300
            try await more.load(into: postgres, logger: Self.logger)

            var random = SplitMix64(seed: 20_261_202)
            let formatter = { (date: Date) -> String in
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = Self.zone
                let parts = calendar.dateComponents([.year, .month, .day], from: date)
                return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            }
            let now = Date()
            var checked = 0
            try await postgres.withConnection { connection in
                for round in 0..<40 {
                    var arguments: [String: JSONValue] = [:]
                    switch random.below(4) {
                    case 0: arguments["platform"] = .string(["whatsapp", "telegram", "uchat"][random.below(3)])
                    case 1: arguments["channel_id"] = "106540352242922"
                    default: break
                    }
                    let first = now.addingTimeInterval(-Double(random.below(25 * 86_400)))
                    let second = first.addingTimeInterval(Double(random.below(12 * 86_400)))
                    switch round % 5 {
                    case 0: break  // the whole history
                    case 1: arguments["date_range"] = ["start": .string(formatter(first)), "end": .string(formatter(second))]
                    case 2: arguments["date_range"] = ["start": .string(RFC3339.format(first)), "end": .string(RFC3339.format(second))]
                    case 3: arguments["start"] = .string(RFC3339.format(first))
                    default: arguments["end"] = .string(formatter(second))
                    }
                    let query = try AnalyticsQuery(arguments: arguments, timeZone: Self.zone)
                    let (rolled, raw) = try await Self.bothAnswers(query, on: connection)
                    let difference = Self.same(rolled, raw)
                    #expect(difference == nil, "\(arguments.mapValues(\.jsonText)): \(difference ?? "")")
                    checked += 1
                }
            }
            #expect(checked == 40)
            // Once recomputed, the same holds with no tail; recomputing days of users who
            // have numbers already consumes no numbers (the bitmaps stay dense).
            let numbered = try await Self.userNumbers(postgres)
            try await rollup.run(logger: Self.logger)
            let renumbered = try await Self.userNumbers(postgres)
            #expect(renumbered.highest - numbered.highest == renumbered.count - numbered.count, "\(numbered) → \(renumbered)")
            let whole = try await postgres.withConnection { connection in
                try await Self.bothAnswers(AnalyticsQuery(), on: connection)
            }
            #expect(Self.same(whole.0, whole.1) == nil)
            #expect(whole.0.total >= 3_305)
            // A day row without its hours (as a version before migration 5 would write during a
            // rolling update) is read from the hourly rows instead.
            try await postgres.query("UPDATE analytics_daily SET hours = '{}' WHERE day = (SELECT max(day) FROM analytics_daily WHERE conversations > 0)", logger: Self.logger)
            let legacy = try await postgres.withConnection { connection in
                try await GetConversationAnalytics.compute(AnalyticsQuery(), timeZone: Self.zone, rollups: true, on: connection, logger: Self.logger)
            }
            #expect(Self.same(legacy, whole.1) == nil)
        }
    }

    @Test("a TRUNCATE of the raw tables reaches the rollups")
    func truncateReachesRollups() async throws {
        try await TestServices.withPostgres { postgres in
            let rollup = AnalyticsRollup(postgres: postgres, redis: nil, timeZone: Self.zone.identifier, hoursPerTransaction: 48)
            var history = SyntheticHistory(conversations: 500, users: 50, days: 5, seed: 11)
            history.batchSize = 500
            try await history.load(into: postgres, logger: Self.logger)
            try await rollup.run(logger: Self.logger)
            let before = try await postgres.withConnection { connection in
                try await GetConversationAnalytics.compute(AnalyticsQuery(), timeZone: Self.zone, rollups: true, on: connection, logger: Self.logger)
            }
            #expect(before.total >= 500)
            try await postgres.query("TRUNCATE conversations, messages, chat_sessions, user_profiles, idempotency_keys, pending_statuses", logger: Self.logger)
            try await rollup.run(logger: Self.logger)
            let after = try await postgres.withConnection { connection in
                try await GetConversationAnalytics.compute(AnalyticsQuery(), timeZone: Self.zone, rollups: true, on: connection, logger: Self.logger)
            }
            #expect(after.total == 0)
            #expect(after.hours.values.reduce(0, +) == 0)
        }
    }

    @Test("user bitmaps: the OR of stored bitmaps holds exactly the users of each", arguments: [1, 7, 8, 9, 64, 1_000, 4_099])
    func bitmapUnion(highest: Int) {
        var random = SplitMix64(seed: UInt64(highest))
        let sets = (0..<3).map { _ in Set((0..<(highest / 3 + 1)).map { _ in Int32(random.below(highest + 1)) }) }
        var union: [UInt64] = []
        for set in sets {
            let hex = Array(UserBitmap.hex(Array(set)).utf8)
            let bytes = stride(from: 0, to: hex.count, by: 2).map { UInt8(String(decoding: hex[$0..<($0 + 2)], as: UTF8.self), radix: 16)! }
            UserBitmap.or(ByteBuffer(bytes: bytes), into: &union)
        }
        let expected = sets.reduce(into: Set<Int32>()) { $0.formUnion($1) }
        #expect(union.reduce(0) { $0 + $1.nonzeroBitCount } == expected.count)
        #expect((0...(highest + 70)).allSatisfy { UserBitmap.contains(union, $0) == expected.contains(Int32($0)) })
    }

    /// The highest user number and how many numbers there are.
    static func userNumbers(_ postgres: PostgresClient) async throws -> (highest: Int, count: Int) {
        var result = (highest: -1, count: 0)
        let rows = try await postgres.query("SELECT COALESCE(max(number), -1)::int8, count(*)::int8 FROM analytics_user_numbers", logger: logger)
        for try await (highest, count) in rows.decode((Int64, Int64).self) { result = (Int(highest), Int(count)) }
        return result
    }

    @Test("an answer read back from the cache is the answer that was stored")
    func cacheRoundTrip() throws {
        var figures = GetConversationAnalytics.Figures()
        figures.total = 12
        figures.uniqueUsers = 5
        figures.avgMessages = 3.25
        figures.completionRate = 75
        figures.avgDuration = nil
        figures.avgFirstResponse = 4.5
        figures.avgResponse = 6
        figures.intents = ["support": 7, "thanks": 5]
        figures.sentiments = ["positive": 5, "negative": 4, "neutral": 3]
        figures.platforms = ["whatsapp": 12]
        figures.hours["9"] = 12
        figures.topics = [("entrega", 4), ("pix", 2)]
        figures.events = 40
        let back = try #require(GetConversationAnalytics.Figures(cached: try JSONValue.parse(figures.cacheText.utf8)))
        #expect(Self.same(figures, back) == nil)
        #expect(GetConversationAnalytics.Figures(cached: ["total": "x"]) == nil)
    }
}
