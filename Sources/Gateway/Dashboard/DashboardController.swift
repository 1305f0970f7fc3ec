import Foundation
import Hummingbird
import Logging
import PostgresNIO
import Shared

/// `GET /dashboard`: the operators' page and its script and style, served as files (the
/// security headers forbid inline script). The page is open; its data is not.
struct DashboardPage {
    static let assets: [String: (contentType: String, body: ByteBuffer)] = {
        var assets: [String: (String, ByteBuffer)] = [:]
        for (name, type) in [("index.html", "text/html; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8"), ("app.css", "text/css; charset=utf-8")] {
            if let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Assets"), let data = try? Data(contentsOf: url) {
                assets[name] = (type, ByteBuffer(bytes: data))
            }
        }
        return assets
    }()

    var endpoints: RouteCollection<GatewayContext> {
        let routes = RouteCollection(context: GatewayContext.self)
        for (path, file) in [("/dashboard", "index.html"), ("/dashboard/app.js", "app.js"), ("/dashboard/app.css", "app.css")] {
            routes.get(RouterPath(path)) { _, _ -> Response in
                guard let asset = Self.assets[file] else { throw APIError.notFound("dashboard asset missing from this build") }
                var headers = HTTPFields()
                headers[.contentType] = asset.contentType
                headers[.cacheControl] = "no-cache"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: asset.body))
            }
        }
        return routes
    }
}

/// `GET /api/v1/dashboard/summary` (scope `webhooks:read`): what the page shows, in one
/// answer: queue depth, lag and consumers per stream, dead letters, throughput, sentiment and
/// intent of the last 24 hours, peak hours of the last 7 days, recent conversations.
/// `channel_id=` narrows the database figures to one channel.
struct DashboardSummary {
    let redis: RedisClient
    let postgres: PostgresClient
    let timeZone: String
    let logger: Logger

