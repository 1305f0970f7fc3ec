import Foundation

/// The body of a `tool.*` envelope: who asked and the validated arguments. The envelope's
/// `id` is the call id and its `reply` the asking gateway's reply key.
public struct ToolCall: Codable, Sendable, Hashable {
    /// The token subject (or API key subject) of the caller; results are readable only by it.
    public var subject: String
    public var arguments: JSONValue

    public init(subject: String, arguments: JSONValue) {
        self.subject = subject
        self.arguments = arguments
    }
}

/// A finished call: the HTTP status and JSON body the REST form answers with. Stored at
/// `talkhub:result:<call id>` and pushed onto the reply key, as one JSON object
/// `{"body", "id", "status", "subject", "tool"}` (keys sorted, as `JSONValue` writes them).
///
/// The body is kept as the worker wrote it, compact JSON text: the gateway answers a
/// successful call with those bytes as they are, without building and writing a tree again.
public struct ToolResult: Sendable, Hashable {
    public var id: String
    public var status: Int
    /// The body as compact JSON text.
    public var bodyText: String
    public var subject: String
    /// The tool that ran (a replayed Idempotency-Key must name the same tool).
    public var tool: String?

    public init(id: String, status: Int, body: JSONValue, subject: String, tool: String? = nil) {
        self.init(id: id, status: status, bodyText: body.jsonText, subject: subject, tool: tool)
    }

    /// `bodyText` must be JSON text (`JSONValue.jsonText` of the body).
    public init(id: String, status: Int, bodyText: String, subject: String, tool: String? = nil) {
        self.id = id
        self.status = status
        self.bodyText = bodyText
        self.subject = subject
        self.tool = tool
    }

    /// The body as a value (parsed from `bodyText`).
    public var body: JSONValue { (try? JSONValue.parse(bodyText.utf8)) ?? .null }

    /// The same text `JSONValue.object` would write for these five members, written directly
    /// around the body's text.
    public var jsonText: String {
        var out: [UInt8] = []
        out.reserveCapacity(bodyText.utf8.count + id.utf8.count + subject.utf8.count + 64)
        out.append(contentsOf: #"{"body":"#.utf8)
        out.append(contentsOf: bodyText.utf8)
        out.append(contentsOf: #","id":"#.utf8)
        JSONValue.writeString(id, into: &out)
        out.append(contentsOf: #","status":"#.utf8)
        JSONValue.integer(Int64(status)).write(into: &out)
        out.append(contentsOf: #","subject":"#.utf8)
        JSONValue.writeString(subject, into: &out)
        if let tool {
            out.append(contentsOf: #","tool":"#.utf8)
            JSONValue.writeString(tool, into: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads a stored result; nil for the pending marker or anything else. The body's text
    /// is checked and taken as it is, not built into a value.
    public init?(jsonText: String) {
        guard let (members, raw) = JSONValue.members(of: jsonText, keepingText: "body"), let bodyText = raw,
            let id = members["id"]?.stringValue, let status = members["status"]?.doubleValue,
            let subject = members["subject"]?.stringValue
        else { return nil }
        self.init(id: id, status: Int(status), bodyText: bodyText, subject: subject, tool: members["tool"]?.stringValue)
    }

    /// What the gateway stores under the result key while the call runs.
    public static func pendingMarker(subject: String, tool: String) -> String {
        JSONValue.object(["status": "pending", "subject": .string(subject), "tool": .string(tool)]).jsonText
    }

    /// The tool of a stored value, pending or done.
    public static func tool(ofStored text: String) -> String? {
        (try? JSONValue.parse(Array(text.utf8)))?["tool"]?.stringValue
    }

    /// The answer to an Idempotency-Key reused for another tool.
    public static func keyReused(id: String, subject: String, firstTool: String, tool: String) -> ToolResult {
        ToolResult(
            id: id, status: 400,
            body: [
                "error": .string("this Idempotency-Key was used for \(firstTool); use a new key for \(tool)"), "code": "invalid_argument",
                "details": [["field": "Idempotency-Key", "problem": "already used for another tool"]],
            ],
            subject: subject, tool: tool
        )
    }

    /// The subject of a stored value, pending or done.
    public static func subject(ofStored text: String) -> String? {
        (try? JSONValue.parse(Array(text.utf8)))?["subject"]?.stringValue
    }
}
