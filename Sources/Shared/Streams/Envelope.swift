import Foundation

/// The one thing the gateway and workers agree on: a stream entry's fields
/// (ARCHITECTURE.md decision 4). `body` is the JSON of the kind's message contract.
public struct Envelope: Sendable, Hashable {
    /// The envelope version this build writes and understands.
    public static let currentVersion = 1

    public var version: Int
    /// Request or event id; fixes the ids of what the handler creates.
    public var id: String
    /// `inbound.message`, `inbound.status`, `tool.save_conversation` …
    public var kind: String
    /// The gateway's reply key for tool calls, empty otherwise.
    public var reply: String
    /// The request id, for tracing across the gateway and worker logs.
    public var trace: String
    /// Enqueue time in milliseconds since 1970.
    public var at: Int64
    public var body: String

    public init(id: String, kind: String, reply: String = "", trace: String, at: Date = Date(), body: String, version: Int = Envelope.currentVersion) {
        self.version = version
        self.id = id
        self.kind = kind
        self.reply = reply
        self.trace = trace
        self.at = Int64((at.timeIntervalSince1970 * 1000).rounded())
        self.body = body
    }

    /// The XADD fields.
    public var fields: [(String, RedisArgument)] {
        [
            ("v", RedisArgument(version)),
            ("id", RedisArgument(id)),
            ("kind", RedisArgument(kind)),
            ("reply", RedisArgument(reply)),
            ("trace", RedisArgument(trace)),
            ("at", RedisArgument(Int(at))),
            ("body", RedisArgument(body)),
        ]
    }

    /// Reads an entry's fields. Throws when a field is missing or the version is not ours,
    /// so the consumer dead-letters it instead of guessing.
    public init(fields: [String: String]) throws(EnvelopeError) {
        guard let rawVersion = fields["v"], let version = Int(rawVersion) else { throw .missingField("v") }
        guard version == Envelope.currentVersion else { throw .unsupportedVersion(version) }
        guard let id = fields["id"], !id.isEmpty else { throw .missingField("id") }
        guard let kind = fields["kind"], !kind.isEmpty else { throw .missingField("kind") }
        guard let body = fields["body"] else { throw .missingField("body") }
        self.version = version
        self.id = id
        self.kind = kind
        self.reply = fields["reply"] ?? ""
        self.trace = fields["trace"] ?? ""
        self.at = fields["at"].flatMap { Int64($0) } ?? 0
        self.body = body
    }
}

public enum EnvelopeError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingField(String)
    case unsupportedVersion(Int)

    public var description: String {
        switch self {
        case .missingField(let name): return "envelope field \(name) missing"
        case .unsupportedVersion(let v): return "envelope version \(v) not supported"
        }
    }
}
