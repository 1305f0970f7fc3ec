import Shared

/// The `/mcp` operations of the OpenAPI document.
extension OpenAPIDocument {
    static let mcpSessionHeader: JSONValue = [
        "name": "Mcp-Session-Id", "in": "header", "required": false,
        "description": "Issued by initialize; required on every later request (400 without it, 404 when unknown, ended or another subject's).",
        "schema": ["type": "string"],
    ]
    static let mcpVersionHeader: JSONValue = [
        "name": "MCP-Protocol-Version", "in": "header", "required": false,
        "description": "2025-03-26 (assumed when absent), 2025-06-18 or 2025-11-25; anything else is 400.",
        "schema": ["type": "string", "enum": ["2025-03-26", "2025-06-18", "2025-11-25"]],
    ]

    static let mcpPaths: JSONValue = [
        "/mcp": [
            "post": [
                "tags": ["mcp"],
                "summary": "MCP over Streamable HTTP (JSON-RPC 2.0)",
                "description": "initialize (issues Mcp-Session-Id), notifications/initialized (202), ping, tools/list, tools/call. Replies are plain JSON. JSON-RPC errors (-32700 parse, -32600 invalid request, -32601 unknown method, -32602 unknown tool) travel in a 200 reply; a tool's own failure is a result with isError: true. HTTP-level errors use the REST error shape. A disallowed Origin is 403.",
                "security": [["bearerAuth": []]],
                "parameters": [mcpSessionHeader, mcpVersionHeader],
                "requestBody": [
                    "required": true,
                    "content": ["application/json": ["schema": ["oneOf": [ref("JSONRPCMessage"), ["type": "array", "items": ref("JSONRPCMessage")]]]]],
                ],
                "responses": [
                    "200": merge(json(["oneOf": [["type": "object"], ["type": "array", "items": ["type": "object"]]]], "JSON-RPC response(s)."), [
                        "headers": ["Mcp-Session-Id": ["schema": ["type": "string"], "description": "On the reply to initialize."]],
                    ]),
                    "202": ["description": "Only notifications or responses were sent."],
                    "400": response("BadRequest"), "401": response("Unauthorized"), "403": response("Forbidden"),
                    "404": response("NotFound"), "413": response("PayloadTooLarge"), "429": response("RateLimited"), "503": response("Unavailable"),
                ],
            ],
            "delete": [
                "tags": ["mcp"],
                "summary": "End an MCP session",
                "security": [["bearerAuth": []]],
                "parameters": [mcpSessionHeader, mcpVersionHeader],
                "responses": [
                    "204": ["description": "Ended."],
                    "400": response("BadRequest"), "401": response("Unauthorized"), "403": response("Forbidden"),
                    "404": response("NotFound"), "429": response("RateLimited"), "503": response("Unavailable"),
                ],
            ],
            "get": [
                "tags": ["mcp"],
                "summary": "No server-sent event stream is offered",
                "security": [["bearerAuth": []]],
                "responses": [
                    "401": response("Unauthorized"), "403": response("Forbidden"), "405": response("MethodNotAllowed"), "429": response("RateLimited"),
                ],
            ],
        ]
    ]

    static let jsonRPCMessage: JSONValue = [
        "type": "object",
        "required": ["jsonrpc"],
        "properties": [
            "jsonrpc": ["type": "string", "enum": ["2.0"]],
            "id": ["type": ["string", "integer"]],
            "method": ["type": "string"],
            "params": ["type": "object"],
            "result": [:],
            "error": ["type": "object"],
        ],
    ]
}
