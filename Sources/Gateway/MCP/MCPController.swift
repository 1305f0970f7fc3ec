import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Shared

/// `POST /mcp`: the Model Context Protocol over the Streamable HTTP transport, answered with
/// plain JSON (no SSE stream is needed for this surface). A direct Codable-free
/// implementation: a handful of methods over `JSONValue`, with each HTTP request answered on
/// its own, so concurrent clients that reuse JSON-RPC ids can never see each other's results.
/// Tool calls go through the same `ToolRunner` as the REST routes.
struct MCPController {
    static let supportedVersions = ["2025-03-26", "2025-06-18", "2025-11-25"]
    static let latestVersion = "2025-11-25"
    /// Assumed for requests without `MCP-Protocol-Version` (the transport's rule).
    static let defaultVersion = "2025-03-26"

    let runner: ToolRunner
    let sessions: MCPSessions
    let maxBodyBytes: Int

    var endpoints: RouteCollection<GatewayContext> {
        let routes = RouteCollection(context: GatewayContext.self)
        routes.post("/mcp") { request, context in try await post(request, context: context) }
        routes.delete("/mcp") { request, context in
            let identity = try RequireAuthMiddleware.identity(context)
            try Self.checkVersionHeader(request)
            guard let id = request.headers[.mcpSessionID] else {
                throw APIError.invalidArgument("Mcp-Session-Id is required", details: [.init(field: "Mcp-Session-Id", problem: "required")])
            }
            guard try await sessions.end(id, subject: identity.subject) else { throw APIError.notFound("no such MCP session") }
            return Response(status: .noContent)
        }
        routes.get("/mcp") { _, context -> Response in
            _ = try RequireAuthMiddleware.identity(context)
            var headers = HTTPFields()
            headers[.allow] = "POST, DELETE"
            throw APIError(.methodNotAllowed, code: "method_not_allowed", message: "this server sends no SSE stream; POST JSON-RPC messages to /mcp", headers: headers)
        }
        return routes
    }

    /// An unknown `MCP-Protocol-Version` is a 400 (newer clients probe with one, then fall
    /// back to `initialize`).
    static func checkVersionHeader(_ request: Request) throws {
        if let version = request.headers[.mcpProtocolVersion], !supportedVersions.contains(version) {
            throw APIError.invalidArgument(
                "unsupported MCP-Protocol-Version \(version); supported: \(supportedVersions.joined(separator: ", "))",
                details: [.init(field: "MCP-Protocol-Version", problem: "not supported")]
            )
        }
    }

    func post(_ request: Request, context: GatewayContext) async throws -> Response {
        let identity = try RequireAuthMiddleware.identity(context)
        try Self.checkVersionHeader(request)
        let body = try await WebhookController.readBody(request, limit: maxBodyBytes)
        let bytes = Array(body.readableBytesView)
        guard String(validating: bytes, as: UTF8.self) != nil, let parsed = try? JSONRequest.parse(bytes) else {
            return Self.reply(JSONRPC.error(id: .null, code: JSONRPC.parseError, message: "parse error: the body is not valid JSON"))
        }
        let batch: [JSONValue]
        let isBatch: Bool
        switch parsed {
        case .array(let items):
            guard !items.isEmpty else {
                return Self.reply(JSONRPC.error(id: .null, code: JSONRPC.invalidRequest, message: "an empty batch is not a request"))
            }
            batch = items
            isBatch = true
        default:
            batch = [parsed]
            isBatch = false
        }
        let messages = batch.map(JSONRPC.message)

        // initialize opens a session; everything else needs one.
        var session: MCPSessions.Session?
        var newSessionID: String?
        let initializes = messages.contains { if case .request(_, "initialize", _) = $0 { return true } else { return false } }
        if !initializes {
            let needsSession = messages.contains {
                switch $0 {
                case .request, .notification: return true
                default: return false
                }
            }
            if needsSession {
                guard let id = request.headers[.mcpSessionID] else {
                    throw APIError.invalidArgument("Mcp-Session-Id is required; send initialize first", details: [.init(field: "Mcp-Session-Id", problem: "required")])
                }
                session = try await sessions.find(id, subject: identity.subject)
                guard session != nil else { throw APIError.notFound("no such MCP session; initialize again") }
            }
        }

        var responses: [JSONValue] = []
        for message in messages {
            switch message {
            case .invalid(let id, let reason):
                responses.append(JSONRPC.error(id: id, code: JSONRPC.invalidRequest, message: "invalid request: \(reason)"))
            case .notification, .response:
                continue
            case .request(let id, let method, let params):
                if method == "initialize" {
                    let requested = params["protocolVersion"]?.stringValue
                    let version = requested.flatMap { Self.supportedVersions.contains($0) ? $0 : nil } ?? Self.latestVersion
                    newSessionID = try await sessions.create(subject: identity.subject, protocolVersion: version)
                    responses.append(JSONRPC.result(id: id, Self.initializeResult(version: version)))
                } else {
                    responses.append(try await handle(id: id, method: method, params: params, request: request, identity: identity, context: context))
                }
            }
        }
        var headers = HTTPFields()
        if let newSessionID { headers[.mcpSessionID] = newSessionID }
        guard !responses.isEmpty else {
            // Only notifications (or client responses): accepted, no body.
            return Response(status: .accepted, headers: headers)
        }
        return Self.reply(isBatch ? .array(responses) : responses[0], headers: headers)
    }

