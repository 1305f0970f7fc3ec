import Foundation

/// A platform's contact details for the sender of a message.
public struct InboundContact: Codable, Sendable, Hashable {
    public var name: String?
    public var phone: String?
    public var email: String?

    public init(name: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
    }
}

/// `inbound.message`: one message from a webhook, normalised from the platform's format.
/// The platform parsers in the gateway make these; the ingest workers store them.
public struct InboundMessage: Codable, Sendable, Hashable {
    /// `whatsapp`, `telegram`, `uchat` or the UChat body's platform.
    public var platform: String
    /// Unique per platform; the database's dedupe key together with `platform`.
    public var platformMessageId: String
    public var channelId: String?
    /// `whatsapp:<wa_id>`, `telegram:<from.id>`, or UChat's own id.
    public var userId: String
    public var contact: InboundContact?
    /// `in` from the user, `out` from the business.
    public var direction: String
    /// `text`, `image`, `interactive` …
    public var type: String
    public var text: String?
    /// The platform's timestamp of the message.
    public var sentAt: Date
    /// True for an edit of a message already sent (Telegram `edited_message`).
    public var isEdit: Bool?

    public init(
        platform: String, platformMessageId: String, channelId: String? = nil, userId: String, contact: InboundContact? = nil,
        direction: String = "in", type: String = "text", text: String?, sentAt: Date, isEdit: Bool? = nil
    ) {
        self.platform = platform
        self.platformMessageId = platformMessageId
        self.channelId = channelId
        self.userId = userId
        self.contact = contact
        self.direction = direction
        self.type = type
        self.text = text
        self.sentAt = sentAt
        self.isEdit = isEdit
    }

    /// `user` for inbound messages, `assistant` for what the business sent.
    public var role: String { direction == "out" ? "assistant" : "user" }
}

/// `inbound.status`: a delivery status for a message the business sent.
public struct InboundStatus: Codable, Sendable, Hashable {
    public var platform: String
    public var platformMessageId: String
    /// `sent`, `delivered`, `read` or `failed`.
    public var status: String
    public var at: Date

    public init(platform: String, platformMessageId: String, status: String, at: Date) {
        self.platform = platform
        self.platformMessageId = platformMessageId
        self.status = status
        self.at = at
    }
}
