import Shared

/// The tool routes of the OpenAPI document.
extension OpenAPIDocument {
    static let toolErrors: JSONValue = merge(errorResponses, [
        "504": merge(json(ref("Error"), "Not finished within TOOL_TIMEOUT_MS; the work goes on. The body's call_id fetches the result later at /api/v1/requests/{call_id}."),
                     ["headers": ["X-Call-Id": ["$ref": "#/components/headers/X-Call-Id"]]]),
    ])

    static let idempotencyHeader: JSONValue = [
        "name": "Idempotency-Key", "in": "header", "required": false,
        "description": "Per token subject, kept 24 hours: a repeat returns the first call's status and body (waiting for it while it runs) and writes once.",
        "schema": ["type": "string", "minLength": 1, "maxLength": 255],
    ]

    static func answer(_ schema: JSONValue, _ description: String) -> JSONValue {
        merge(json(schema, description), ["headers": ["X-Call-Id": ["$ref": "#/components/headers/X-Call-Id"]]])
    }

    static func toolOperation(_ tool: ToolName, responses: JSONValue, parameters: [JSONValue] = [], body: Bool) -> JSONValue {
        let catalog = ToolCatalog.tool(tool)
        var operation: [String: JSONValue] = [
            "tags": ["tools"],
            "summary": .string(catalog.title),
            "description": .string(catalog.description),
            "security": [["bearerAuth": []]],
            "responses": merge(toolErrors, responses),
        ]
        if body {
            operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": catalog.inputSchema]]]
            operation["parameters"] = .array([idempotencyHeader] + parameters)
        } else if !parameters.isEmpty {
            operation["parameters"] = .array(parameters)
        }
        return .object(operation)
    }

    static func query(_ name: String, _ description: String, schema: JSONValue = ["type": "string"]) -> JSONValue {
        ["name": .string(name), "in": "query", "required": false, "description": .string(description), "schema": schema]
    }

    static let toolPaths: JSONValue = [
        "/api/v1/mcp/create_chat_session": [
            "post": toolOperation(.createChatSession, responses: [
                "200": answer(ToolSchemas.session, "The user's open session on that platform, user_data merged."),
                "201": answer(ToolSchemas.session, "A new session."),
            ], body: true)
        ],
        "/api/v1/mcp/get_user_context/{user_id}": [
            "get": toolOperation(.getUserContext, responses: ["200": answer(ToolSchemas.userContext, "What is known about the user.")], parameters: [
                ["name": "user_id", "in": "path", "required": true, "description": "Percent-decoded.", "schema": ["type": "string", "minLength": 1, "maxLength": 255]],
                query("include_history", "Include the five newest conversations.", schema: ["type": "string", "enum": ["true", "false", "1", "0"]]),
            ], body: false)
        ],
        "/api/v1/mcp/save_conversation": [
            "post": toolOperation(.saveConversation, responses: ["201": answer(ToolSchemas.conversation, "Saved (or the first save again, for a replay).")], body: true)
        ],
        "/api/v1/mcp/update_user_profile": [
            "put": toolOperation(.updateUserProfile, responses: ["200": answer(ToolSchemas.profile, "The whole profile.")], body: true),
            "post": toolOperation(.updateUserProfile, responses: ["200": answer(ToolSchemas.profile, "The whole profile.")], body: true),
        ],
        "/api/v1/mcp/get_conversation_analytics": [
            "get": toolOperation(.getConversationAnalytics, responses: ["200": answer(ToolSchemas.analytics, "The metrics asked for, with range and computed_at.")], parameters: [
                query("user_id", "Only this user's conversations."),
                query("platform", "Only this platform."),
                query("channel_id", "Only this channel (WhatsApp phone_number_id, Telegram bot, UChat channel)."),
                query("date_range", "JSON {\"start\",\"end\"}: inclusive days (YYYY-MM-DD, in ANALYTICS_TZ) or RFC 3339 instants (half-open)."),
                query("start", "Same as date_range.start."),
                query("end", "Same as date_range.end."),
                query("metrics", "Comma list of metric names to keep."),
            ], body: false)
        ],
        "/api/v1/mcp/call": [
            "post": [
                "tags": ["tools"],
                "summary": "Run any tool by name",
                "description": "Answers exactly as the tool's REST form would (same status, same body). Unknown tool → 404.",
                "security": [["bearerAuth": []]],
                "parameters": [idempotencyHeader],
                "requestBody": [
                    "required": true,
                    "content": ["application/json": ["schema": [
                        "type": "object", "required": ["name"],
                        "properties": ["name": ["type": "string", "enum": .array(ToolName.allCases.map { .string($0.rawValue) })], "arguments": ["type": "object"]],
                    ]]],
                ],
                "responses": merge(toolErrors, [
                    "200": answer(["type": "object"], "The tool's answer."),
                    "201": answer(["type": "object"], "The tool's answer (create_chat_session opened, save_conversation saved)."),
                    "404": response("NotFound"),
                ]),
            ]
        ],
        "/api/v1/requests/{call_id}": [
            "get": [
                "tags": ["tools"],
                "summary": "The result of a tool call by call id",
                "description": "Readable for RESULT_TTL_S by the token subject that made the call; anyone else gets 404.",
                "security": [["bearerAuth": []]],
                "parameters": [["name": "call_id", "in": "path", "required": true, "schema": ["type": "string"]]],
                "responses": merge(errorResponses, [
                    "200": json(["type": "object"], "The call's original status and body."),
                    "201": json(["type": "object"], "The call's original status and body."),
                    "202": json(["type": "object", "properties": ["status": ["type": "string", "enum": ["pending"]], "call_id": ["type": "string"]]], "Still running."),
                    "404": response("NotFound"),
                ]),
            ]
        ],
    ]
}
