import Shared

/// The OpenAPI 3.1 description of every HTTP route. It is the source of `openapi.yaml`
/// (`talkhub openapi > openapi.yaml`; a test checks the committed file is current) and is
/// served at `/openapi.json` and `/openapi.yaml`. A test checks that the router's routes and
/// the document's operations are the same set.
public enum OpenAPIDocument {
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static func response(_ name: String) -> JSONValue { ["$ref": .string("#/components/responses/\(name)")] }

    static func json(_ schema: JSONValue, _ description: String) -> JSONValue {
        ["description": .string(description), "content": ["application/json": ["schema": schema]]]
    }

    static let rateLimited: JSONValue = response("RateLimited")
    static let errorResponses: JSONValue = [
        "400": response("BadRequest"), "401": response("Unauthorized"), "413": response("PayloadTooLarge"),
        "429": response("RateLimited"), "503": response("Unavailable"),
    ]

    static func merge(_ a: JSONValue, _ b: JSONValue) -> JSONValue {
        .object((a.object ?? [:]).merging(b.object ?? [:]) { $1 })
    }

    /// What every webhook answers.
    static let webhookResponses: JSONValue = [
        "200": json(ref("WebhookAccepted"), "Every event of the delivery is queued (or the delivery was dead-lettered)."),
        "400": response("BadRequest"), "401": response("Unauthorized"), "413": response("PayloadTooLarge"), "503": response("Unavailable"),
    ]

    static let webhookOperation: JSONValue = [
        "tags": ["webhooks"],
        "summary": "UChat/TalkHub flow webhook",
        "description": "Signed with X-Webhook-Signature (sha256=<hex HMAC-SHA256 of the raw body with WEBHOOK_SECRET>) or X-Webhook-Secret. Checked in order: size (413), signature (401), JSON (400). 200 only once every event is on the stream; JSON of an unknown shape is answered 200 and dead-lettered. 503 with Retry-After when the queue is unavailable.",
        "parameters": [
            ["name": "X-Webhook-Signature", "in": "header", "required": false, "schema": ["type": "string", "pattern": "^sha256=[0-9a-fA-F]{64}$"]],
            ["name": "X-Webhook-Secret", "in": "header", "required": false, "schema": ["type": "string"]],
        ],
        "requestBody": ["required": true, "content": ["application/json": ["schema": ref("UChatEvent")]]],
        "responses": webhookResponses,
    ]

    static let whatsappVerify: JSONValue = [
        "tags": ["webhooks"],
        "summary": "WhatsApp subscription verification",
        "parameters": [
            ["name": "hub.mode", "in": "query", "required": true, "schema": ["type": "string", "enum": ["subscribe"]]],
            ["name": "hub.verify_token", "in": "query", "required": true, "schema": ["type": "string"]],
            ["name": "hub.challenge", "in": "query", "required": true, "schema": ["type": "string"]],
        ],
        "responses": [
            "200": ["description": "The challenge, echoed.", "content": ["text/plain": ["schema": ["type": "string"]]]],
            "403": response("Forbidden"),
        ],
    ]

    static let whatsappOperation: JSONValue = [
        "tags": ["webhooks"],
        "summary": "WhatsApp Cloud API webhook",
        "description": "entry[].changes[].value with messages[] (every type), statuses[] and contacts[]. Signed with X-Hub-Signature-256 (sha256=<hex HMAC-SHA256 of the raw body with WHATSAPP_APP_SECRET>). Checked in order: size (413), signature (401), JSON (400); 200 once every event is queued; unknown shapes are dead-lettered with 200; 503 with Retry-After when the queue is unavailable.",
        "parameters": [["name": "X-Hub-Signature-256", "in": "header", "required": true, "schema": ["type": "string", "pattern": "^sha256=[0-9a-fA-F]{64}$"]]],
        "requestBody": ["required": true, "content": ["application/json": ["schema": ["type": "object"]]]],
        "responses": webhookResponses,
    ]

    static let telegramOperation: JSONValue = [
        "tags": ["webhooks"],
        "summary": "Telegram Bot API webhook",
        "description": "An Update with message, edited_message or callback_query. X-Telegram-Bot-Api-Secret-Token must equal TELEGRAM_SECRET_TOKEN.",
        "parameters": [["name": "X-Telegram-Bot-Api-Secret-Token", "in": "header", "required": true, "schema": ["type": "string"]]],
        "requestBody": ["required": true, "content": ["application/json": ["schema": ["type": "object"]]]],
        "responses": webhookResponses,
    ]

