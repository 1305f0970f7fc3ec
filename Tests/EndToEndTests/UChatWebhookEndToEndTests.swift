import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing
import TestSupport

@testable import Gateway
@testable import Shared

@Suite("End to end: UChat webhook to PostgreSQL", .enabled(if: TestServices.available))
struct UChatWebhookEndToEndTests {
    static let secret = "test-webhook-secret"

    static func payload(user: String, messageID: String, text: String, at: String = "2025-06-01T12:00:00Z") -> String {
        #"{"event_id":"ev-\#(messageID)","event":"message","user_id":"\#(user)","user":{"name":"Maria Souza","phone":"+5511987654321"},"platform":"uchat","message":{"id":"\#(messageID)","text":"\#(text)","direction":"in","timestamp":"\#(at)"}}"#
    }

    static func post(_ client: any TestClientProtocol, _ body: String, signature: String? = nil) async throws -> HTTPResponse.Status {
        let sig = signature ?? WebhookSignature.sign(body: Array(body.utf8), secret: secret)
        return try await client.execute(uri: "/webhooks/uchat", method: .post, headers: [.xWebhookSignature: sig], body: ByteBuffer(string: body)) {
            $0.status
        }
    }

    @Test("a signed webhook becomes one messages row, with its session and profile; three deliveries are still one row")
    func signedWebhookStoredOnce() async throws {
        let user = "e2e-user-\(UUID().uuidString.prefix(8))"
        let messageID = "msg-\(UUID().uuidString)"
        let harness = try E2EHarness()
        try await harness.run { client, postgres in
            let body = Self.payload(user: user, messageID: messageID, text: "Oi, meu pedido não chegou")
            for _ in 0..<3 {
                #expect(try await Self.post(client, body) == .ok)
            }
            // All three deliveries were read and acknowledged; only then count.
            #expect(try await harness.drained())
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE platform = 'uchat' AND platform_message_id = \(messageID)") == 1)
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id = \(user)") == 1)
            let rows = try await postgres.query(
                "SELECT m.text, m.role, m.direction, m.session_id, s.status, p.name FROM messages m JOIN chat_sessions s USING (session_id) JOIN user_profiles p ON p.user_id = m.user_id WHERE m.platform_message_id = \(messageID)",
                logger: TestServices.logger
            )
            var seen = 0
            for try await (text, role, direction, _, status, name) in rows.decode((String, String, String, String, String, String).self) {
                #expect(text == "Oi, meu pedido não chegou")
                #expect(role == "user")
                #expect(direction == "in")
                #expect(status == "active")
                #expect(name == "Maria Souza")
                seen += 1
            }
            #expect(seen == 1)
            #expect(try await postgres.count("SELECT count(*)::int FROM chat_sessions WHERE user_id = \(user)") == 1)
            // The worker analysed the text: a pt-BR delivery problem, negative.
            let labels = try await postgres.query(
                "SELECT sentiment, intent, language, topics FROM messages WHERE platform_message_id = \(messageID)", logger: TestServices.logger
            )
            for try await (sentiment, intent, language, topics) in labels.decode((String, String, String, [String]).self) {
                #expect(sentiment == "negative")
                #expect(language == "pt")
                #expect(["support", "complaint"].contains(intent))
                #expect(topics.contains("pedido") && topics.contains("entrega"))
            }
            #expect(try await postgres.count("SELECT (interaction_stats->>'total_messages')::int FROM user_profiles WHERE user_id = \(user)") == 1)

            // A second message of the same user joins the same open session.
            let second = "msg-\(UUID().uuidString)"
            #expect(try await Self.post(client, Self.payload(user: user, messageID: second, text: "Alguém aí?", at: "2025-06-01T12:01:00Z")) == .ok)
            let both = try await TestServices.eventually {
                try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id = \(user)") == 2
            }
            #expect(both)
            #expect(try await postgres.count("SELECT count(DISTINCT session_id)::int FROM messages WHERE user_id = \(user)") == 1)
            #expect(try await postgres.count("SELECT (interaction_stats->>'total_messages')::int FROM user_profiles WHERE user_id = \(user)") == 2)
        }
    }

    @Test("a bad signature stores nothing")
    func badSignatureStoresNothing() async throws {
        let user = "e2e-bad-\(UUID().uuidString.prefix(8))"
        let harness = try E2EHarness()
        try await harness.run { client, postgres in
            let body = Self.payload(user: user, messageID: "m-\(UUID().uuidString)", text: "forged")
            let forged = WebhookSignature.sign(body: Array(body.utf8), secret: "not-the-secret")
            #expect(try await Self.post(client, body, signature: forged) == .unauthorized)
            #expect(try await Self.post(client, body, signature: "sha256=") == .unauthorized)
            // A signature over re-serialized JSON (spaces differ) does not match the raw bytes.
            let reserialized = body.replacingOccurrences(of: "\":\"", with: "\": \"")
            #expect(try await Self.post(client, body, signature: WebhookSignature.sign(body: Array(reserialized.utf8), secret: Self.secret)) == .unauthorized)
            // A valid delivery after the forged ones is the only thing stored.
            let valid = Self.payload(user: user, messageID: "ok-\(UUID().uuidString)", text: "real")
            #expect(try await Self.post(client, valid) == .ok)
            let stored = try await TestServices.eventually {
                try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id = \(user)") == 1
            }
            #expect(stored)
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id = \(user) AND text = 'forged'") == 0)
        }
        let queued = try await TestServices.withRedis(prefix: harness.configuration.redisKeyPrefix) { redis in
            try await redis.xlen(redis.keys.inbound)
        }
        #expect(queued == 1)
    }

    @Test("events queued while no worker runs are stored once a worker starts")
    func queuedUntilWorkerStarts() async throws {
        let user = "e2e-late-\(UUID().uuidString.prefix(8))"
        let harness = try E2EHarness()
        try await harness.run(workers: nil) { client, _ in
            for i in 0..<20 {
                let status = try await Self.post(client, Self.payload(user: user, messageID: "late-\(user)-\(i)", text: "m\(i)"))
                #expect(status == .ok)
            }
        }
        try await harness.run { _, postgres in
            let stored = try await TestServices.eventually {
                try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id = \(user)") == 20
            }
            #expect(stored)
            #expect(try await postgres.count("SELECT count(*)::int FROM chat_sessions WHERE user_id = \(user) AND status = 'active'") == 1)
        }
    }
}
