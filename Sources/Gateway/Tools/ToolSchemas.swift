import Shared

/// JSON Schemas of the tools' answers: MCP's `outputSchema` and the OpenAPI responses.
enum ToolSchemas {
    static let nullableString: JSONValue = ["type": ["string", "null"]]
    static let instant: JSONValue = ["type": "string", "format": "date-time"]
    static let nullableNumber: JSONValue = ["type": ["number", "null"]]

    static let session: JSONValue = [
        "type": "object",
        "required": ["session_id", "user_id", "user_data", "platform", "status", "created_at", "updated_at"],
        "properties": [
            "session_id": ["type": "string"], "user_id": ["type": "string"], "user_data": ["type": "object"],
            "platform": ["type": "string"], "channel_id": nullableString,
            "status": ["type": "string", "enum": ["active", "completed", "closed"]],
            "created_at": instant, "updated_at": instant, "last_activity_at": instant,
        ],
    ]

    static let profile: JSONValue = [
        "type": "object",
        "required": ["user_id", "name", "phone", "email", "preferences", "interaction_stats", "tags", "notes", "attributes", "created_at", "updated_at"],
        "properties": [
            "user_id": ["type": "string"], "name": nullableString, "phone": nullableString, "email": nullableString,
            "preferences": ["type": "object"], "interaction_stats": ["type": "object"],
            "tags": ["type": "array", "items": ["type": "string"]], "notes": nullableString, "attributes": ["type": "object"],
            "created_at": instant, "updated_at": instant,
            "opted_out": ["type": "boolean"], "opted_out_at": nullableString,
        ],
    ]

    static let conversation: JSONValue = [
        "type": "object",
        "required": ["conversation_id", "session_id", "user_id", "messages", "intent_analysis", "metadata", "created_at"],
        "properties": [
            "conversation_id": ["type": "string"], "session_id": ["type": "string"], "user_id": ["type": "string"],
            "messages": ["type": "array", "items": ["type": "object"]],
            "intent_analysis": [
                "type": "object",
                "properties": [
                    "sentiment": ["type": "string", "enum": ["positive", "negative", "neutral"]],
                    "sentiment_score": ["type": "number", "minimum": -1, "maximum": 1],
                    "intent": ["type": "string", "enum": ["support", "purchase", "information", "complaint", "cancellation", "greeting", "thanks", "other"]],
                    "confidence": ["type": "number", "minimum": 0, "maximum": 1],
                    "topics": ["type": "array", "items": ["type": "string"]],
                    "language": ["type": "string"],
                    "per_message": ["type": "array", "items": ["type": "object"]],
                ],
            ],
            "metadata": [
                "type": "object",
                "properties": [
                    "message_count": ["type": "integer"], "duration_s": nullableNumber, "first_response_time_s": nullableNumber,
                    "avg_response_time_s": nullableNumber, "completion_status": ["type": "string", "enum": ["completed", "abandoned"]],
                ],
            ],
            "created_at": instant,
        ],
    ]

    static let userContext: JSONValue = [
        "type": "object",
        "required": ["user_id", "profile", "has_history", "active_session", "recent_conversations", "interaction_stats", "window_open_until"],
        "properties": [
            "user_id": ["type": "string"],
            "profile": ["type": "object", "description": "The whole profile (opted_out and opted_out_at included), or {} for an unknown user."],
            "window_open_until": ["type": ["string", "null"], "description": "WhatsApp's 24-hour customer-service window: the last inbound WhatsApp message + 24 h; null when none or past."],
            "has_history": ["type": "boolean"],
            "active_session": ["anyOf": [session, ["type": "null"]]],
            "recent_conversations": ["type": "array", "items": ["type": "object"]],
            "interaction_stats": [
                "type": "object",
                "required": ["total_conversations", "total_messages", "last_interaction", "dominant_sentiment", "preferred_topics", "avg_response_time_s"],
                "properties": [
                    "total_conversations": ["type": "integer"], "total_messages": ["type": "integer"],
                    "last_interaction": nullableString, "dominant_sentiment": nullableString,
                    "preferred_topics": ["type": "array", "items": ["type": "string"]], "avg_response_time_s": nullableNumber,
                ],
            ],
        ],
    ]

    static let counts: JSONValue = ["type": "object", "additionalProperties": ["type": "integer"]]

    static let analytics: JSONValue = [
        "type": "object",
        "required": ["range", "computed_at"],
        "properties": [
            "total_conversations": ["type": "integer"], "unique_users": ["type": "integer"],
            "avg_messages_per_conversation": nullableNumber, "intent_distribution": counts,
            "sentiment_analysis": counts, "peak_hours": counts,
            "completion_rate": ["type": ["number", "null"], "minimum": 0, "maximum": 100],
            "avg_duration_s": nullableNumber, "avg_first_response_time_s": nullableNumber, "avg_response_time_s": nullableNumber,
            "top_topics": ["type": "array", "items": ["type": "object", "properties": ["topic": ["type": "string"], "count": ["type": "integer"]]]],
            "platforms": counts,
            "error_rate": ["type": ["number", "null"], "minimum": 0, "maximum": 1],
            "range": ["type": "object", "properties": ["start": nullableString, "end": nullableString]],
            "computed_at": instant,
        ],
    ]

    static func output(_ tool: ToolName) -> JSONValue {
        switch tool {
        case .createChatSession: return session
        case .getUserContext: return userContext
        case .saveConversation: return conversation
        case .updateUserProfile: return profile
        case .getConversationAnalytics: return analytics
        }
    }
}
