import Foundation
import Shared

/// A real gateway process and worker process on the test servers, on a port of their own and
/// a key prefix of their own: for tests that need real HTTP (external clients, logs, fuzzing).
public final class ProcessFleet: Sendable {
    public let configuration: TalkHubConfiguration
    public let port: Int
    public let gateway: TalkHubProcess
    public let worker: TalkHubProcess
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts both and waits until the gateway answers. `extra` adds or overrides settings.
    public init(name: String, workerArguments: [String] = ["--role", "all", "--concurrency", "1"], extra: [String: String] = [:]) async throws {
        let prefix = TestServices.uniquePrefix(name)
        port = try FreePort.find()
        configuration = try TestServices.configuration(prefix: prefix)
        var env: [String: String] = [
            "REDIS_URL": configuration.redisURL, "DATABASE_URL": configuration.databaseURL, "REDIS_KEY_PREFIX": prefix,
            "JWT_SECRET": configuration.jwtSecret, "ADMIN_SECRET": configuration.adminSecret,
            "RATE_LIMIT_MAX": "100000000", "AUTH_FAIL_MAX": "100000000", "LOG_LEVEL": "info", "HOST": "127.0.0.1",
            "PORT": String(port), "METRICS_PORT": "0",
        ]
        for (key, value) in extra { env[key] = value }
        gateway = try TalkHubProcess(["gateway"], environment: env, name: "\(name)-gateway-\(port)")
        worker = try TalkHubProcess(["worker"] + workerArguments, environment: env, name: "\(name)-worker-\(port)")
        let gateway = self.gateway
        let live = "http://127.0.0.1:\(port)/health/live"
        // Asked over HTTP, not read from the log: the log level may hide the start message.
        let listening = try await TestServices.eventually(timeout: .seconds(60), every: .milliseconds(100)) {
            (try await Spawn.output("/usr/bin/curl", ["-fsS", "-o", "/dev/null", live], environment: [:], timeout: .seconds(5))).status == 0
        }
        guard listening else {
            await stop()
            throw Spawn.Failure(description: "the gateway did not start; see \(gateway.logFile.path)")
        }
    }

    public func stop() async {
        await gateway.stop()
        await worker.stop()
    }

    /// Both processes' logs.
    public var logs: String {
        ((try? String(contentsOf: gateway.logFile, encoding: .utf8)) ?? "") + ((try? String(contentsOf: worker.logFile, encoding: .utf8)) ?? "")
    }
}
