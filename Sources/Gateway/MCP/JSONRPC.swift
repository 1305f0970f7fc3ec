import Shared

/// JSON-RPC 2.0 as MCP uses it: requests (with an id), notifications (without) and the
/// responses we send. Ids are echoed exactly as they came (string or number).
enum JSONRPC {
    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let internalError = -32603

    /// One incoming message, checked.
    enum Message {
        case request(id: JSONValue, method: String, params: [String: JSONValue])
        case notification(method: String)
        /// A response from the client (to a server request we never make): ignored.
        case response
        /// Not a valid JSON-RPC message; answered with `invalidRequest` and this id (or null).
        case invalid(id: JSONValue, reason: String)
    }

    static func message(_ value: JSONValue) -> Message {
        guard case .object(let object) = value else { return .invalid(id: .null, reason: "a JSON-RPC message must be an object") }
        let id = object["id"]
        let validID: Bool
        switch id {
        case .string?, .integer?: validID = true
        case .number(let d)? where d.rounded() == d: validID = true
        default: validID = false
        }
        guard object["jsonrpc"] == "2.0" else { return .invalid(id: validID ? id! : .null, reason: "jsonrpc must be \"2.0\"") }
        guard let methodValue = object["method"] else {
            if validID, object["result"] != nil || object["error"] != nil { return .response }
            return .invalid(id: validID ? id! : .null, reason: "method is required")
        }
        guard case .string(let method) = methodValue, !method.isEmpty else {
            return .invalid(id: validID ? id! : .null, reason: "method must be a string")
        }
        var params: [String: JSONValue] = [:]
        switch object["params"] {
        case nil, .null?: break
        case .object(let p)?: params = p
        default: return .invalid(id: validID ? id! : .null, reason: "params must be an object")
        }
        guard let id else { return .notification(method: method) }
        guard validID else { return .invalid(id: .null, reason: "id must be a string or an integer") }
        return .request(id: id, method: method, params: params)
    }

    static func result(id: JSONValue, _ result: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    static func error(id: JSONValue, code: Int, message: String, data: JSONValue? = nil) -> JSONValue {
        var error: [String: JSONValue] = ["code": .integer(Int64(code)), "message": .string(message)]
        if let data { error["data"] = data }
        return ["jsonrpc": "2.0", "id": id, "error": .object(error)]
    }
}
