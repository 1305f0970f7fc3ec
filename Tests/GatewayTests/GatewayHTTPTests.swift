import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@testable import Gateway
@testable import Shared

@Suite("Gateway HTTP: health, request ids, errors, webhook edge", .enabled(if: TestServices.available))
struct GatewayHTTPTests {
    @Test("/api/health is 200 with Redis and PostgreSQL up; probes answer")
    func healthy() async throws {
        let configuration = try TestServices.configuration(prefix: TestServices.uniquePrefix("health"))
        let app = try await buildApplication(configuration: configuration, logger: TestServices.logger)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(body?["status"] as? String == "healthy")
                #expect((body?["redis"] as? [String: Any])?["status"] as? String == "up")
                #expect((body?["postgres"] as? [String: Any])?["status"] as? String == "up")
                let workers = body?["workers"] as? [String: Any]
                #expect(workers?["consumers"] is Int)
                #expect(workers?["pending"] is Int)
                #expect(workers?["lag"] is Int)
                #expect(response.headers[.xRequestID] != nil)
            }
            try await client.execute(uri: "/health/live", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/health/ready", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test("/api/health is 503 naming Redis when Redis is down")
    func degraded() async throws {
        let configuration = try TestServices.configuration(prefix: "x:", overrides: ["REDIS_URL": "redis://127.0.0.1:1"])
        let app = try await buildApplication(configuration: configuration, logger: TestServices.logger)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(body?["status"] as? String == "degraded")
                #expect((body?["redis"] as? [String: Any])?["status"] as? String == "down")
                // PostgreSQL is up, but its check may time out while other suites load the machine.
                #expect((body?["down"] as? [String])?.first == "redis")
            }
            try await client.execute(uri: "/health/ready", method: .get) { #expect($0.status == .serviceUnavailable) }
            try await client.execute(uri: "/health/live", method: .get) { #expect($0.status == .ok) }
            // The API rate limit cannot be checked: the API fails closed.
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] != nil)
            }
            // A webhook cannot be queued: 503 with Retry-After, never 200.
            let body = #"{"event_id":"e","user_id":"u","message":{"text":"x"}}"#
            try await client.execute(
                uri: "/webhooks/uchat", method: .post,
                headers: [.xWebhookSignature: WebhookSignature.sign(body: Array(body.utf8), secret: "test-webhook-secret")],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] != nil)
                let error = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(error?["code"] as? String == "unavailable")
            }
        }
    }

    @Test("request ids are echoed when valid, replaced otherwise; errors have the contract's shape")
    func requestIDAndErrors() async throws {
        let configuration = try TestServices.configuration(prefix: TestServices.uniquePrefix("rid"), overrides: ["MAX_BODY_BYTES": "1024"])
        let app = try await buildApplication(configuration: configuration, logger: TestServices.logger)
        try await app.test(.router) { client in
            try await client.execute(uri: "/health/live", method: .get, headers: [.xRequestID: "abc-123"]) { response in
                #expect(response.headers[.xRequestID] == "abc-123")
            }
            try await client.execute(uri: "/health/live", method: .get, headers: [.xRequestID: "bad id!"]) { response in
                #expect(response.headers[.xRequestID] != "bad id!")
                #expect(response.headers[.xRequestID]?.isEmpty == false)
            }
            try await client.execute(uri: "/no/such/route", method: .get, headers: [.xRequestID: "r-404"]) { response in
                #expect(response.status == .notFound)
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(body?["code"] as? String == "not_found")
                #expect(body?["request_id"] as? String == "r-404")
                #expect(body?["error"] is String)
            }
            // Size first (413), then signature (401), then JSON (400).
            let big = String(repeating: "x", count: 2048)
            try await client.execute(uri: "/webhooks/uchat", method: .post, body: ByteBuffer(string: big)) { response in
                #expect(response.status == .contentTooLarge)
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(body?["code"] as? String == "payload_too_large")
            }
            try await client.execute(uri: "/webhooks/uchat", method: .post, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(
                uri: "/webhooks/uchat", method: .post, headers: [.xWebhookSecret: "test-webhook-secret"], body: ByteBuffer(string: "{nope")
            ) { response in
                #expect(response.status == .badRequest)
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(body?["code"] as? String == "invalid_json")
            }
            try await client.execute(
                uri: "/webhooks/uchat", method: .post, headers: [.xWebhookSecret: "wrong"], body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test("signed JSON of an unknown shape is answered 200 and dead-lettered with its reason")
    func unknownShapeIsDeadLettered() async throws {
        let prefix = TestServices.uniquePrefix("dlq")
        let configuration = try TestServices.configuration(prefix: prefix)
        let app = try await buildApplication(configuration: configuration, logger: TestServices.logger)
        let body = #"{"hello":"world"}"#
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/uchat", method: .post,
                headers: [.xWebhookSignature: WebhookSignature.sign(body: Array(body.utf8), secret: "test-webhook-secret")],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .ok)
            }
        }
        try await TestServices.withRedis(prefix: prefix) { redis in
            let letters = try await redis.xrange(redis.keys.deadLetters)
            #expect(letters.count == 1)
            let letter = letters.first?.fields.flatMap(DeadLetter.init(fields:))
            #expect(letter?.source == "webhook.uchat")
            #expect(letter?.original["payload"] == body)
            #expect(letter?.reason.isEmpty == false)
            #expect(try await redis.xlen(redis.keys.inbound) == 0)
        }
    }
}
