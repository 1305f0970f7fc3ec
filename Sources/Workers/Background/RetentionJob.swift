import Foundation
import Logging
import PostgresNIO

/// `RETENTION_DAYS`: message text older than that is erased, daily, keeping the analysis
/// labels and counts (the rows stay, their `text` becomes NULL; saved conversations keep each
/// message's role and time, not its content). Works in batches so no transaction grows large.
public struct RetentionJob: BackgroundJob {
    let postgres: PostgresClient
    let days: Int
    public var interval: Duration
    let batchSize: Int

    public init(postgres: PostgresClient, days: Int, interval: Duration = .seconds(86_400), batchSize: Int = 5_000) {
        self.postgres = postgres
        self.days = days
        self.interval = interval
        self.batchSize = batchSize
    }

    public var name: String { "retention" }

    public func run(logger: Logger) async throws {
        let cutoff = Date().addingTimeInterval(-Double(days) * 86_400)
        var messages = 0
        var conversations = 0
        while true {
            let n = try await count(
                """
                UPDATE messages SET text = NULL WHERE id IN (
                    SELECT id FROM messages WHERE text IS NOT NULL AND sent_at < \(cutoff) LIMIT \(batchSize))
                RETURNING 1
                """,
                logger: logger
            )
            messages += n
            if n < batchSize { break }
        }
        while true {
            let n = try await count(
                """
                UPDATE conversations SET messages = (SELECT jsonb_agg(m - 'content') FROM jsonb_array_elements(messages) AS m)
                WHERE id IN (
                    SELECT id FROM conversations WHERE started_at < \(cutoff) AND jsonb_path_exists(messages, '$[*].content') LIMIT \(batchSize))
                RETURNING 1
                """,
                logger: logger
            )
            conversations += n
            if n < batchSize { break }
        }
        if messages + conversations > 0 {
            logger.info("retention erased old message text", metadata: ["retention.messages": "\(messages)", "retention.conversations": "\(conversations)"])
        }
    }

    private func count(_ query: PostgresQuery, logger: Logger) async throws -> Int {
        var n = 0
        for try await _ in try await postgres.query(query, logger: logger).decode(Int.self) { n += 1 }
        return n
    }
}
