import Shared

/// The admin operations (LGPD rights, API keys) of the OpenAPI document.
extension OpenAPIDocument {
    static let adminErrors: JSONValue = merge(errorResponses, ["403": response("Forbidden")])

    static let userIDPath: JSONValue = [
        "name": "user_id", "in": "path", "required": true, "description": "Percent-decoded; a Brazilian mobile in either form.",
        "schema": ["type": "string", "minLength": 1, "maxLength": 255],
    ]

    static let apiKeySchema: JSONValue = [
        "type": "object",
        "required": ["id", "name", "scopes", "prefix", "created_by", "created_at", "revoked_at"],
        "properties": [
            "id": ["type": "string", "format": "uuid"], "name": ["type": "string"],
            "scopes": ["type": "array", "items": ["type": "string", "enum": ["tools", "webhooks:read", "admin"]]],
            "prefix": ["type": "string", "description": "The first characters of the key, to recognise it."],
            "created_by": ["type": "string"], "created_at": ["type": "string", "format": "date-time"],
            "revoked_at": ["type": ["string", "null"], "format": "date-time"],
        ],
    ]

    static let adminPaths: JSONValue = [
        "/api/v1/users/{user_id}": [
            "delete": [
                "tags": ["admin"],
                "summary": "Erase a user's personal data (LGPD)",
                "description": "Deletes the profile, erases message text, conversation contents, sessions' user_data, idempotency bodies, cached answers and stored results; analysis labels and counts stay under a random pseudonym. Audited. An unknown user gets zero counts.",
                "security": [["bearerAuth": []]],
                "parameters": [userIDPath],
                "responses": merge(adminErrors, [
                    "200": json([
                        "type": "object", "required": ["user_id", "erased"],
                        "properties": ["user_id": ["type": "string"], "erased": ["type": "object", "additionalProperties": ["type": "integer"]]],
                    ], "What was erased, by table (and redis keys, dead letters)."),
                ]),
            ]
        ],
        "/api/v1/users/{user_id}/export": [
            "get": [
                "tags": ["admin"],
                "summary": "Everything stored about a user (LGPD)",
                "description": "Profile, sessions, conversations and messages as one document. Audited.",
                "security": [["bearerAuth": []]],
                "parameters": [userIDPath],
                "responses": merge(adminErrors, [
                    "200": json([
                        "type": "object", "required": ["user_id", "exported_at", "profile", "sessions", "conversations", "messages"],
                        "properties": [
                            "user_id": ["type": "string"], "exported_at": ["type": "string", "format": "date-time"],
                            "profile": ["type": ["object", "null"]], "sessions": ["type": "array"], "conversations": ["type": "array"], "messages": ["type": "array"],
                        ],
                    ], "The user's data."),
                ]),
            ]
        ],
        "/api/v1/keys": [
            "post": [
                "tags": ["admin"],
                "summary": "Create an API key for a flow",
                "description": "The key (thk_…) is in this answer only; it is stored as a SHA-256. Use it as Authorization: Bearer thk_…; its subject is key:<id>.",
                "security": [["bearerAuth": []]],
                "requestBody": ["required": true, "content": ["application/json": ["schema": [
                    "type": "object", "required": ["name", "scopes"],
                    "properties": [
                        "name": ["type": "string", "minLength": 1, "maxLength": 100],
                        "scopes": ["type": "array", "minItems": 1, "items": ["type": "string", "enum": ["tools", "webhooks:read", "admin"]]],
                    ],
                ]]]],
                "responses": merge(adminErrors, [
                    "201": json(merge(apiKeySchema, [
                        "required": ["id", "key", "name", "scopes", "prefix", "created_by", "created_at", "revoked_at"],
                        "properties": merge(apiKeySchema["properties"] ?? [:], ["key": ["type": "string", "pattern": "^thk_[A-Za-z0-9_-]{43}$"]]),
                    ]), "The new key, shown once."),
                ]),
            ],
            "get": [
                "tags": ["admin"],
                "summary": "List API keys (without secrets)",
                "security": [["bearerAuth": []]],
                "responses": merge(adminErrors, [
                    "200": json(["type": "object", "properties": ["keys": ["type": "array", "items": apiKeySchema]]], "The keys."),
                ]),
            ],
        ],
        "/api/v1/keys/{id}": [
            "delete": [
                "tags": ["admin"],
                "summary": "Revoke an API key, at once on every gateway",
                "security": [["bearerAuth": []]],
                "parameters": [["name": "id", "in": "path", "required": true, "schema": ["type": "string"]]],
                "responses": merge(adminErrors, ["200": json(apiKeySchema, "The revoked key."), "404": response("NotFound")]),
            ]
        ],
    ]
}
