import Foundation
import Shared

/// One normalised event of a webhook delivery, ready to become an envelope.
public enum WebhookEvent: Sendable, Hashable {
    case message(InboundMessage)
    case status(InboundStatus)

    /// The envelope for `talkhub:inbound`; its id names the platform event, so a redelivery
    /// carries the same id.
    public func envelope(trace: String) throws -> Envelope {
        switch self {
        case .message(let message):
            return Envelope(
                id: "\(message.platform):\(message.platformMessageId)\(message.isEdit == true ? ":edit" : "")",
                kind: EnvelopeKind.inboundMessage, trace: trace, body: message.jsonText
            )
        case .status(let status):
            return Envelope(
                id: "\(status.platform):\(status.platformMessageId):\(status.status)",
                kind: EnvelopeKind.inboundStatus, trace: trace, body: status.jsonText
            )
        }
    }
}

/// Why a delivery's body could not be turned into events.
public enum WebhookParseError: Error, Sendable, Equatable {
    /// Not JSON at all: 400, nothing enqueued.
    case invalidJSON
    /// JSON of a shape we do not know: 200 and a dead letter (a 4xx makes platforms retry for days).
    case unknownShape(String)
}