    var endpoints: RouteCollection<GatewayContext> {
        let routes = RouteCollection(context: GatewayContext.self)
        routes.get("/api/v1/dashboard/summary") { request, _ in
            let channel = request.uri.queryParameters["channel_id"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            if let channel, channel.count > 255 || channel.contains("\u{0}") {
                throw APIError.invalidArgument("channel_id must be 1–255 characters", details: [.init(field: "channel_id", problem: "1–255 characters")])
            }
            return Response.json(try await cachedSummary(channel: channel))
        }
        return routes
    }

    /// Every open dashboard polls every 5 s: one answer per channel is computed at most every
    /// few seconds and shared, through Redis, by all replicas and viewers.
    static let cacheSeconds = 3

    func cachedSummary(channel: String?) async throws -> JSONValue {
        let key = redis.keys.custom("cache:dashboard:" + (channel.map { "c:" + $0 } ?? "all"))
        if let text = try? await redis.get(key), let cached = try? JSONValue.parse(Array(text.utf8)) { return cached }
        let fresh = try await summary(channel: channel)
        try? await redis.set(key, to: fresh.jsonText, expiration: .seconds(Self.cacheSeconds))
        return fresh
    }

    func summary(channel: String?) async throws -> JSONValue {
        var streams: [String: JSONValue] = [:]
        var consumers = 0
        var deadLetters = 0
        do {
            for (name, key, group) in [("inbound", redis.keys.inbound, StreamGroup.ingest), ("tools", redis.keys.tools, StreamGroup.tools)] {
                let length = try await redis.xlen(key)
                let info = try await redis.xinfoGroups(key).first { $0.name == group }
                consumers += info?.consumers ?? 0
                streams[name] = [
                    "length": .integer(Int64(length)), "lag": .integer(Int64(info?.lag ?? 0)),
                    "pending": .integer(Int64(info?.pending ?? 0)), "consumers": .integer(Int64(info?.consumers ?? 0)),
                ]
            }
            deadLetters = try await redis.xlen(redis.keys.deadLetters)
        } catch {
            throw APIError.unavailable("Redis is unavailable; retry later")
        }
        do {
            return try await postgres.withConnection { connection in
                var figures: [String: JSONValue] = [:]
                let counts = try await connection.query(
                    """
                    SELECT
                      (SELECT count(*) FROM messages WHERE received_at > now() - interval '1 minute' AND (\(channel)::text IS NULL OR channel_id = \(channel)))::int8,
                      (SELECT count(*) FROM messages WHERE received_at > now() - interval '1 hour' AND (\(channel)::text IS NULL OR channel_id = \(channel)))::int8,
                      (SELECT count(*) FROM conversations WHERE created_at > now() - interval '1 hour' AND (\(channel)::text IS NULL OR channel_id = \(channel)))::int8
                    """,
                    logger: logger
                )
                for try await (minute, hour, conversations) in counts.decode((Int64, Int64, Int64).self) {
                    figures["throughput"] = ["messages_last_minute": .integer(minute), "messages_last_hour": .integer(hour), "conversations_last_hour": .integer(conversations)]
                }
                var sentiment: [String: JSONValue] = ["positive": 0, "negative": 0, "neutral": 0]
                var intents: [String: JSONValue] = [:]
                let labels = try await connection.query(
                    """
                    SELECT 's', sentiment, count(*)::int8 FROM messages
                    WHERE role = 'user' AND sentiment IS NOT NULL AND sent_at > now() - interval '24 hours' AND (\(channel)::text IS NULL OR channel_id = \(channel))
                    GROUP BY 2
                    UNION ALL
                    SELECT 'i', intent, count(*)::int8 FROM messages
                    WHERE role = 'user' AND intent IS NOT NULL AND sent_at > now() - interval '24 hours' AND (\(channel)::text IS NULL OR channel_id = \(channel))
                    GROUP BY 2
                    """,
                    logger: logger
                )
                for try await (kind, key, count) in labels.decode((String, String, Int64).self) {
                    if kind == "s" { sentiment[key] = .integer(count) } else { intents[key] = .integer(count) }
                }
                var hours: [String: JSONValue] = Dictionary(uniqueKeysWithValues: (0..<24).map { (String($0), JSONValue.integer(0)) })
                let peak = try await connection.query(
                    """
                    SELECT extract(hour FROM started_at AT TIME ZONE \(timeZone))::int, count(*)::int8 FROM conversations
                    WHERE started_at > now() - interval '7 days' AND (\(channel)::text IS NULL OR channel_id = \(channel))
                    GROUP BY 1
                    """,
                    logger: logger
                )
                for try await (hour, count) in peak.decode((Int, Int64).self) { hours[String(hour)] = .integer(count) }
                var recent: [JSONValue] = []
                let rows = try await connection.query(
                    """
                    SELECT conversation_id, user_id, platform, started_at, intent_analysis->>'intent', intent_analysis->>'sentiment',
                           (metadata->>'message_count')::int8
                    FROM conversations WHERE (\(channel)::text IS NULL OR channel_id = \(channel))
                    ORDER BY created_at DESC LIMIT 10
                    """,
                    logger: logger
                )
                for try await (id, user, platform, started, intent, sentiment, count) in rows.decode((String, String, String, Date?, String?, String?, Int64?).self) {
                    recent.append([
                        "conversation_id": .string(id), "user": .string(Self.maskUser(user)), "platform": .string(platform),
                        "started_at": started.map { .string(RFC3339.formatPrecise($0)) } ?? .null,
                        "intent": intent.map { .string($0) } ?? .null, "sentiment": sentiment.map { .string($0) } ?? .null,
                        "message_count": count.map { .integer($0) } ?? .null,
                    ])
                }
                figures["sentiment"] = .object(sentiment)
                figures["intents"] = .object(intents)
                figures["peak_hours"] = .object(hours)
                figures["recent_conversations"] = .array(recent)
                figures["streams"] = .object(streams)
                figures["consumers"] = .integer(Int64(consumers))
                figures["dead_letters"] = .integer(Int64(deadLetters))
                figures["time_zone"] = .string(timeZone)
                figures["channel_id"] = channel.map { .string($0) } ?? .null
                figures["generated_at"] = .string(RFC3339.formatPrecise(Date()))
                return .object(figures)
            }
        } catch {
            throw APIError.unavailable("the database is unavailable; retry later")
        }
    }

    /// Operators see who, not whom: the last four characters of a user id.
    static func maskUser(_ user: String) -> String {
        guard user.count > 6 else { return "••••" }
        let prefix = user.firstIndex(of: ":").map { String(user[...$0]) } ?? ""
        return prefix + "••••" + String(user.suffix(4))
    }
}
