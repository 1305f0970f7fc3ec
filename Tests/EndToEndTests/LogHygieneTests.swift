import Foundation
import Testing
import TestSupport

@testable import Gateway
@testable import Shared

/// Runs a real gateway and worker at info level, feeds them secrets, tokens and message
/// bodies, and greps their logs: none of it may appear there.
@Suite("Logs hold no secret, token or message body at info level", .enabled(if: TestServices.available && TalkHubProcess.isAvailable))
struct LogHygieneTests {
    @Test("a gateway and a worker at info level: no secret, token or message body in their logs")
    func noSecretsInLogs() async throws {
        let fleet = try await ProcessFleet(name: "logs", extra: [
            "WEBHOOK_SECRET": "log-hygiene-webhook-secret", "WHATSAPP_APP_SECRET": "log-hygiene-whatsapp-secret",
            "TELEGRAM_SECRET_TOKEN": "log-hygiene-telegram-token", "METRICS_TOKEN": "log-hygiene-metrics-token",
        ])
        defer { Task { await fleet.stop() } }
        let configuration = fleet.configuration
        let port = fleet.port
        let base = "http://127.0.0.1:\(port)"
        let secretText = "meu cartão 4111 1111 1111 1111 e senha hunter2-\(UUID().uuidString.prefix(6))"
        // curl does the HTTP: a token, a wrong secret, a signed webhook, tool calls, a bad token.
        let token = try await Self.curl(["-s", "-X", "POST", "\(base)/api/v1/auth/token", "-H", "Content-Type: application/json",
                                         "-d", #"{"username":"ops","admin_secret":"\#(configuration.adminSecret)"}"#])
        let jwt = (try? JSONValue.parse(Array(token.utf8)))?["token"]?.stringValue ?? ""
        #expect(!jwt.isEmpty)
        _ = try await Self.curl(["-s", "-X", "POST", "\(base)/api/v1/auth/token", "-H", "Content-Type: application/json",
                                 "-d", #"{"username":"ops","admin_secret":"wrong-secret-guess-123"}"#])
        // Sent now: the retention suite, sharing the database, erases the text of old messages.
        let webhook = #"{"event_id":"e-\#(UUID())","event":"message","user_id":"log-user","platform":"uchat","message":{"id":"m-\#(UUID())","text":"\#(secretText)","direction":"in","timestamp":"\#(RFC3339.format(Date()))"}}"#
        _ = try await Self.curl(["-s", "-X", "POST", "\(base)/webhooks/uchat", "-H", "X-Webhook-Secret: log-hygiene-webhook-secret", "-d", webhook])
        _ = try await Self.curl(["-s", "-X", "POST", "\(base)/api/v1/mcp/save_conversation", "-H", "Authorization: Bearer \(jwt)", "-H", "Content-Type: application/json",
                                 "-d", #"{"session_id":"s-log","user_id":"log-user","messages":[{"role":"user","content":"\#(secretText)"}]}"#])
        _ = try await Self.curl(["-s", "\(base)/api/v1/mcp/tools", "-H", "Authorization: Bearer \(jwt)x"])
        _ = try await Self.curl(["-s", "\(base)/metrics", "-H", "Authorization: Bearer log-hygiene-metrics-token"])
        let stored = try await TestServices.withPostgres { postgres in
            try await TestServices.eventually(timeout: .seconds(20)) {
                var n = 0
                for try await c in try await postgres.query("SELECT count(*)::int FROM messages WHERE user_id = 'log-user' AND text LIKE '%hunter2%'", logger: TestServices.logger).decode(Int.self) { n = c }
                return n >= 2
            }
        }
        #expect(stored, "the traffic reached the worker")
        await fleet.stop()
        let logs = fleet.logs
        #expect(logs.contains("tool call answered") || logs.contains("listening"), "the logs are there")
        for (name, secret) in [
            ("admin secret", configuration.adminSecret), ("JWT secret", configuration.jwtSecret), ("token", jwt), ("webhook secret", "log-hygiene-webhook-secret"),
            ("metrics token", "log-hygiene-metrics-token"), ("wrong secret", "wrong-secret-guess-123"), ("message body", "hunter2"), ("card", "4111 1111"),
        ] {
            #expect(!logs.contains(secret), "\(name) found in the logs")
        }
        #expect(!logs.contains(String(jwt.split(separator: ".").last ?? "-")), "a token signature in the logs")
    }

    static func curl(_ arguments: [String]) async throws -> String {
        let (status, output) = try await Spawn.output("/usr/bin/curl", arguments, environment: ["PATH": "/usr/bin:/bin"], timeout: .seconds(30))
        #expect(status == 0, "curl \(arguments.first ?? ""): \(output)")
        return output
    }
}
