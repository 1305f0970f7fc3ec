import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Shared

/// The platforms' webhooks. Each delivery is checked in this order (API.md Precise rules):
/// body size (413), signature (401), JSON (400); then its events are enqueued and the answer
/// is 200 only once Redis has them. No analysis or database work happens here.
struct WebhookController {
    let configuration: TalkHubConfiguration
    let publisher: InboundPublisher

    var endpoints: RouteCollection<GatewayContext> {
        let routes = RouteCollection(context: GatewayContext.self)
        for path in ["/webhooks/uchat", "/uchat"] {
            routes.post(RouterPath(path), use: uchat)
        }
        return routes
    }

    @Sendable func uchat(_ request: Request, context: GatewayContext) async throws -> Response {
        let body = try await Self.readBody(request, limit: configuration.maxBodyBytes)
        guard let secret = configuration.webhookSecret else {
            throw APIError.unauthorized("webhook secret is not configured")
        }
        let signed: Bool
        if let signature = request.headers[.xWebhookSignature] {
            signed = WebhookSignature.verifySHA256(header: signature, body: body.readableBytesView, secret: secret)
        } else if let given = request.headers[.xWebhookSecret] {
            signed = WebhookSignature.constantTimeEquals(given, secret)
        } else {
            signed = false
        }
        guard signed else { throw APIError.unauthorized("missing or invalid webhook signature") }
        return try await accept(source: "webhook.uchat", body: body, context: context) { bytes throws(WebhookParseError) in
            try UChatPayloadParser.parse(bytes)
        }
    }

    /// Parses and enqueues; an unknown shape goes to the dead-letter stream with a 200.
    func accept(
        source: String,
        body: ByteBuffer,
        context: GatewayContext,
        parse: (ByteBufferView) throws(WebhookParseError) -> [WebhookEvent]
    ) async throws -> Response {
        let events: [WebhookEvent]
        do {
            events = try parse(body.readableBytesView)
        } catch .invalidJSON {
            throw APIError.invalidJSON()
        } catch .unknownShape(let reason) {
            try await publisher.deadLetter(source: source, reason: reason, payload: body.readableBytesView, trace: context.requestID)
            context.logger.warning("webhook of unknown shape dead-lettered", metadata: ["webhook.source": "\(source)", "reason": "\(reason)"])
            return HealthController.json(["status": "ok", "accepted": 0, "dead_lettered": 1], status: .ok)
        }
        try await publisher.publish(events, trace: context.requestID)
        return HealthController.json(["status": "ok", "accepted": events.count], status: .ok)
    }

    /// The raw body, refusing more than `limit` bytes with 413 (by Content-Length when given).
    static func readBody(_ request: Request, limit: Int) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIError.payloadTooLarge(limit: limit)
        }
        do {
            return try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError.payloadTooLarge(limit: limit)
        }
    }
}

extension HTTPField.Name {
    static let xWebhookSignature = Self("X-Webhook-Signature")!
    static let xWebhookSecret = Self("X-Webhook-Secret")!
}
