import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing
import TestSupport
import Workers

@testable import Gateway
@testable import Shared

@Suite("End to end: WhatsApp and Telegram webhooks", .enabled(if: TestServices.available))
struct PlatformWebhookEndToEndTests {
    /// The fixture with every platform id made unique for this run (tests run again and in parallel).
    static func fixture(_ name: String, run: String) throws -> String {
        try String(contentsOf: TestServices.fixture(name), encoding: .utf8)
            .replacingOccurrences(of: "wamid.", with: "wamid.\(run).")
            .replacingOccurrences(of: "4382bfdwdsb323b2d9", with: "4382bfdwdsb323b2d9-\(run)")
            .replacingOccurrences(of: "5511987654321", with: "55119\(run.prefix(8).unicodeScalars.map { String($0.value % 10) }.joined())")
            .replacingOccurrences(of: "531234567", with: "9\(run.prefix(8).unicodeScalars.map { String($0.value % 10) }.joined())")
    }

    static func whatsapp(_ client: some TestClientProtocol, _ body: String, signature: String? = nil) async throws -> HTTPResponse.Status {
        let sig = signature ?? WebhookSignature.sign(body: Array(body.utf8), secret: "test-whatsapp-secret")
        return try await client.execute(uri: "/webhooks/whatsapp", method: .post, headers: [.xHubSignature256: sig], body: ByteBuffer(string: body)) { $0.status }
    }

    static func telegram(_ client: some TestClientProtocol, _ body: String, token: String = "test-telegram-token") async throws -> HTTPResponse.Status {
        try await client.execute(uri: "/telegram", method: .post, headers: [.xTelegramSecretToken: token], body: ByteBuffer(string: body)) { $0.status }
    }

    @Test("each fixture becomes rows, three deliveries store once; a status before its message still ends on it, forward only")
    func whatsappFixtures() async throws {
        let run = UUID().uuidString.prefix(8).lowercased()
        let harness = try E2EHarness()
        try await harness.run { client, postgres in
            let text = try Self.fixture("whatsapp_text.json", run: String(run))
            let interactive = try Self.fixture("whatsapp_interactive.json", run: String(run))
            for _ in 0..<3 {
                #expect(try await Self.whatsapp(client, text) == .ok)
                #expect(try await Self.whatsapp(client, interactive) == .ok)
            }
            #expect(try await Self.whatsapp(client, text, signature: WebhookSignature.sign(body: Array(text.utf8), secret: "wrong")) == .unauthorized)
            #expect(try await Self.whatsapp(client, text, signature: "") == .unauthorized)
            let reserialized = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(text.utf8)), options: [.sortedKeys])
            #expect(try await Self.whatsapp(client, text, signature: WebhookSignature.sign(body: Array(reserialized), secret: "test-whatsapp-secret")) == .unauthorized)
            #expect(try await harness.drained())
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE platform_message_id LIKE \("wamid.\(run).%")") == 3)
            #expect(try await postgres.count("SELECT count(DISTINCT session_id)::int FROM messages WHERE platform_message_id LIKE \("wamid.\(run).%")") == 1)
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE platform_message_id LIKE \("wamid.\(run).%") AND channel_id = '106540352242922'") == 3)