    func handle(id: JSONValue, method: String, params: [String: JSONValue], request: Request, identity: Identity, context: GatewayContext) async throws -> JSONValue {
        switch method {
        case "ping":
            return JSONRPC.result(id: id, [:])
        case "tools/list":
            return JSONRPC.result(id: id, ["tools": .array(ToolCatalog.tools.map(Self.describe))])
        case "tools/call":
            guard case .string(let name)? = params["name"] else {
                return JSONRPC.error(id: id, code: JSONRPC.invalidParams, message: "tools/call needs params.name")
            }
            guard let tool = ToolName(rawValue: name) else {
                return JSONRPC.error(id: id, code: JSONRPC.invalidParams, message: "unknown tool: \(name)")
            }
            let arguments: [String: JSONValue]
            switch params["arguments"] {
            case nil, .null?: arguments = [:]
            case .object(let object)?: arguments = object
            default: return JSONRPC.result(id: id, Self.toolError("arguments must be an object"))
            }
            if let path = JSONRequest.firstNUL(.object(arguments), path: "") {
                return JSONRPC.result(id: id, Self.toolError("invalid arguments: \(path) contains a NUL character"))
            }
            do {
                let answer = try await runner.run(tool, arguments, subject: identity.subject, idempotencyKey: try ToolRunner.idempotencyKey(request), trace: context.requestID)
                return JSONRPC.result(id: id, [
                    "content": [["type": "text", "text": .string(answer.bodyText)]],
                    "structuredContent": answer.body,
                    "isError": .bool(!(200..<300).contains(answer.status)),
                ])
            } catch let error as APIError {
                // The tool's own failure is a result the model can read, not a protocol error.
                var text = error.message
                if let details = error.details, !details.isEmpty {
                    text += ": " + details.map { "\($0.field) \($0.problem)" }.joined(separator: "; ")
                }
                if let callID = error.extra["call_id"] { text += " (call_id \(callID))" }
                return JSONRPC.result(id: id, Self.toolError(text))
            }
        default:
            return JSONRPC.error(id: id, code: JSONRPC.methodNotFound, message: "method not found: \(method)")
        }
    }

    static func toolError(_ text: String) -> JSONValue {
        ["content": [["type": "text", "text": .string(text)]], "isError": true]
    }

    static func describe(_ tool: ToolCatalog.Tool) -> JSONValue {
        let name = ToolName(rawValue: tool.name)
        let readOnly = !(name?.writes ?? true)
        return [
            "name": .string(tool.name),
            "title": .string(tool.title),
            "description": .string(tool.description),
            "inputSchema": tool.inputSchema,
            "outputSchema": tool.outputSchema,
            "annotations": [
                "title": .string(tool.title),
                "readOnlyHint": .bool(readOnly),
                "destructiveHint": false,
                "idempotentHint": .bool(readOnly || name == .updateUserProfile),
                "openWorldHint": false,
            ],
        ]
    }

    static func initializeResult(version: String) -> JSONValue {
        [
            "protocolVersion": .string(version),
            "capabilities": ["tools": ["listChanged": false]],
            "serverInfo": ["name": "talkhub", "title": "TalkHub", "version": .string(TalkHubVersion.current)],
            "instructions": "TalkHub keeps chatbot users' sessions, conversations and profiles. Call get_user_context at the start of a conversation, create_chat_session to open one, save_conversation when it ends, update_user_profile to record what you learn, and get_conversation_analytics for aggregate questions.",
        ]
    }

    static func reply(_ value: JSONValue, headers: HTTPFields = [:]) -> Response {
        .json(value, status: .ok, headers: headers)
    }
}

extension HTTPField.Name {
    static let mcpSessionID = Self("Mcp-Session-Id")!
    static let mcpProtocolVersion = Self("MCP-Protocol-Version")!
}

/// Refuses a request whose `Origin` is not on `ALLOWED_ORIGINS` (403), before anything else:
/// the transport's defence against DNS rebinding. Requests without `Origin` (non-browser
/// clients) pass.
struct OriginGuardMiddleware: RouterMiddleware {
    typealias Context = GatewayContext
    let cors: CORSMiddleware

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let origin = request.headers[.origin], !cors.isAllowed(origin) {
            throw APIError.forbidden("origin \(origin) is not allowed")
        }
        return try await next(request, context)
    }
}
