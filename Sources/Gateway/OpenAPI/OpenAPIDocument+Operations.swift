import Shared

/// Metrics and the dashboard in the OpenAPI document.
extension OpenAPIDocument {
    static func file(_ summary: String, _ type: String) -> JSONValue {
        ["tags": ["operations"], "summary": .string(summary), "responses": ["200": ["description": "The file.", "content": [.init(stringLiteral: type): ["schema": ["type": "string"]]]]]]
    }

    static let operationsPaths: JSONValue = [
        "/metrics": [
            "get": [
                "tags": ["operations"],
                "summary": "Prometheus metrics",
                "description": "Prometheus text format. Open unless METRICS_TOKEN is set; then it wants Authorization: Bearer <METRICS_TOKEN>. Outside the API rate limit.",
                "responses": [
                    "200": ["description": "The metrics.", "content": ["text/plain": ["schema": ["type": "string"]]]],
                    "401": response("Unauthorized"),
                ],
            ]
        ],
        "/dashboard": ["get": file("The operators' dashboard page (signs in with the admin secret)", "text/html")],
        "/dashboard/app.js": ["get": file("The dashboard's script", "text/javascript")],
        "/dashboard/app.css": ["get": file("The dashboard's style", "text/css")],
        "/api/v1/dashboard/summary": [
            "get": [
                "tags": ["operations"],
                "summary": "What the dashboard shows",
                "description": "Queue depth, lag, pending and consumers per stream, dead letters, throughput, sentiment and intents of the last 24 hours, peak hours of the last 7 days (ANALYTICS_TZ), the 10 newest conversations with masked user ids. Needs the webhooks:read (or admin) scope.",
                "security": [["bearerAuth": []]],
                "parameters": [["name": "channel_id", "in": "query", "required": false, "schema": ["type": "string", "maxLength": 255]]],
                "responses": merge(merge(errorResponses, ["403": response("Forbidden")]), [
                    "200": json([
                        "type": "object",
                        "required": ["streams", "consumers", "dead_letters", "throughput", "sentiment", "intents", "peak_hours", "recent_conversations", "generated_at"],
                        "properties": [
                            "streams": ["type": "object"], "consumers": ["type": "integer"], "dead_letters": ["type": "integer"],
                            "throughput": ["type": "object"], "sentiment": ["type": "object"], "intents": ["type": "object"],
                            "peak_hours": ["type": "object"], "recent_conversations": ["type": "array", "items": ["type": "object"]],
                            "time_zone": ["type": "string"], "channel_id": ["type": ["string", "null"]], "generated_at": ["type": "string", "format": "date-time"],
                        ],
                    ], "The summary."),
                ]),
            ]
        ],
    ]
}
