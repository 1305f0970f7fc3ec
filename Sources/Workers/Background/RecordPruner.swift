import Logging
import PostgresNIO

/// Drops records past their keeping time: idempotency records after 24 hours (API.md,
/// Replays) and delivery statuses whose message never came after their 7 days.
public struct RecordPruner: BackgroundJob {
    let postgres: PostgresClient
    public var interval: Duration

    public init(postgres: PostgresClient, interval: Duration = .seconds(300)) {
        self.postgres = postgres
        self.interval = interval
    }

    public var name: String { "record-pruner" }

    public func run(logger: Logger) async throws {
        try await postgres.query("DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'", logger: logger)
        try await postgres.query("DELETE FROM pending_statuses WHERE expires_at < now()", logger: logger)
    }
}