    static let healthOperation: JSONValue = [
        "tags": ["health"],
        "summary": "Health of the gateway, Redis, PostgreSQL and the worker groups",
        "responses": [
            "200": json(ref("Health"), "Everything is up."),
            "503": json(ref("Health"), "Degraded: the body names what is down."),
        ],
    ]

    static func probe(_ summary: String) -> JSONValue {
        ["tags": ["health"], "summary": .string(summary), "responses": ["200": json(["type": "object"], "Up."), "503": json(["type": "object"], "Not ready.")]]
    }

    public static let document: JSONValue = [
        "openapi": "3.1.0",
        "info": [
            "title": "TalkHub",
            "version": .string(TalkHubVersion.current),
            "description": "Memory and insight for chatbots on WhatsApp, Telegram and UChat/TalkHub flows: webhooks, tools (REST and MCP), health.",
        ],
        "servers": [["url": "/"]],
        "tags": [["name": "health"], ["name": "webhooks"], ["name": "auth"], ["name": "tools"], ["name": "mcp"], ["name": "admin"], ["name": "operations"], ["name": "meta"]],
        "paths": merge(merge(merge(merge(toolPaths, mcpPaths), adminPaths), operationsPaths), [
            "/api/health": ["get": healthOperation],
            "/health/live": ["get": probe("Liveness: the process is up")],
            "/health/ready": ["get": probe("Readiness: Redis and PostgreSQL are reachable")],
            "/webhooks/uchat": ["post": webhookOperation],
            "/uchat": ["post": merge(webhookOperation, ["summary": "UChat webhook (the original service's path)"])],
            "/webhooks/whatsapp": ["get": whatsappVerify, "post": whatsappOperation],
            "/whatsapp": ["get": whatsappVerify, "post": merge(whatsappOperation, ["summary": "WhatsApp webhook (the original service's path)"])],
            "/webhooks/telegram": ["post": telegramOperation],
            "/telegram": ["post": merge(telegramOperation, ["summary": "Telegram webhook (the original service's path)"])],
            "/api/v1/auth/token": [
                "post": [
                    "tags": ["auth"],
                    "summary": "Exchange the admin secret for a 24-hour bearer token",
                    "description": "The secret is compared in constant time. Failed attempts have their own budget per client IP (AUTH_FAIL_MAX per RATE_LIMIT_WINDOW); once spent, token requests get 429 until the window passes.",
                    "requestBody": ["required": true, "content": ["application/json": ["schema": ref("TokenRequest")]]],
                    "responses": merge(errorResponses, ["200": json(ref("TokenResponse"), "A signed HS256 token.")]),
                ]
            ],
            "/api/v1/mcp/tools": [
                "get": [
                    "tags": ["tools"],
                    "summary": "The five tools with their JSON Schemas",
                    "security": [["bearerAuth": []]],
                    "responses": merge(errorResponses, ["200": json(ref("ToolList"), "The tools.")]),
                ]
            ],
            "/openapi.json": ["get": ["tags": ["meta"], "summary": "This document as JSON", "responses": ["200": json(["type": "object"], "OpenAPI 3.1")]]],
            "/openapi.yaml": [
                "get": [
                    "tags": ["meta"], "summary": "This document as YAML",
                    "responses": ["200": ["description": "OpenAPI 3.1", "content": ["application/yaml": ["schema": [:]]]]],
                ]
            ],
        ]),
        "components": [
            "securitySchemes": ["bearerAuth": ["type": "http", "scheme": "bearer", "description": "A JWT from /api/v1/auth/token, or an API key thk_… (scopes: tools, webhooks:read, admin; a route without its scope answers 403)."]],
            "headers": [
                "RateLimit-Limit": ["schema": ["type": "integer"], "description": "Requests allowed per window."],
                "RateLimit-Remaining": ["schema": ["type": "integer"]],
                "RateLimit-Reset": ["schema": ["type": "integer"], "description": "Seconds until the full budget is back."],
                "Retry-After": ["schema": ["type": "integer"], "description": "Seconds to wait."],
                "X-Request-Id": ["schema": ["type": "string"], "description": "Echoed when it matches [A-Za-z0-9._:-]{1,128}, else generated."],
                "X-Call-Id": ["schema": ["type": "string", "format": "uuid"], "description": "The tool call's id: names its stored result."],
            ],
            "responses": [
                "BadRequest": json(ref("Error"), "Malformed request (invalid_json, invalid_argument)."),
                "Unauthorized": json(ref("Error"), "Missing or invalid credentials (WWW-Authenticate says which)."),
                "Forbidden": json(ref("Error"), "Not allowed."),
                "NotFound": json(ref("Error"), "No such thing."),
                "MethodNotAllowed": json(ref("Error"), "Method not allowed (the Allow header lists those that are)."),
                "PayloadTooLarge": json(ref("Error"), "Body larger than MAX_BODY_BYTES."),
                "RateLimited": merge(json(ref("Error"), "Over the rate limit."), ["headers": ["Retry-After": ["$ref": "#/components/headers/Retry-After"]]]),
                "Unavailable": merge(json(ref("Error"), "A dependency is unavailable; retry."), ["headers": ["Retry-After": ["$ref": "#/components/headers/Retry-After"]]]),
            ],
            "schemas": [
                "JSONRPCMessage": jsonRPCMessage,
                "Error": [
                    "type": "object",
                    "required": ["error", "code", "request_id"],
                    "properties": [
                        "error": ["type": "string"],
                        "code": [
                            "type": "string",
                            "enum": [
                                "invalid_json", "invalid_argument", "unauthorized", "forbidden", "not_found", "payload_too_large", "rate_limited",
                                "unsupported_media_type", "method_not_allowed", "overloaded", "timeout", "unavailable", "internal",
                            ],
                        ],
                        "details": ["type": "array", "items": ["type": "object", "properties": ["field": ["type": "string"], "problem": ["type": "string"]]]],
                        "request_id": ["type": "string"],
                        "call_id": ["type": "string"],
                    ],
                ],
                "Health": [
                    "type": "object",
                    "required": ["status", "version", "redis", "postgres", "workers"],
                    "properties": [
                        "status": ["type": "string", "enum": ["healthy", "degraded"]],
                        "version": ["type": "string"],
                        "redis": ["type": "object", "properties": ["status": ["type": "string", "enum": ["up", "down"]]]],
                        "postgres": ["type": "object", "properties": ["status": ["type": "string", "enum": ["up", "down"]]]],
                        "workers": [
                            "type": "object",
                            "properties": [
                                "consumers": ["type": "integer"], "pending": ["type": "integer"], "lag": ["type": "integer"],
                                "groups": ["type": "object", "additionalProperties": ["type": "object"]],
                            ],
                        ],
                        "down": ["type": "array", "items": ["type": "string"]],
                    ],
                ],
                "UChatEvent": [
                    "type": "object",
                    "properties": [
                        "event_id": ["type": "string"],
                        "event": ["type": "string", "enum": ["message", "status"]],
                        "user_id": ["type": "string"],
                        "user": ["type": "object", "properties": ["name": ["type": "string"], "phone": ["type": "string"], "email": ["type": "string"]]],
                        "platform": ["type": "string"],
                        "channel": ["type": "string"],
                        "message": [
                            "type": "object",
                            "properties": [
                                "id": ["type": "string"], "text": ["type": "string"], "direction": ["type": "string", "enum": ["in", "out"]],
                                "timestamp": ["type": "string"], "status": ["type": "string", "enum": ["sent", "delivered", "read", "failed"]],
                            ],
                        ],
                    ],
                ],
                "WebhookAccepted": [
                    "type": "object",
                    "properties": ["status": ["type": "string"], "accepted": ["type": "integer"], "dead_lettered": ["type": "integer"]],
                ],
                "TokenRequest": [
                    "type": "object",
                    "required": ["username", "admin_secret"],
                    "properties": ["username": ["type": "string", "minLength": 1], "admin_secret": ["type": "string"]],
                ],
                "TokenResponse": [
                    "type": "object",
                    "required": ["token", "token_type", "expires_in", "expires_at"],
                    "properties": [
                        "token": ["type": "string"], "token_type": ["type": "string", "enum": ["Bearer"]],
                        "expires_in": ["type": "integer"], "expires_at": ["type": "string", "format": "date-time"],
                    ],
                ],
                "ToolList": [
                    "type": "object",
                    "properties": [
                        "tools": [
                            "type": "array",
                            "items": [
                                "type": "object",
                                "required": ["name", "description", "inputSchema"],
                                "properties": ["name": ["type": "string"], "title": ["type": "string"], "description": ["type": "string"], "inputSchema": ["type": "object"]],
                            ],
                        ]
                    ],
                ],
            ],
        ],
    ]

    /// Every (method, path) the document describes, paths in OpenAPI's `{param}` form.
    public static var operations: Set<String> {
        var result = Set<String>()
        for (path, item) in document["paths"]?.object ?? [:] {
            for method in (item.object ?? [:]).keys { result.insert("\(method.uppercased()) \(path)") }
        }
        return result
    }
}
