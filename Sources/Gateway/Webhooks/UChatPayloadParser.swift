import Foundation
import Shared

/// Turns a UChat/TalkHub flow delivery into events:
/// `{"event_id", "event": "message"|"status", "user_id", "user": {"name","phone","email"},
///   "platform", "channel", "message": {"id","text","direction","timestamp","status"}}`.
public enum UChatPayloadParser {
    public static func parse(_ body: some Collection<UInt8>, receivedAt: Date = Date(), defaultCountry: String = "BR") throws(WebhookParseError) -> [WebhookEvent] {
        let json = try PayloadJSON.parse(body)
        guard let root = json.object else { throw .unknownShape("body is not a JSON object") }
        let event = PayloadJSON.string(root["event"]) ?? "message"
        let platform = PayloadJSON.nonEmpty(root["platform"])?.lowercased() ?? "uchat"
        let message = root["message"]?.object
        guard let message else { throw .unknownShape("no message object") }
        guard let platformID = PayloadJSON.nonEmpty(message["id"]) ?? PayloadJSON.nonEmpty(root["event_id"]) else {
            throw .unknownShape("neither message.id nor event_id")
        }
        let at = PayloadJSON.date(message["timestamp"]) ?? PayloadJSON.date(root["timestamp"]) ?? receivedAt

        switch event {
        case "message":
            guard let userID = PayloadJSON.nonEmpty(root["user_id"]) else { throw .unknownShape("user_id missing") }
            let user = root["user"]?.object
            // Phones are stored in E.164; one that is not a phone number is left out, not refused
            // (a 4xx would make the platform retry a delivery that can never succeed).
            let contact = user.map {
                InboundContact(
                    name: PayloadJSON.nonEmpty($0["name"]),
                    phone: PayloadJSON.nonEmpty($0["phone"]).flatMap { PhoneNumber.e164($0, defaultCountry: defaultCountry) },
                    email: PayloadJSON.nonEmpty($0["email"])
                )
            }
            let direction = PayloadJSON.string(message["direction"]) == "out" ? "out" : "in"
            let text = PayloadJSON.string(message["text"])
            return [
                .message(
                    InboundMessage(
                        platform: platform,
                        platformMessageId: platformID,
                        channelId: PayloadJSON.nonEmpty(root["channel"]),
                        userId: String(userID.prefix(255)),
                        contact: contact,
                        direction: direction,
                        type: PayloadJSON.nonEmpty(message["type"]) ?? "text",
                        text: text,
                        sentAt: at
                    )
                )
            ]
        case "status":
            guard let status = PayloadJSON.string(message["status"] ?? root["status"]),
                ["sent", "delivered", "read", "failed"].contains(status)
            else { throw .unknownShape("status event without a known message.status") }
            return [.status(InboundStatus(platform: platform, platformMessageId: platformID, status: status, at: at))]
        default:
            throw .unknownShape("unknown event \"\(event)\"")
        }
    }
}