            // A status for an outbound message that is not stored yet waits, then applies.
            let status = try Self.fixture("whatsapp_status.json", run: String(run))
            #expect(try await Self.whatsapp(client, status) == .ok)
            let read = status.replacingOccurrences(of: "\"delivered\"", with: "\"read\"")
            let sent = status.replacingOccurrences(of: "\"delivered\"", with: "\"sent\"")
            #expect(try await Self.whatsapp(client, read) == .ok)
            #expect(try await harness.drained())
            let outboundID = "wamid.\(run).HBgNNTUxMTk4NzY1NDMyMRUCABEYEjdGMkU0QTdBNkQ4QjlDMEUxAA=="
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE platform_message_id = \(outboundID)") == 0)
            #expect(try await postgres.count("SELECT count(*)::int FROM pending_statuses WHERE platform_message_id = \(outboundID)") == 2)
            // The business's own message arrives (UChat, direction out) with that id.
            let out = #"{"event_id":"o1","user_id":"whatsapp:5511900000000","platform":"whatsapp","message":{"id":"\#(outboundID)","text":"Seu pedido saiu para entrega","direction":"out"}}"#
            let outStatus = try await client.execute(
                uri: "/webhooks/uchat", method: .post, headers: [.xWebhookSignature: WebhookSignature.sign(body: Array(out.utf8), secret: "test-webhook-secret")],
                body: ByteBuffer(string: out)
            ) { $0.status }
            #expect(outStatus == .ok)
            #expect(try await harness.drained())
            let rows = try await postgres.query("SELECT delivery_status FROM messages WHERE platform_message_id = \(outboundID)", logger: TestServices.logger)
            for try await s in rows.decode(String.self) { #expect(s == "read") }
            #expect(try await postgres.count("SELECT count(*)::int FROM pending_statuses WHERE platform_message_id = \(outboundID)") == 0)
            // A late "sent" does not move it back.
            #expect(try await Self.whatsapp(client, sent) == .ok)
            #expect(try await harness.drained())
            let again = try await postgres.query("SELECT delivery_status FROM messages WHERE platform_message_id = \(outboundID)", logger: TestServices.logger)
            for try await s in again.decode(String.self) { #expect(s == "read") }
        }
    }

    @Test("WhatsApp verification echoes the challenge only with the right token")
    func whatsappVerification() async throws {
        try await buildApplication(configuration: try TestServices.configuration(prefix: TestServices.uniquePrefix("wa")), logger: TestServices.logger).test(.router) { client in
            try await client.execute(uri: "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=12345", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "12345")
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            }
            try await client.execute(uri: "/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=12345", method: .get) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test("Telegram: message and callback stored once, an edit updates the text without a new row, a wrong token stores nothing")
    func telegramFlow() async throws {
        let run = UUID().uuidString.prefix(8).lowercased()
        let harness = try E2EHarness()
        try await harness.run { client, postgres in
            let message = try Self.fixture("telegram_message.json", run: String(run))
            let callback = try Self.fixture("telegram_callback.json", run: String(run))
            for _ in 0..<3 {
                #expect(try await Self.telegram(client, message) == .ok)
                #expect(try await Self.telegram(client, callback) == .ok)
            }
            #expect(try await Self.telegram(client, message, token: "wrong") == .unauthorized)
            #expect(try await harness.drained())
            let user = "telegram:9" + run.prefix(8).unicodeScalars.map { String($0.value % 10) }.joined()
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id = \(user)") == 2)
            let edit = message.replacingOccurrences(of: "\"message\":", with: "\"edited_message\":")
                .replacingOccurrences(of: "Quanto custa o plano anual? Quero assinar hoje.", with: "Quero cancelar o plano.")
            #expect(try await Self.telegram(client, edit) == .ok)
            #expect(try await harness.drained())
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id = \(user)") == 2)
            let rows = try await postgres.query("SELECT text, intent FROM messages WHERE user_id = \(user) AND type = 'text'", logger: TestServices.logger)
            for try await (text, intent) in rows.decode((String, String).self) {
                #expect(text == "Quero cancelar o plano.")
                #expect(intent == "cancellation")
            }
        }
    }
}

@Suite("End to end: ingest under load and backpressure", .enabled(if: TestServices.available))
struct IngestLoadEndToEndTests {
    static func uchat(user: String, id: String, text: String = "oi") -> String {
        #"{"event_id":"\#(id)","event":"message","user_id":"\#(user)","platform":"uchat","message":{"id":"\#(id)","text":"\#(text)"}}"#
    }

