import Foundation
import Testing

/// A Redis and a PostgreSQL of their own (ports 6395 and 5445, data under `.data/test-chaos`)
/// for tests that stop or restart servers, so no other test sees the outage. Started by the
/// `ChaosServers.trait` around a suite, which must also be `.serialized`.
public enum ChaosServers {
    public static let redisPort = 6395
    public static let postgresPort = 5445
    public static var redisURL: String { "redis://127.0.0.1:\(redisPort)" }
    public static var databaseURL: String { "postgres://talkhub:talkhub@127.0.0.1:\(postgresPort)/talkhub" }

    public static var isAvailable: Bool {
        TestServices.servicesScript != nil && TalkHubProcess.isAvailable
    }

    /// Runs `scripts/services ACTION WHAT` on the chaos ports.
    public static func services(_ action: String, _ what: String = "all") async throws {
        guard let script = TestServices.servicesScript else { return }
        var env = ProcessInfo.processInfo.environment
        env["TALKHUB_DATA"] = TalkHubProcess.packageRoot.appendingPathComponent(".data/test-chaos").path
        env["REDIS_PORT"] = String(redisPort)
        env["PG_PORT"] = String(postgresPort)
        env["PG_FAST"] = "1"
        try await Spawn.run("/bin/bash", [script, action, what], environment: env)
    }

    /// Starts the servers before the suite and stops them after, whatever happens.
    public struct Scope: SuiteTrait, TestScoping {
        public var isRecursive: Bool { false }
        public func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
            // A clean slate: an AOF grown by earlier runs only slows the start.
            try await ChaosServers.services("reset")
            try await ChaosServers.services("start")
            do {
                try await function()
            } catch {
                try? await ChaosServers.services("stop")
                throw error
            }
            try await ChaosServers.services("stop")
        }
    }

    public static var trait: Scope { Scope() }

    /// The environment of a `talkhub` process against the chaos servers.
    public static func environment(prefix: String, _ overrides: [String: String] = [:]) -> [String: String] {
        var env: [String: String] = [
            "TALKHUB_ENV": "development",
            "REDIS_URL": redisURL,
            "DATABASE_URL": databaseURL,
            "REDIS_KEY_PREFIX": prefix,
            "JWT_SECRET": "test-jwt-secret-0123456789abcdef0123456789",
            "ADMIN_SECRET": "test-admin-secret-0123456789abcdef012345",
            "WEBHOOK_SECRET": "test-webhook-secret",
            "VISIBILITY_TIMEOUT_S": "2",
            "MAX_DELIVERIES": "5",
            "LOG_LEVEL": "info",
            // Several workers per test: each takes a free metrics port.
            "METRICS_PORT": "0",
        ]
        for (k, v) in overrides { env[k] = v }
        return env
    }
}
