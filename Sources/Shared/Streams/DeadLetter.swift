import Foundation

/// An entry of the dead-letter stream `talkhub:dlq`: what failed, why, and everything needed
/// to replay it (the original envelope's fields, or the raw payload of a webhook whose shape
/// we do not know).
public struct DeadLetter: Sendable, Hashable {
    /// Where it came from: `webhook.uchat`, `stream.inbound` …
    public var source: String
    public var reason: String
    /// The stream the entry was read from, when it was one (replay puts it back there).
    public var stream: String
    /// The original entry's fields (an envelope's, or `payload` for a raw webhook body).
    public var original: [String: String]
    public var deliveries: Int
    public var at: Date

    public init(source: String, reason: String, stream: String = "", original: [String: String], deliveries: Int = 0, at: Date = Date()) {
        self.source = source
        self.reason = reason
        self.stream = stream
        self.original = original
        self.deliveries = deliveries
        self.at = at
    }

    /// Fields for XADD: the dead letter's own under `dlq.`-prefixed names, then the original's.
    public var fields: [(String, RedisArgument)] {
        var fields: [(String, RedisArgument)] = [
            ("dlq.source", RedisArgument(source)),
            ("dlq.reason", RedisArgument(reason)),
            ("dlq.stream", RedisArgument(stream)),
            ("dlq.deliveries", RedisArgument(deliveries)),
            ("dlq.at", RedisArgument(Int((at.timeIntervalSince1970 * 1000).rounded()))),
        ]
        for (name, value) in original.sorted(by: { $0.key < $1.key }) {
            fields.append((name, RedisArgument(value)))
        }
        return fields
    }

    /// A field of the original event or tool call a dead letter holds (its `body`): the
    /// event's own `name`, or the call's `arguments.name`; nil when absent or unreadable.
    public static func bodyField(_ name: String, in fields: [String: String]) -> String? {
        guard let text = fields["body"], let body = try? JSONValue.parse(Array(text.utf8)) else { return nil }
        return body[name]?.stringValue ?? body["arguments"]?[name]?.stringValue
    }

    public init?(fields: [String: String]) {
        guard let source = fields["dlq.source"], let reason = fields["dlq.reason"] else { return nil }
        self.source = source
        self.reason = reason
        self.stream = fields["dlq.stream"] ?? ""
        self.deliveries = fields["dlq.deliveries"].flatMap { Int($0) } ?? 0
        self.at = Date(timeIntervalSince1970: Double(fields["dlq.at"].flatMap { Int($0) } ?? 0) / 1000)
        self.original = fields.filter { !$0.key.hasPrefix("dlq.") }
    }
}
