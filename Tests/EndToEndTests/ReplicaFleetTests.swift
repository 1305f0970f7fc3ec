import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

@testable import Shared

/// Several processes of each kind on one Redis and one PostgreSQL, as Swarm replicas would
/// run: 2 gateways, 2 ingest workers and 2 tools workers. With 2 cores this shows that
/// replicas cooperate correctly, not that they scale: a shared rate limit, work taken over
/// from a killed worker, and no duplicates from redeliveries through different gateways.
@Suite("Replicas: 2 gateways and 4 workers cooperate", .enabled(if: TestServices.available && TalkHubProcess.isAvailable))
struct ReplicaFleetTests {
    /// Runs curl over a config of many transfers in parallel; returns each transfer's status.
    static func curlParallel(_ transfers: [(url: String, headers: [String], body: String?)]) async throws -> [Int] {
        var config = ""
        for (i, t) in transfers.enumerated() {
            if i > 0 { config += "next\n" }
            config += "url = \(JSONValue.string(t.url).jsonText)\n"
            for h in t.headers { config += "header = \(JSONValue.string(h).jsonText)\n" }
            if let body = t.body { config += "data-binary = \(JSONValue.string(body).jsonText)\n" }
            config += "output = \"/dev/null\"\nsilent\nwrite-out = \"%{http_code}\\n\"\n"
        }
        let path = NSTemporaryDirectory() + "talkhub-curl-\(UUID().uuidString).cfg"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (_, output) = try await Spawn.output("/usr/bin/curl", ["-s", "--no-progress-meter", "--parallel", "--parallel-max", "32", "-K", path], environment: [:], timeout: .seconds(300))
        // Status codes are three digits each; parallel transfers may interleave their lines.
        let digits = output.filter(\.isNumber)
        return stride(from: 0, to: digits.count - digits.count % 3, by: 3).compactMap { i in
            Int(String(digits.dropFirst(i).prefix(3)))
        }
    }

    @Test("shared rate limit across gateways, a killed worker's entries finished by another, every event and call stored once")
    func fleet() async throws {
        let prefix = TestServices.uniquePrefix("fleet")
        let configuration = try TestServices.configuration(prefix: prefix)
        let base: [String: String] = [
            "REDIS_URL": configuration.redisURL, "DATABASE_URL": configuration.databaseURL, "REDIS_KEY_PREFIX": prefix,
            "JWT_SECRET": configuration.jwtSecret, "ADMIN_SECRET": configuration.adminSecret, "WEBHOOK_SECRET": "fleet-secret",
            "RATE_LIMIT_MAX": "40", "RATE_LIMIT_WINDOW": "15", "VISIBILITY_TIMEOUT_S": "2", "LOG_LEVEL": "warning",
            "HOST": "127.0.0.1", "METRICS_PORT": "0",
        ]
        let ports = [try FreePort.find(), try FreePort.find()]
        var processes: [TalkHubProcess] = []
        defer { for p in processes { Task { await p.stop() } } }
        for (i, port) in ports.enumerated() {
            var env = base
            env["PORT"] = String(port)
            processes.append(try TalkHubProcess(["gateway"], environment: env, name: "fleet-gateway-\(i)-\(port)"))
        }
        let ingest = try (0..<2).map { i in try TalkHubProcess(["worker", "--role", "ingest", "--concurrency", "1", "--batch", "20"], environment: base, name: "fleet-ingest-\(i)-\(ports[0])") }
        let tools = try (0..<2).map { i in try TalkHubProcess(["worker", "--role", "tools", "--concurrency", "1"], environment: base, name: "fleet-tools-\(i)-\(ports[0])") }
        processes += ingest + tools
        for port in ports {
            let up = try await TestServices.eventually(timeout: .seconds(60), every: .milliseconds(100)) {
                (try await Spawn.output("/usr/bin/curl", ["-fsS", "http://127.0.0.1:\(port)/health/live"], environment: [:], timeout: .seconds(5))).status == 0
            }
            #expect(up)
        }

        // 1. One rate limit for both gateways: 60 requests of one subject, alternating, 40 pass.
        let limited = try await ToolClient.token(configuration, subject: "fleet-rl")
        let statuses = try await Self.curlParallel((0..<60).map { i in
            ("http://127.0.0.1:\(ports[i % 2])/api/v1/mcp/tools", ["Authorization: Bearer \(limited)"], nil)
        })
        #expect(statuses.filter { $0 == 200 }.count == 40, "\(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")
        #expect(statuses.filter { $0 == 429 }.count == 20)

        // 2. 1,500 webhook events, each delivered through both gateways; an ingest worker is
        // killed midway and the other takes over its entries.
        let run = UUID().uuidString.prefix(8)
        let events = (0..<1500).map { i in
            #"{"event_id":"f-\#(run)-\#(i)","event":"message","user_id":"fleet-\#(run)-\#(i % 50)","platform":"uchat","message":{"id":"fm-\#(run)-\#(i)","text":"mensagem \#(i)","direction":"in","timestamp":"2025-05-01T10:00:00Z"}}"#
        }
        let deliveries = events.flatMap { body in ports.map { ("http://127.0.0.1:\($0)/webhooks/uchat", ["X-Webhook-Secret: fleet-secret"], Optional(body)) } }
        let sending = Task { try await Self.curlParallel(deliveries) }
        try await TestServices.withPostgres { postgres in
            _ = try await TestServices.eventually(timeout: .seconds(60), every: .milliseconds(50)) {
                try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id LIKE \("fleet-\(run)-%")") >= 200
            }
            ingest[0].signal(SIGKILL)
            let accepted = try await sending.value
            #expect(accepted.count == 3000 && accepted.allSatisfy { $0 == 200 }, "\(accepted.count): \(Dictionary(grouping: accepted, by: { $0 }).mapValues(\.count))")
            let all = try await TestServices.eventually(timeout: .seconds(90), every: .milliseconds(200)) {
                try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id LIKE \("fleet-\(run)-%")") == 1500
            }
            #expect(all, "every event stored")
            #expect(try await postgres.count("SELECT count(DISTINCT platform_message_id)::int FROM messages WHERE user_id LIKE \("fleet-\(run)-%")") == 1500)
            #expect(try await postgres.count("SELECT count(*)::int FROM user_profiles WHERE user_id LIKE \("fleet-\(run)-%")") == 50)
            #expect(try await postgres.count("SELECT sum((interaction_stats->>'total_messages')::int)::int FROM user_profiles WHERE user_id LIKE \("fleet-\(run)-%")") == 1500)
            #expect(try await postgres.count("SELECT count(*)::int FROM chat_sessions WHERE user_id LIKE \("fleet-\(run)-%") AND status = 'active'") == 50)

            // 3. Tool calls replayed through the other gateway write once.
            let flow = try await ToolClient.token(configuration, subject: "fleet-flow")
            let calls = (0..<15).flatMap { i in ports.map { port in
                ("http://127.0.0.1:\(port)/api/v1/mcp/save_conversation",
                 ["Authorization: Bearer \(flow)", "Content-Type: application/json", "Idempotency-Key: fleet-\(run)-\(i)"],
                 Optional(#"{"session_id":"fleet-s-\#(run)-\#(i)","user_id":"fleet-tool-\#(run)","messages":[{"role":"user","content":"oi \#(i)"}]}"#))
            } }
            let answered = try await Self.curlParallel(calls)
            #expect(answered.count == 30 && answered.allSatisfy { $0 == 201 }, "\(answered)")
            #expect(try await postgres.count("SELECT count(*)::int FROM conversations WHERE user_id = \("fleet-tool-\(run)")") == 15)
        }
    }
}