    static func post(_ client: some TestClientProtocol, _ body: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/webhooks/uchat", method: .post,
            headers: [.xWebhookSignature: WebhookSignature.sign(body: Array(body.utf8), secret: "test-webhook-secret")],
            body: ByteBuffer(string: body)
        ) { $0 }
    }

    @Test("200 messages from one user sent concurrently give one open session")
    func burstOpensOneSession() async throws {
        let user = "burst-\(UUID().uuidString.prefix(8))"
        let harness = try E2EHarness()
        try await harness.run(workers: WorkerOptions(role: .ingest, concurrency: 4, batchSize: 10)) { client, postgres in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for i in 0..<200 {
                    group.addTask { try await Self.post(client, Self.uchat(user: user, id: "\(user)-\(i)")).status }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .ok })
            #expect(try await harness.drained())
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id = \(user)") == 200)
            #expect(try await postgres.count("SELECT count(*)::int FROM chat_sessions WHERE user_id = \(user)") == 1)
            #expect(try await postgres.count("SELECT count(DISTINCT session_id)::int FROM messages WHERE user_id = \(user)") == 1)
            #expect(try await postgres.count("SELECT (interaction_stats->>'total_messages')::int FROM user_profiles WHERE user_id = \(user)") == 200)
        }
    }

    @Test("past INGEST_MAX_BACKLOG webhooks get 503 overloaded with Retry-After, and what was accepted is queued")
    func backpressure() async throws {
        let harness = try E2EHarness(overrides: ["INGEST_MAX_BACKLOG": "5"])
        let user = "bp-\(UUID().uuidString.prefix(8))"
        let (accepted, refused) = try await harness.run(workers: nil) { client, _ in
            var accepted = 0
            var refused: TestResponse?
            for i in 0..<400 where refused == nil {
                let response = try await Self.post(client, Self.uchat(user: user, id: "\(user)-\(i)"))
                if response.status == .ok { accepted += 1 } else if response.status == .serviceUnavailable { refused = response }
                try await Task.sleep(for: .milliseconds(10))
            }
            return (accepted, refused)
        }
        let response = try #require(refused, "the backlog limit never refused a delivery")
        #expect(response.headers[.retryAfter] != nil)
        #expect((try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["code"] as? String == "overloaded")
        #expect(accepted > 5)
        let queued = try await TestServices.withRedis(prefix: harness.configuration.redisKeyPrefix) { redis in try await redis.xlen(redis.keys.inbound) }
        #expect(queued == accepted)
    }
}

