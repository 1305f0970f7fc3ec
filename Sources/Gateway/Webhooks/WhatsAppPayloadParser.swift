import Foundation
import Shared

/// Turns a WhatsApp Cloud API webhook delivery into events: every message of
/// `entry[].changes[].value.messages[]` (text, image, audio, video, document, sticker,
/// location, contacts, interactive button and list replies, button, reaction, unsupported)
/// and every status of `statuses[]` (sent, delivered, read, failed). The sender's profile name
/// comes from `contacts[]`; `metadata.phone_number_id` is the channel.
public enum WhatsAppPayloadParser {
    public static func parse(_ body: some Collection<UInt8>) throws(WebhookParseError) -> [WebhookEvent] {
        let json = try PayloadJSON.parse(body)
        guard let root = json.object, PayloadJSON.string(root["object"]) == "whatsapp_business_account" else {
            throw .unknownShape("not a whatsapp_business_account delivery")
        }
        guard let entries = root["entry"]?.array, !entries.isEmpty else { throw .unknownShape("no entry") }
        var events: [WebhookEvent] = []
        var recognised = false
        for entry in entries {
            guard let changes = entry["changes"]?.array else { throw .unknownShape("entry without changes") }
            for change in changes {
                guard let value = change["value"]?.object else { throw .unknownShape("change without value") }
                let channel = PayloadJSON.nonEmpty(value["metadata"]?["phone_number_id"])
                var names: [String: String] = [:]
                for contact in value["contacts"]?.array ?? [] {
                    if let waID = PayloadJSON.nonEmpty(contact["wa_id"]), let name = PayloadJSON.nonEmpty(contact["profile"]?["name"]) {
                        names[waID] = name
                    }
                }
                if let messages = value["messages"]?.array {
                    recognised = true
                    for message in messages {
                        events.append(.message(try inbound(message, channel: channel, names: names)))
                    }
                }
                if let statuses = value["statuses"]?.array {
                    recognised = true
                    for status in statuses {
                        guard let id = PayloadJSON.nonEmpty(status["id"]), let state = PayloadJSON.string(status["status"]),
                            ["sent", "delivered", "read", "failed"].contains(state)
                        else { throw .unknownShape("status without id or known status") }
                        let at = PayloadJSON.date(status["timestamp"]) ?? Date()
                        events.append(.status(InboundStatus(platform: "whatsapp", platformMessageId: id, status: state, at: at)))
                    }
                }
                if value["contacts"] != nil || value["metadata"] != nil || value["errors"] != nil { recognised = true }
            }
        }
        guard recognised else { throw .unknownShape("no messages or statuses") }
        return events
    }

    static func inbound(_ message: JSONValue, channel: String?, names: [String: String]) throws(WebhookParseError) -> InboundMessage {
        guard let from = PayloadJSON.nonEmpty(message["from"]), let id = PayloadJSON.nonEmpty(message["id"]) else {
            throw .unknownShape("message without from or id")
        }
        let type = PayloadJSON.nonEmpty(message["type"]) ?? "unknown"
        var text: String?
        switch type {
        case "text": text = PayloadJSON.string(message["text"]?["body"])
        case "image", "video", "document", "sticker", "audio": text = PayloadJSON.string(message[type]?["caption"])
        case "interactive":
            let interactive = message["interactive"]
            text = PayloadJSON.string(interactive?["button_reply"]?["title"]) ?? PayloadJSON.string(interactive?["list_reply"]?["title"])
        case "button": text = PayloadJSON.string(message["button"]?["text"])
        case "reaction": text = PayloadJSON.string(message["reaction"]?["emoji"])
        case "location":
            let place = [PayloadJSON.string(message["location"]?["name"]), PayloadJSON.string(message["location"]?["address"])].compactMap { $0 }
            text = place.isEmpty ? nil : place.joined(separator: ", ")
        default: text = nil
        }
        // Both forms of a Brazilian mobile are one user, kept in the nine-digit form.
        let number = PhoneNumber.brazilianMobile(from)
        return InboundMessage(
            platform: "whatsapp",
            platformMessageId: id,
            channelId: channel,
            userId: "whatsapp:" + number,
            contact: InboundContact(name: names[from] ?? names[number], phone: PhoneNumber.e164("+" + from) ?? "+" + number),
            direction: "in",
            type: type,
            text: text,
            sentAt: PayloadJSON.date(message["timestamp"]) ?? Date()
        )
    }
}

/// Turns a Telegram Bot API `Update` into events: `message`, `edited_message` (an edit of a
/// stored message) and `callback_query` (a button press, stored as a message whose platform
/// id is `cb:<id>`). Message platform ids are `<chat.id>:<message_id>`. The update does not
/// name the bot, so its id (the channel) comes from the deployment: `TELEGRAM_BOT_ID`, or a
/// `bot_id` query parameter on the webhook URL given to `setWebhook`.
public enum TelegramPayloadParser {
    public static func parse(_ body: some Collection<UInt8>, channelID: String? = nil) throws(WebhookParseError) -> [WebhookEvent] {
        let json = try PayloadJSON.parse(body)
        guard let root = json.object, root["update_id"]?.stringValue != nil else { throw .unknownShape("no update_id") }
        if let message = root["message"] ?? root["edited_message"] {
            let isEdit = root["message"] == nil
            guard let messageID = PayloadJSON.nonEmpty(message["message_id"]), let chat = PayloadJSON.nonEmpty(message["chat"]?["id"]),
                let from = PayloadJSON.nonEmpty(message["from"]?["id"])
            else { throw .unknownShape("message without message_id, chat.id or from.id") }
            let name = [PayloadJSON.string(message["from"]?["first_name"]), PayloadJSON.string(message["from"]?["last_name"])]
                .compactMap { $0 }.joined(separator: " ")
            let text = PayloadJSON.string(message["text"]) ?? PayloadJSON.string(message["caption"])
            let type = message["text"] != nil ? "text" : message["photo"] != nil ? "image" : message["voice"] != nil ? "audio"
                : message["document"] != nil ? "document" : message["location"] != nil ? "location" : message["sticker"] != nil ? "sticker" : "unknown"
            return [
                .message(
                    InboundMessage(
                        platform: "telegram", platformMessageId: "\(chat):\(messageID)", channelId: channelID, userId: "telegram:" + from,
                        contact: InboundContact(name: name.isEmpty ? nil : name), direction: "in", type: type, text: text,
                        sentAt: PayloadJSON.date(message["date"]) ?? Date(), isEdit: isEdit ? true : nil
                    )
                )
            ]
        }
        if let callback = root["callback_query"] {
            guard let id = PayloadJSON.nonEmpty(callback["id"]), let from = PayloadJSON.nonEmpty(callback["from"]?["id"]) else {
                throw .unknownShape("callback_query without id or from.id")
            }
            let name = PayloadJSON.string(callback["from"]?["first_name"])
            return [
                .message(
                    InboundMessage(
                        platform: "telegram", platformMessageId: "cb:" + id, channelId: channelID, userId: "telegram:" + from,
                        contact: InboundContact(name: name), direction: "in", type: "callback", text: PayloadJSON.string(callback["data"]),
                        // A button press has no date of its own: the time it reached us.
                        sentAt: Date()
                    )
                )
            ]
        }
        throw .unknownShape("update without message, edited_message or callback_query")
    }
}
