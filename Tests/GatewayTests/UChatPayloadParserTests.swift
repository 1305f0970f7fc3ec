import Foundation
import Testing

@testable import Gateway
@testable import Shared

@Suite("UChat payloads and webhook signatures")
struct UChatPayloadParserTests {
    private func parse(_ json: String) throws(WebhookParseError) -> [WebhookEvent] {
        try UChatPayloadParser.parse(Array(json.utf8), receivedAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test("a message event becomes one normalised message")
    func message() throws {
        let events = try parse(
            #"{"event_id":"e1","event":"message","user_id":"user_123","user":{"name":"João","phone":"+5511999999999","email":"j@x.com"},"platform":"whatsapp","channel":"ch1","message":{"id":"m1","text":"Oi","direction":"in","timestamp":"2025-01-01T10:00:00Z"}}"#
        )
        guard case .message(let m) = events.first, events.count == 1 else {
            Issue.record("expected one message, got \(events)")
            return
        }
        #expect(m.platform == "whatsapp")
        #expect(m.platformMessageId == "m1")
        #expect(m.channelId == "ch1")
        #expect(m.userId == "user_123")
        #expect(m.contact == InboundContact(name: "João", phone: "+5511999999999", email: "j@x.com"))
        let national = try parse(#"{"event_id":"e","user_id":"u","user":{"phone":"(11) 98888-7777"},"message":{"text":"x"}}"#)
        guard case .message(let n) = national.first else { Issue.record("no message"); return }
        #expect(n.contact?.phone == "+5511988887777")
        #expect(m.text == "Oi")
        #expect(m.direction == "in")
        #expect(m.role == "user")
        #expect(m.sentAt == RFC3339.parse("2025-01-01T10:00:00Z"))
    }

    @Test("defaults: platform uchat, id from event_id, time of receipt, unix-second timestamps")
    func defaults() throws {
        let events = try parse(#"{"event_id":"e9","user_id":"u","message":{"text":"x"}}"#)
        guard case .message(let m) = events.first else { Issue.record("no message"); return }
        #expect(m.platform == "uchat")
        #expect(m.platformMessageId == "e9")
        #expect(m.sentAt == Date(timeIntervalSince1970: 1_700_000_000))
        let numeric = try parse(#"{"event_id":"e9","user_id":"u","message":{"id":7,"timestamp":1764432000,"direction":"out"}}"#)
        guard case .message(let n) = numeric.first else { Issue.record("no message"); return }
        #expect(n.platformMessageId == "7")
        #expect(n.sentAt == Date(timeIntervalSince1970: 1_764_432_000))
        #expect(n.role == "assistant")
    }

    @Test("a status event becomes a status")
    func status() throws {
        let events = try parse(#"{"event_id":"e2","event":"status","user_id":"u","message":{"id":"m1","status":"read","timestamp":1764432000}}"#)
        #expect(events == [.status(InboundStatus(platform: "uchat", platformMessageId: "m1", status: "read", at: Date(timeIntervalSince1970: 1_764_432_000)))])
    }

    @Test("NUL in webhook strings becomes U+FFFD")
    func replacesNUL() throws {
        let events = try parse(#"{"event_id":"e","user_id":"u","message":{"text":"a\u0000b"}}"#)
        guard case .message(let m) = events.first else { Issue.record("no message"); return }
        #expect(m.text == "a\u{FFFD}b")
    }

    @Test("not JSON is invalidJSON", arguments: ["", "{", "not json", "{\"a\":}", "\u{FF}"])
    func invalidJSON(body: String) {
        #expect(throws: WebhookParseError.invalidJSON) { try parse(body) }
    }

    @Test(
        "JSON of unknown shape is unknownShape",
        arguments: [
            "[]", "42", "\"s\"", "{}", #"{"event_id":"e"}"#, #"{"event_id":"e","message":{"text":"x"}}"#,
            #"{"user_id":"u","message":{"text":"x"}}"#, #"{"event":"wat","event_id":"e","user_id":"u","message":{}}"#,
            #"{"event":"status","event_id":"e","message":{"id":"m","status":"exploded"}}"#, #"{"event_id":"e","user_id":5.5,"message":{}}"#,
            #"{"event_id":"e","user_id":"u","message":"text"}"#,
        ]
    )
    func unknownShape(body: String) {
        #expect {
            try parse(body)
        } throws: { error in
            if case .unknownShape = error as? WebhookParseError { return true }
            return false
        }
    }

    @Test("HMAC signatures are checked over the raw bytes")
    func signatures() {
        let body = Array(#"{"a": 1}"#.utf8)
        let signature = WebhookSignature.sign(body: body, secret: "s3cret")
        #expect(signature.hasPrefix("sha256="))
        #expect(WebhookSignature.verifySHA256(header: signature, body: body, secret: "s3cret"))
        #expect(WebhookSignature.verifySHA256(header: signature.uppercased().replacingOccurrences(of: "SHA256=", with: "sha256="), body: body, secret: "s3cret"))
        #expect(!WebhookSignature.verifySHA256(header: signature, body: body, secret: "other"))
        #expect(!WebhookSignature.verifySHA256(header: signature, body: Array(#"{"a":1}"#.utf8), secret: "s3cret"))
        #expect(!WebhookSignature.verifySHA256(header: nil, body: body, secret: "s3cret"))
        #expect(!WebhookSignature.verifySHA256(header: "sha256=zz", body: body, secret: "s3cret"))
        #expect(!WebhookSignature.verifySHA256(header: String(signature.dropFirst(7)), body: body, secret: "s3cret"))
        #expect(WebhookSignature.constantTimeEquals("abc", "abc"))
        #expect(!WebhookSignature.constantTimeEquals("abc", "abd"))
        #expect(!WebhookSignature.constantTimeEquals("abc", "abcd"))
        #expect(!WebhookSignature.constantTimeEquals("", "a"))
    }

    @Test("request ids are echoed only when they match the allowed pattern")
    func requestIDs() {
        #expect(RequestIDMiddleware.isValid("abc-123_X.y:z"))
        #expect(RequestIDMiddleware.isValid(String(repeating: "a", count: 128)))
        #expect(!RequestIDMiddleware.isValid(String(repeating: "a", count: 129)))
        #expect(!RequestIDMiddleware.isValid(""))
        #expect(!RequestIDMiddleware.isValid("has space"))
        #expect(!RequestIDMiddleware.isValid("ção"))
    }

    @Test("the envelope round-trips through stream fields")
    func envelopeRoundTrip() throws {
        let message = InboundMessage(platform: "uchat", platformMessageId: "m1", userId: "u", text: "oi", sentAt: Date(timeIntervalSince1970: 1_764_432_000.5))
        let envelope = try WebhookEvent.message(message).envelope(trace: "req-1")
        #expect(envelope.id == "uchat:m1")
        #expect(envelope.kind == EnvelopeKind.inboundMessage)
        var fields: [String: String] = [:]
        for (k, v) in envelope.fields { fields[k] = String(decoding: v.bytes, as: UTF8.self) }
        let decoded = try Envelope(fields: fields)
        #expect(decoded == envelope)
        #expect(try decoded.decodeBody(InboundMessage.self) == message)
        fields["v"] = "2"
        #expect(throws: EnvelopeError.unsupportedVersion(2)) { try Envelope(fields: fields) }
        fields["v"] = nil
        #expect(throws: EnvelopeError.missingField("v")) { try Envelope(fields: fields) }
    }
}