@Suite("End to end: idle sessions become conversations", .enabled(if: TestServices.available))
struct SessionCloserEndToEndTests {
    @Test("an idle session is closed into a conversation with its messages, analysis and timing")
    func idleSessionBecomesConversation() async throws {
        let user = "idle-\(UUID().uuidString.prefix(8))"
        let harness = try E2EHarness()
        try await harness.run { client, postgres in
            let script: [(String, String, String)] = [
                ("in", "Oi, meu pedido não chegou", "2025-06-01T12:00:00Z"),
                ("out", "Vou verificar o rastreio", "2025-06-01T12:00:30Z"),
                ("in", "obrigado!", "2025-06-01T12:01:00Z"),
            ]
            for (i, (direction, text, at)) in script.enumerated() {
                let body = #"{"event_id":"\#(user)-\#(i)","user_id":"\#(user)","platform":"uchat","message":{"id":"\#(user)-\#(i)","text":"\#(text)","direction":"\#(direction)","timestamp":"\#(at)"}}"#
                let status = try await IngestLoadEndToEndTests.post(client, body).status
                #expect(status == .ok)
            }
            #expect(try await harness.drained())
            try await postgres.query("UPDATE chat_sessions SET last_activity_at = now() - interval '2 hours' WHERE user_id = \(user)", logger: TestServices.logger)
            let closer = SessionCloser(postgres: postgres, idle: .seconds(3600))
            try await closer.run(logger: TestServices.logger)
            try await closer.run(logger: TestServices.logger)

            #expect(try await postgres.count("SELECT count(*)::int FROM chat_sessions WHERE user_id = \(user) AND status = 'closed'") == 1)
            #expect(try await postgres.count("SELECT count(*)::int FROM conversations WHERE user_id = \(user)") == 1)
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id = \(user) AND conversation_id LIKE 'session:%'") == 3)
            #expect(try await postgres.count("SELECT (interaction_stats->>'total_conversations')::int FROM user_profiles WHERE user_id = \(user)") == 1)
            let rows = try await postgres.query(
                "SELECT metadata::text, intent_analysis::text, jsonb_array_length(messages), started_at FROM conversations WHERE user_id = \(user)",
                logger: TestServices.logger
            )
            for try await (metadataText, analysisText, count, started) in rows.decode((String, String, Int, Date).self) {
                let metadata = try JSONValue.parse(Array(metadataText.utf8))
                #expect(metadata["message_count"] == .integer(3))
                #expect(metadata["first_response_time_s"]?.doubleValue == 30)
                #expect(metadata["duration_s"]?.doubleValue == 60)
                #expect(metadata["completion_status"] == .string("abandoned"))
                let analysis = try JSONValue.parse(Array(analysisText.utf8))
                #expect(analysis["per_message"]?.array?.count == 2)
                #expect(analysis["language"] == .string("pt"))
                #expect(count == 3)
                #expect(started == RFC3339.parse("2025-06-01T12:00:00Z"))
            }
            // A new message after the close opens a new session.
            let next = #"{"event_id":"\#(user)-9","user_id":"\#(user)","platform":"uchat","message":{"id":"\#(user)-9","text":"voltei"}}"#
            #expect(try await IngestLoadEndToEndTests.post(client, next).status == .ok)
            #expect(try await harness.drained())
            #expect(try await postgres.count("SELECT count(*)::int FROM chat_sessions WHERE user_id = \(user)") == 2)
            #expect(try await postgres.count("SELECT count(*)::int FROM chat_sessions WHERE user_id = \(user) AND status = 'active'") == 1)
        }
    }

    @Test("a session's last activity moves once a minute at most: a burst leaves it, a later message moves it")
    func sessionActivityResolution() async throws {
        let user = "burst-\(UUID().uuidString.prefix(8))"
        let harness = try E2EHarness()
        try await harness.run { client, postgres in
            func send(_ i: Int) async throws {
                let body = #"{"event_id":"\#(user)-\#(i)","user_id":"\#(user)","platform":"uchat","message":{"id":"\#(user)-\#(i)","text":"mensagem \#(i)"}}"#
                #expect(try await IngestLoadEndToEndTests.post(client, body).status == .ok)
                #expect(try await harness.drained())
            }
            func lastActivity() async throws -> (Date, Date)? {
                let rows = try await postgres.query(
                    "SELECT last_activity_at, updated_at FROM chat_sessions WHERE user_id = \(user) AND status = 'active'", logger: TestServices.logger
                )
                for try await row in rows.decode((Date, Date).self) { return row }
                return nil
            }
            try await send(0)
            let (opened, _) = try #require(try await lastActivity())
            try await send(1)
            try await send(2)
            let (burst, updated) = try #require(try await lastActivity())
            #expect(burst == opened)
            #expect(updated > opened)
            // A minute later (the clock moved back instead of waiting), the next message moves it.
            try await postgres.query("UPDATE chat_sessions SET last_activity_at = now() - interval '2 minutes' WHERE user_id = \(user)", logger: TestServices.logger)
            try await send(3)
            let (moved, _) = try #require(try await lastActivity())
            #expect(abs(moved.timeIntervalSinceNow) < 30)
            #expect(try await postgres.count("SELECT count(*)::int FROM chat_sessions WHERE user_id = \(user)") == 1)
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id = \(user)") == 4)
        }
    }
}
