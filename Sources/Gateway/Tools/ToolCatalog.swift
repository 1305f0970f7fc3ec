import Shared

/// The five tools that flows and AI agents call (REST and MCP), with JSON Schemas for their
/// arguments. Descriptions are written for a model choosing among them.
public enum ToolCatalog {
    public struct Tool: Sendable {
        public let name: String
        public let title: String
        public let description: String
        public let inputSchema: JSONValue
        /// The schema of the answer (MCP `outputSchema`, OpenAPI responses).
        public var outputSchema: JSONValue { ToolName(rawValue: name).map(ToolSchemas.output) ?? ["type": "object"] }
    }

    public static func tool(_ name: ToolName) -> Tool { tools.first { $0.name == name.rawValue }! }

    static let userID: JSONValue = ["type": "string", "minLength": 1, "maxLength": 255, "description": "The user's id in the flow (for webhook users: whatsapp:<wa_id> or telegram:<id>)."]

    public static let tools: [Tool] = [
        Tool(
            name: "create_chat_session",
            title: "Open a chat session",
            description: "Opens a chat session for a user on a platform, or returns the one already open there (one open session per user and platform; its user_data is merged). Creates the user's profile if missing.",
            inputSchema: [
                "type": "object",
                "properties": [
                    "user_id": userID,
                    "user_data": ["type": "object", "description": "Free-form data about the user (name, phone …), merged into the session."],
                    "platform": ["type": "string", "default": "unknown", "description": "whatsapp, telegram, uchat, web …"],
                ],
                "required": ["user_id"],
            ]
        ),
        Tool(
            name: "get_user_context",
            title: "Get what is known about a user",
            description: "Returns a user's profile, active session, interaction statistics (conversations, messages, dominant sentiment, preferred topics, response times) and, with include_history, the five most recent conversations. Unknown users get an empty profile.",
            inputSchema: [
                "type": "object",
                "properties": [
                    "user_id": userID,
                    "include_history": ["type": "boolean", "default": false, "description": "Include the five newest conversations."],
                ],
                "required": ["user_id"],
            ]
        ),
        Tool(
            name: "save_conversation",
            title: "Save a conversation",
            description: "Saves a finished conversation (its messages with roles and timestamps), analyses it (sentiment, intent, language, topics, per message and overall), computes timing metadata, completes the session and updates the user's statistics. Idempotent by conversation_id or Idempotency-Key.",
            inputSchema: [
                "type": "object",
                "properties": [
                    "session_id": ["type": "string", "minLength": 1, "maxLength": 255],
                    "user_id": userID,
                    "conversation_id": ["type": "string", "minLength": 1, "maxLength": 255, "description": "Optional id; saving the same id again returns the first result."],
                    "messages": [
                        "type": "array",
                        "minItems": 1,
                        "items": [
                            "type": "object",
                            "properties": [
                                "role": ["type": "string", "enum": ["user", "assistant", "agent", "system"]],
                                "content": ["type": "string"],
                                "timestamp": ["type": "string", "format": "date-time"],
                            ],
                            "required": ["role", "content"],
                        ],
                    ],
                    "intent_analysis": ["type": "object", "description": "The caller's own analysis; computed keys win."],
                    "metadata": ["type": "object"],
                ],
                "required": ["session_id", "user_id", "messages"],
            ]
        ),
        Tool(
            name: "update_user_profile",
            title: "Update a user's profile",
            description: "Creates or updates a user's profile: name, phone (normalised to E.164), email, preferences (merged), tags (a set; \"-tag\" removes one), notes; any other key is kept in attributes. Returns the whole profile.",
            inputSchema: [
                "type": "object",
                "properties": [
                    "user_id": userID,
                    "profile_data": [
                        "type": "object",
                        "properties": [
                            "name": ["type": "string"],
                            "phone": ["type": "string"],
                            "email": ["type": "string", "format": "email"],
                            "preferences": ["type": "object"],
                            "tags": ["type": "array", "items": ["type": "string"]],
                            "notes": ["type": "string"],
                        ],
                        "additionalProperties": true,
                    ],
                ],
                "required": ["user_id", "profile_data"],
            ]
        ),
        Tool(
            name: "get_conversation_analytics",
            title: "Conversation analytics",
            description: "Aggregates conversations: totals, unique users, intent and sentiment distributions, peak hours, completion rate, durations and response times, top topics, platforms and error rate, filtered by user, platform, channel and date range.",
            inputSchema: [
                "type": "object",
                "properties": [
                    "user_id": ["type": "string"],
                    "platform": ["type": "string"],
                    "channel_id": ["type": "string"],
                    "date_range": [
                        "type": "object",
                        "properties": ["start": ["type": "string"], "end": ["type": "string"]],
                        "description": "Inclusive days (2025-01-31) or RFC 3339 instants.",
                    ],
                    "metrics": ["type": "array", "items": ["type": "string"], "description": "Keep only these keys of the answer."],
                ],
            ]
        ),
    ]

    /// `{"tools": [{"name", "title", "description", "inputSchema"}]}`.
    public static var listing: JSONValue {
        .object([
            "tools": .array(tools.map { ["name": .string($0.name), "title": .string($0.title), "description": .string($0.description), "inputSchema": $0.inputSchema] })
        ])
    }
}
