import Foundation
import Logging
import PostgresNIO
import Shared
import Testing
import TestSupport

@testable import Workers

@Suite("End to end: analytics rollups under a leader that dies", .serialized)
struct AnalyticsLeaderTests {
    static let logger = Logger(label: "test.analytics-leader")

    static func dirtyCount(_ postgres: PostgresClient) async throws -> Int {
        var count = 0
        for try await n in try await postgres.query("SELECT count(DISTINCT hour)::int8 FROM analytics_dirty", logger: logger).decode(Int64.self) {
            count = Int(n)
        }
        return count
    }

    @Test("the leader is SIGKILLed mid-recomputation: another background worker takes over and the rollups end equal to the raw tables")
    func leaderKilled() async throws {
        guard TalkHubProcess.isAvailable else { return }
        let prefix = TestServices.uniquePrefix("leader")
        let configuration = try TestServices.configuration(prefix: prefix)
        let zone = TimeZone(identifier: configuration.analyticsTimeZone)!
        let env: [String: String] = [
            "REDIS_URL": configuration.redisURL, "DATABASE_URL": configuration.databaseURL, "REDIS_KEY_PREFIX": prefix,
            "JWT_SECRET": configuration.jwtSecret, "ADMIN_SECRET": configuration.adminSecret, "LOG_LEVEL": "info", "METRICS_PORT": "0",
            "ANALYTICS_TZ": zone.identifier,
        ]
        try await TestServices.withPostgres { postgres in
            // Bring the rollups up to date first, so what follows is this test's own work.
            try await AnalyticsRollup(postgres: postgres, redis: nil, timeZone: zone.identifier).run(logger: Self.logger)
            var history = SyntheticHistory(conversations: 6_000, users: 500, days: 45, seed: 11)
            history.batchSize = 2_000
            try await history.load(into: postgres, logger: Self.logger)
            let initial = try await Self.dirtyCount(postgres)
            #expect(initial > 500)

            let first = try TalkHubProcess(["worker", "--role", "background"], environment: env, name: "leader-a-\(prefix)")
            var second: TalkHubProcess?
            defer {
                Task { await first.stop() }
                if let second { Task { await second.stop() } }
            }
            // The first worker is the only one, so it leads; wait until it is part-way.
            let started = try await TestServices.eventually(timeout: .seconds(60), every: .milliseconds(20)) {
                try await Self.dirtyCount(postgres) < initial - 24
            }
            #expect(started)
            second = try TalkHubProcess(["worker", "--role", "background"], environment: env, name: "leader-b-\(prefix)")
            try await Task.sleep(for: .milliseconds(300))
            let atKill = try await Self.dirtyCount(postgres)
            first.signal(SIGKILL)
            _ = try await first.waitForExit(timeout: .seconds(5))
            #expect(atKill > 0, "the recomputation should still be running when its leader dies")

            // The second takes the lock once it expires (10 s) and finishes the work.
            let finished = try await TestServices.eventually(timeout: .seconds(120), every: .milliseconds(200)) {
                try await Self.dirtyCount(postgres) == 0
            }
            #expect(finished)
            #expect(second?.isRunning == true)

            try await postgres.withConnection { connection in
                let questions: [AnalyticsQuery] = [
                    AnalyticsQuery(),
                    AnalyticsQuery(platform: "whatsapp"),
                    AnalyticsQuery(start: Date().addingTimeInterval(-30 * 86_400), end: Date()),
                ]
                for query in questions {
                    let rolled = try await GetConversationAnalytics.compute(query, timeZone: zone, rollups: true, on: connection, logger: Self.logger)
                    let raw = try await GetConversationAnalytics.compute(query, timeZone: zone, rollups: false, on: connection, logger: Self.logger)
                    #expect(rolled.total == raw.total)
                    #expect(rolled.uniqueUsers == raw.uniqueUsers)
                    #expect(rolled.intents == raw.intents)
                    #expect(rolled.hours == raw.hours)
                    #expect(rolled.platforms == raw.platforms)
                }
            }
        }
    }
}
