import Foundation

/// A stream entry's body written and read through `JSONValue` (snake_case keys, times as
/// integer milliseconds since 1970), without Foundation's coders: these bodies are made for
/// every webhook event and tool call and read again by every worker.
public protocol StreamBody: Sendable {
    var json: JSONValue { get }
    init(json: JSONValue) throws(StreamBodyError)
}

public struct StreamBodyError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension StreamBody {
    public var jsonText: String { json.jsonText }
}

extension Envelope {
    /// Decodes the body as the kind's contract.
    public func decodeBody<Body: StreamBody>(_ type: Body.Type) throws -> Body {
        guard let value = try? JSONValue.parse(body.utf8) else { throw StreamBodyError("the body of \(kind) is not JSON") }
        return try Body(json: value)
    }
}

/// Field access that names what is missing.
struct BodyReader {
    let object: [String: JSONValue]
    let kind: String

    init(_ json: JSONValue, kind: String) throws(StreamBodyError) {
        guard let object = json.object else { throw StreamBodyError("\(kind) body is not an object") }
        self.object = object
        self.kind = kind
    }

    func string(_ key: String) throws(StreamBodyError) -> String {
        guard case .string(let value)? = object[key] else { throw StreamBodyError("\(kind) body lacks \(key)") }
        return value
    }

    func optionalString(_ key: String) -> String? {
        if case .string(let value)? = object[key] { return value }
        return nil
    }

    /// Milliseconds since 1970 (integer or fractional).
    func date(_ key: String) throws(StreamBodyError) -> Date {
        guard let millis = object[key]?.doubleValue else { throw StreamBodyError("\(kind) body lacks \(key)") }
        return Date(timeIntervalSince1970: millis / 1000)
    }
}

extension JSONValue {
    /// A time as integer milliseconds since 1970.
    static func millis(_ date: Date) -> JSONValue { .integer(Int64((date.timeIntervalSince1970 * 1000).rounded())) }
}

extension InboundContact {
    var json: JSONValue {
        var object: [String: JSONValue] = [:]
        if let name { object["name"] = .string(name) }
        if let phone { object["phone"] = .string(phone) }
        if let email { object["email"] = .string(email) }
        return .object(object)
    }
}

extension InboundMessage: StreamBody {
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "platform": .string(platform), "platform_message_id": .string(platformMessageId), "user_id": .string(userId),
            "direction": .string(direction), "type": .string(type), "sent_at": .millis(sentAt),
        ]
        if let channelId { object["channel_id"] = .string(channelId) }
        if let contact { object["contact"] = contact.json }
        if let text { object["text"] = .string(text) }
        if let isEdit { object["is_edit"] = .bool(isEdit) }
        return .object(object)
    }

    public init(json: JSONValue) throws(StreamBodyError) {
        let reader = try BodyReader(json, kind: "inbound.message")
        var contact: InboundContact?
        if let fields = reader.object["contact"]?.object {
            contact = InboundContact(name: fields["name"]?.stringValue, phone: fields["phone"]?.stringValue, email: fields["email"]?.stringValue)
        }
        self.init(
            platform: try reader.string("platform"), platformMessageId: try reader.string("platform_message_id"),
            channelId: reader.optionalString("channel_id"), userId: try reader.string("user_id"), contact: contact,
            direction: try reader.string("direction"), type: try reader.string("type"), text: reader.optionalString("text"),
            sentAt: try reader.date("sent_at"), isEdit: reader.object["is_edit"]?.boolValue
        )
    }
}

extension InboundStatus: StreamBody {
    public var json: JSONValue {
        ["platform": .string(platform), "platform_message_id": .string(platformMessageId), "status": .string(status), "at": .millis(at)]
    }

    public init(json: JSONValue) throws(StreamBodyError) {
        let reader = try BodyReader(json, kind: "inbound.status")
        self.init(
            platform: try reader.string("platform"), platformMessageId: try reader.string("platform_message_id"),
            status: try reader.string("status"), at: try reader.date("at")
        )
    }
}

extension ToolCall: StreamBody {
    public var json: JSONValue { ["subject": .string(subject), "arguments": arguments] }

    public init(json: JSONValue) throws(StreamBodyError) {
        let reader = try BodyReader(json, kind: "tool call")
        guard let arguments = reader.object["arguments"] else { throw StreamBodyError("tool call body lacks arguments") }
        self.init(subject: try reader.string("subject"), arguments: arguments)
    }
}
