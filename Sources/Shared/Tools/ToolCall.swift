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
/// `{"id", "status", "body", "subject", "tool"}`.
public struct ToolResult: Codable, Sendable, Hashable {
    public var id: String
    public var status: Int
    public var body: JSONValue
    public var subject: String
    /// The tool that ran (a replayed Idempotency-Key must name the same tool).
    public var tool: String?

    public init(id: String, status: Int, body: JSONValue, subject: String, tool: String? = nil) {
        self.id = id
        self.status = status
        self.body = body
        self.subject = subject
        self.tool = tool
    }

    public var jsonText: String {
        var object: [String: JSONValue] = ["id": .string(id), "status": .integer(Int64(status)), "body": body, "subject": .string(subject)]
        if let tool { object["tool"] = .string(tool) }
        return JSONValue.object(object).jsonText
    }

    /// Reads a stored result; nil for the pending marker or anything else.
    public init?(jsonText: String) {
        guard let value = try? JSONValue.parse(Array(jsonText.utf8)), let object = value.object,
            let id = object["id"]?.stringValue, let status = object["status"]?.doubleValue,
            let body = object["body"], let subject = object["subject"]?.stringValue
        else { return nil }
        self.init(id: id, status: Int(status), body: body, subject: subject, tool: object["tool"]?.stringValue)
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
