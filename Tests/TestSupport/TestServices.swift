import Foundation
import Logging
import PostgresNIO
import Shared

/// The real Redis and PostgreSQL that `scripts/test` starts. Tests that need them are enabled
/// only when `TALKHUB_TEST_REDIS_URL` / `TALKHUB_TEST_DATABASE_URL` are set, so a plain
/// `swift test` runs the pure tests and skips the rest.
public enum TestServices {
    public static var redisURL: String? { ProcessInfo.processInfo.environment["TALKHUB_TEST_REDIS_URL"] }
    public static var databaseURL: String? { ProcessInfo.processInfo.environment["TALKHUB_TEST_DATABASE_URL"] }
    public static var servicesScript: String? { ProcessInfo.processInfo.environment["TALKHUB_SERVICES_SCRIPT"] }
    public static var available: Bool { redisURL != nil && databaseURL != nil }

    public static let logger: Logger = {
        var logger = Logger(label: "talkhub.test")
        logger.logLevel = ProcessInfo.processInfo.environment["TEST_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .critical
        return logger
    }()

    /// A key prefix no other test uses.
    public static func uniquePrefix(_ name: String = "t") -> String {
        "test:\(name):\(UUID().uuidString.prefix(8).lowercased()):"
    }

    /// A full configuration against the test servers, with fixed test secrets.
    public static func configuration(prefix: String, overrides: [String: String] = [:]) throws -> TalkHubConfiguration {
        var values: [String: String] = [
            "TALKHUB_ENV": "development",
            "REDIS_URL": redisURL ?? "redis://127.0.0.1:6391",
            "DATABASE_URL": databaseURL ?? "postgres://talkhub:talkhub@127.0.0.1:5441/talkhub",
            "REDIS_KEY_PREFIX": prefix,
            "JWT_SECRET": "test-jwt-secret-0123456789abcdef0123456789",
            "ADMIN_SECRET": "test-admin-secret-0123456789abcdef012345",
            "WEBHOOK_SECRET": "test-webhook-secret",
            "WHATSAPP_APP_SECRET": "test-whatsapp-secret",
            "WHATSAPP_VERIFY_TOKEN": "test-verify-token",
            "TELEGRAM_SECRET_TOKEN": "test-telegram-token",
            "RATE_LIMIT_MAX": "1000000",
            "AUTH_FAIL_MAX": "1000000",
            "LOG_LEVEL": "critical",
        ]
        for (k, v) in overrides { values[k] = v }
        return try TalkHubConfiguration(environment: Environment(values))
    }

    /// Runs `body` with a running Redis client under a fresh prefix.
    public static func withRedis<Result: Sendable>(
        prefix: String = uniquePrefix(),
        poolSize: Int = 2,
        url: String? = nil,
        _ body: @Sendable (RedisClient) async throws -> Result
    ) async throws -> Result {
        let client = RedisClient(
            configuration: try RedisConfiguration(url: url ?? redisURL ?? "redis://127.0.0.1:6391", poolSize: poolSize),
            keys: RedisKeyspace(prefix: prefix),
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    /// Runs `body` with a running PostgreSQL client on a migrated schema.
    public static func withPostgres<Result: Sendable>(url: String? = nil, _ body: @Sendable (PostgresClient) async throws -> Result) async throws -> Result {
        let client = PostgresClient(
            configuration: try DatabaseConfiguration.client(url: url ?? databaseURL ?? "postgres://talkhub:talkhub@127.0.0.1:5441/talkhub", maximumConnections: 4),
            backgroundLogger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await Migrator().migrate(client: client, logger: logger)
            return try await body(client)
        }
    }

    /// Polls `condition` until it holds or `timeout` passes; never a fixed sleep.
    public static func eventually(
        timeout: Duration = .seconds(10),
        every interval: Duration = .milliseconds(50),
        _ condition: () async throws -> Bool
    ) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: interval)
        }
        return try await condition()
    }

    /// The path of a webhook fixture copied into `Tests/Fixtures`.
    public static func fixture(_ name: String, file: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: file)
        while url.lastPathComponent != "Tests" && url.path != "/" { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }
}
