import ArgumentParser
import Foundation
import Logging
import PostgresNIO
import Shared
import Workers

/// `talkhub seed --conversations N --users M --days D`: synthetic history for load and
/// analytics tests (see `SyntheticHistory`).
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "seed", abstract: "Load synthetic conversation history.")

    @OptionGroup var common: CommonOptions
    @Option(help: "Conversations to add.") var conversations: Int = 10_000
    @Option(help: "Distinct users they belong to.") var users: Int = 2_000
    @Option(help: "Days of history, ending now.") var days: Int = 90
    @Option(help: "Random seed (the same seed gives the same shapes).") var seed: UInt64 = 20_261_202

    func run() async throws {
        guard conversations > 0, users > 0, days > 0 else { throw ValidationError("--conversations, --users and --days must be positive") }
        let configuration = try common.configuration()
        LoggingBootstrap.bootstrap(level: configuration.logLevel)
        let logger = Logger(label: "talkhub.seed")
        try await MigrateCommand.migrate(configuration: configuration, logger: logger)
        let history = SyntheticHistory(conversations: conversations, users: users, days: days, seed: seed)
        let clock = ContinuousClock()
        let started = clock.now
        let written = try await withPostgres(configuration: configuration, logger: logger) { postgres in
            try await history.load(into: postgres, logger: logger)
        }
        let seconds = (clock.now - started).seconds
        print(#"{"conversations": \#(written), "users": \#(users), "days": \#(days), "seconds": \#(String(format: "%.1f", seconds)), "per_second": \#(Int(Double(written) / max(seconds, 0.001)))}"#)
    }
}

/// `talkhub bench-analytics`: brings the rollups up to date (as the background leader
/// would), vacuums and analyses the database (as autovacuum would after a bulk load), then
/// times `get_conversation_analytics` over the whole range and the last 30
/// days, computed afresh each time (no answer cache), and prints the medians as JSON.
struct BenchAnalyticsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-analytics", abstract: "Time analytics answers.")

    @OptionGroup var common: CommonOptions
    @Option(help: "Timed runs of each question.") var runs: Int = 15

    func run() async throws {
        let configuration = try common.configuration()
        LoggingBootstrap.bootstrap(level: configuration.logLevel)
        let logger = Logger(label: "talkhub.bench")
        let zone = TimeZone(identifier: configuration.analyticsTimeZone) ?? .gmt
        let clock = ContinuousClock()
        let result = try await withPostgres(configuration: configuration, logger: logger) { postgres -> String in
            let rollup = AnalyticsRollup(postgres: postgres, redis: nil, timeZone: zone.identifier, hoursPerTransaction: 48)
            let rollupStart = clock.now
            try await rollup.run(logger: logger)
            let rollupSeconds = (clock.now - rollupStart).seconds
            // A bulk load (the seed, then the rollup) leaves pages without hint bits and the
            // visibility map unset, and autovacuum gets to them shortly after; timed straight
            // away, the first answers pay for that instead. Both sizes are timed after the
            // same pass, at rest.
            let settleStart = clock.now
            try await postgres.query("VACUUM (ANALYZE)", logger: logger)
            let settleSeconds = (clock.now - settleStart).seconds

            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let formatter = { (date: Date) -> String in
                let parts = calendar.dateComponents([.year, .month, .day], from: date)
                return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            }
            let today = Date()
            let last30 = try AnalyticsQuery(
                arguments: ["date_range": ["start": .string(formatter(today.addingTimeInterval(-29 * 86_400))), "end": .string(formatter(today))]],
                timeZone: zone
            )
            let questions: [(String, AnalyticsQuery)] = [("whole_range", AnalyticsQuery()), ("last_30_days", last30)]
            var medians: [String: Double] = [:]
            var totals: [String: Int] = [:]
            try await postgres.withConnection { connection in
                for (name, query) in questions {
                    var times: [Double] = []
                    for _ in 0..<max(runs, 1) {
                        let start = clock.now
                        let figures = try await GetConversationAnalyticsBench.compute(query, timeZone: zone, on: connection, logger: logger)
                        times.append((clock.now - start).seconds * 1000)
                        totals[name] = figures
                    }
                    times.sort()
                    medians[name] = times[times.count / 2]
                }
            }
            var conversations = 0
            for try await n in try await postgres.query("SELECT count(*)::int8 FROM conversations", logger: logger).decode(Int64.self) {
                conversations = Int(n)
            }
            return String(
                format: #"{"conversations": %d, "rollup_seconds": %.2f, "vacuum_seconds": %.2f, "whole_range_ms": %.3f, "last_30_days_ms": %.3f, "whole_range_total": %d, "last_30_days_total": %d, "runs": %d}"#,
                conversations, rollupSeconds, settleSeconds, medians["whole_range"]!, medians["last_30_days"]!, totals["whole_range"] ?? 0, totals["last_30_days"] ?? 0, runs
            )
        }
        print(result)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Runs `body` with a PostgreSQL client that lives as long as it does. `body` starts once the
/// client's `run()` task has begun, so no lease comes before it (postgres-nio warns of that).
func withPostgres<T: Sendable>(
    configuration: TalkHubConfiguration, maximumConnections: Int = 4, logger: Logger, _ body: (PostgresClient) async throws -> T
) async throws -> T {
    let client = PostgresClient(
        configuration: try DatabaseConfiguration.client(url: configuration.databaseURL, maximumConnections: maximumConnections), backgroundLogger: logger
    )
    return try await withThrowingTaskGroup(of: T?.self) { group in
        let (started, signal) = AsyncStream<Void>.makeStream()
        group.addTask {
            signal.finish()
            await client.run()
            return nil
        }
        defer { group.cancelAll() }
        for await _ in started {}
        return try await body(client)
    }
}
