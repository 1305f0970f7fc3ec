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
        for path in ["/webhooks/whatsapp", "/whatsapp"] {
            routes.get(RouterPath(path), use: whatsappVerify)
            routes.post(RouterPath(path), use: whatsapp)
        }
        for path in ["/webhooks/telegram", "/telegram"] {
            routes.post(RouterPath(path), use: telegram)
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
            try UChatPayloadParser.parse(bytes, defaultCountry: configuration.defaultCountry)
        }
    }

    /// WhatsApp's subscription check: echo `hub.challenge` when `hub.verify_token` matches.
    @Sendable func whatsappVerify(_ request: Request, context: GatewayContext) async throws -> Response {
        let query = request.uri.queryParameters
        guard query["hub.mode"].map(String.init) == "subscribe", let given = query["hub.verify_token"].map(String.init),
            let expected = configuration.whatsappVerifyToken, WebhookSignature.constantTimeEquals(given, expected),
            let challenge = query["hub.challenge"].map(String.init)
        else { throw APIError.forbidden("verification failed") }
        return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: challenge)))
    }

    /// WhatsApp Cloud API deliveries, signed with `X-Hub-Signature-256` over the raw body.
    @Sendable func whatsapp(_ request: Request, context: GatewayContext) async throws -> Response {
        let body = try await Self.readBody(request, limit: configuration.maxBodyBytes)
        guard let secret = configuration.whatsappAppSecret,
            WebhookSignature.verifySHA256(header: request.headers[.xHubSignature256], body: body.readableBytesView, secret: secret)
        else { throw APIError.unauthorized("missing or invalid X-Hub-Signature-256") }
        return try await accept(source: "webhook.whatsapp", body: body, context: context) { bytes throws(WebhookParseError) in
            try WhatsAppPayloadParser.parse(bytes)
        }
    }

    /// Telegram Bot API updates, with the secret token set by `setWebhook`.
    @Sendable func telegram(_ request: Request, context: GatewayContext) async throws -> Response {
        let body = try await Self.readBody(request, limit: configuration.maxBodyBytes)
        guard let secret = configuration.telegramSecretToken, let given = request.headers[.xTelegramSecretToken],
            WebhookSignature.constantTimeEquals(given, secret)
        else { throw APIError.unauthorized("missing or invalid X-Telegram-Bot-Api-Secret-Token") }
        let botID = request.uri.queryParameters["bot_id"].map(String.init).flatMap { $0.isEmpty || $0.count > 64 ? nil : $0 }
            ?? configuration.telegramBotID
        return try await accept(source: "webhook.telegram", body: body, context: context) { bytes throws(WebhookParseError) in
            try TelegramPayloadParser.parse(bytes, channelID: botID)
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
            return Response.json(["status": "ok", "accepted": 0, "dead_lettered": 1])
        }
        try await publisher.publish(events, trace: context.requestID)
        return Response.json(["status": "ok", "accepted": .integer(Int64(events.count))])
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
    static let xHubSignature256 = Self("X-Hub-Signature-256")!
    static let xTelegramSecretToken = Self("X-Telegram-Bot-Api-Secret-Token")!
}
