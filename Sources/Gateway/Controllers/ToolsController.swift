import Foundation
import Hummingbird
import Shared

/// The tool routes (API.md, Tools): the REST form of the five tools, the generic call, the
/// tool listing, and stored results by call id.
struct ToolsController {
    let runner: ToolRunner
    let maxBodyBytes: Int

    var endpoints: RouteCollection<GatewayContext> {
        let routes = RouteCollection(context: GatewayContext.self)
        routes.get("/api/v1/mcp/tools") { _, _ in Response.json(ToolCatalog.listing) }
        routes.post("/api/v1/mcp/create_chat_session") { request, context in
            try await runner.response(.createChatSession, try await JSONRequest.object(request, limit: maxBodyBytes), request: request, context: context)
        }
        routes.get("/api/v1/mcp/get_user_context/{user_id}") { request, context in
            var arguments: [String: JSONValue] = ["user_id": .string(try Self.pathParameter("user_id", context))]
            if let include = request.uri.queryParameters["include_history"] { arguments["include_history"] = .string(String(include)) }
            return try await runner.response(.getUserContext, arguments, request: request, context: context)
        }
        routes.post("/api/v1/mcp/save_conversation") { request, context in
            try await runner.response(.saveConversation, try await JSONRequest.object(request, limit: maxBodyBytes), request: request, context: context)
        }
        for method in [HTTPRequest.Method.put, .post] {
            routes.on("/api/v1/mcp/update_user_profile", method: method) { request, context in
                try await runner.response(.updateUserProfile, try await JSONRequest.object(request, limit: maxBodyBytes), request: request, context: context)
            }
        }
        routes.get("/api/v1/mcp/get_conversation_analytics") { request, context in
            try await runner.response(.getConversationAnalytics, try Self.analyticsArguments(request.uri.queryParameters), request: request, context: context)
        }
        routes.post("/api/v1/mcp/call") { request, context in
            let body = try await JSONRequest.object(request, limit: maxBodyBytes)
            guard case .string(let name)? = body["name"] else {
                throw APIError.invalidArgument("name is required", details: [.init(field: "name", problem: "required: the tool's name")])
            }
            guard let tool = ToolName(rawValue: name) else { throw APIError.notFound("unknown tool \"\(name)\"") }
            let arguments: [String: JSONValue]
            switch body["arguments"] {
            case nil, .null?: arguments = [:]
            case .object(let object)?: arguments = object
            default: throw APIError.invalidArgument("arguments must be an object", details: [.init(field: "arguments", problem: "must be an object")])
            }
            return try await runner.response(tool, arguments, request: request, context: context)
        }
        routes.get("/api/v1/requests/{call_id}") { _, context -> Response in
            guard let identity = context.identity else { throw APIError.unauthorized() }
            let callID = try Self.pathParameter("call_id", context).lowercased()
            guard UUID(uuidString: callID) != nil, let stored = try await runner.dispatcher.stored(callID: callID, subject: identity.subject) else {
                throw APIError.notFound("no such call, or its result has expired")
            }
            var headers = HTTPFields()
            headers[.xCallID] = callID
            switch stored {
            case .pending:
                return Response.json(["status": "pending", "call_id": .string(callID)], status: .accepted, headers: headers)
            case .done(let result):
                return ToolRunner.response(status: result.status, bodyText: result.bodyText, headers: headers, context: context)
            }
        }
        return routes
    }

    /// A path parameter, percent-decoded (API.md Precise rules, Strings).
    static func pathParameter(_ name: String, _ context: GatewayContext) throws -> String {
        guard let raw = context.parameters.get(name), let decoded = raw.removingPercentEncoding else {
            throw APIError.invalidArgument("\(name) is not a valid path segment", details: [.init(field: name, problem: "invalid percent-encoding")])
        }
        if decoded.utf8.contains(0) {
            throw APIError.invalidArgument("strings must not contain NUL", details: [.init(field: name, problem: "contains a NUL character")])
        }
        return decoded
    }

    /// The query of `get_conversation_analytics` as tool arguments: `date_range` is JSON
    /// (`{"start","end"}`), or `start=` / `end=`; `metrics` a comma list.
    static func analyticsArguments(_ query: Parameters) throws -> [String: JSONValue] {
        var arguments: [String: JSONValue] = [:]
        for key: Substring in ["user_id", "platform", "channel_id"] {
            if let value = query[key] { arguments[String(key)] = .string(String(value)) }
        }
        if let raw = query["date_range"] {
            guard let range = try? JSONValue.parse(Array(raw.utf8)) else {
                throw APIError.invalidArgument(
                    "date_range must be JSON like {\"start\":\"2025-01-01\",\"end\":\"2025-01-31\"}",
                    details: [.init(field: "date_range", problem: "not a JSON object")]
                )
            }
            arguments["date_range"] = range
        } else if query["start"] != nil || query["end"] != nil {
            arguments["date_range"] = [
                "start": query["start"].map { .string(String($0)) } ?? .null,
                "end": query["end"].map { .string(String($0)) } ?? .null,
            ]
        }
        if let metrics = query["metrics"] {
            arguments["metrics"] = .array(metrics.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) })
        }
        for (key, value) in arguments where JSONRequest.firstNUL(value, path: key) != nil {
            throw APIError.invalidArgument("strings must not contain NUL", details: [.init(field: key, problem: "contains a NUL character")])
        }
        return arguments
    }
}
