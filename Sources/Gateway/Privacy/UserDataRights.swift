import Crypto
import Foundation
import Logging
import PostgresNIO
import Shared

/// LGPD rights over one user's data (API.md, LGPD): export everything stored, or erase the
/// personal part of it everywhere. Erasure keeps what analytics count (messages with their
/// labels, conversations with their computed analysis and timing) under a random pseudonym,
/// so aggregates stay right while nothing links them to the person. Both are recorded in
/// `audit_log` with who, when, what, and a SHA-256 reference of the user id instead of the id.
struct UserDataRights: Sendable {
    let postgres: PostgresClient
    let redis: RedisClient
    let logger: Logger

    /// The computed keys of `intent_analysis` and `metadata` that erasure keeps; whatever else
    /// a caller stored there may be personal.
    static let analysisKeys = ["sentiment", "sentiment_score", "intent", "confidence", "topics", "language", "trend", "per_message"]
    static let metadataKeys = ["message_count", "duration_s", "first_response_time_s", "avg_response_time_s", "completion_status", "source", "closed_reason"]

    static func reference(_ userID: String) -> String {
        String(SHA256.hash(data: Array(userID.utf8)).map { String(format: "%02x", $0) }.joined().prefix(16))
    }

    func audit(actor: String, action: String, userID: String, details: JSONValue, on connection: PostgresConnection) async throws {
        try await connection.query(
            "INSERT INTO audit_log (actor, action, target_ref, details) VALUES (\(actor), \(action), \(Self.reference(userID)), \(details.jsonText)::jsonb)",
            logger: logger
        )
    }

    /// Erases the user's personal data; answers `{table: rows}`.
    func erase(_ userID: String, actor: String) async throws -> [String: Int] {
        let pseudonym = "erased:" + UUID.random().lowercasedString
        let keep = { (keys: [String], column: String) -> String in
            "jsonb_strip_nulls(jsonb_build_object(" + keys.map { "'\($0)', \(column)->'\($0)'" }.joined(separator: ", ") + "))"
        }
        let counts = try await postgres.withTransaction(logger: logger) { connection -> [String: Int] in
            var counts: [String: Int] = [:]
            func run(_ table: String, _ query: PostgresQuery) async throws {
                var n = 0
                for try await _ in try await connection.query(query, logger: logger).decode(Int.self) { n += 1 }
                counts[table] = n
            }
            try await run("user_profiles", "DELETE FROM user_profiles WHERE user_id = \(userID) RETURNING 1")
            try await run("messages", "UPDATE messages SET text = NULL, user_id = \(pseudonym) WHERE user_id = \(userID) RETURNING 1")
            try await run(
                "conversations",
                """
                UPDATE conversations SET user_id = \(pseudonym),
                    messages = COALESCE((SELECT jsonb_agg(m - 'content') FROM jsonb_array_elements(messages) AS m), '[]'::jsonb),
                    intent_analysis = \(unescaped: keep(Self.analysisKeys, "intent_analysis")),
                    metadata = \(unescaped: keep(Self.metadataKeys, "metadata"))
                WHERE user_id = \(userID) RETURNING 1
                """
            )
            try await run("chat_sessions", "UPDATE chat_sessions SET user_data = '{}'::jsonb, user_id = \(pseudonym) WHERE user_id = \(userID) RETURNING 1")
            try await run("idempotency_keys", "DELETE FROM idempotency_keys WHERE body->>'user_id' = \(userID) RETURNING 1")
            // The analytics user number keyed by the id; the conversations' update above marks
            // their hours, so the day bitmaps are rebuilt under the pseudonym's number.
            try await connection.query("DELETE FROM analytics_user_numbers WHERE user_id = \(userID)", logger: logger)
            try await audit(actor: actor, action: "user.erase", userID: userID, details: .object(counts.mapValues { .integer(Int64($0)) }), on: connection)
            return counts
        }
        var all = counts
        all["redis"] = try await eraseRedis(userID)
        all["dead_letters"] = try await eraseDeadLetters(userID)
        return all
    }

    /// Dead letters that hold the user's data: an envelope whose body names the user (an
    /// event's `user_id` or a tool call's `arguments.user_id`), or a raw delivery whose
    /// payload carries the user's platform id. Deleted outright: a dead letter is kept for
    /// an operator to replay, and an erased person's data may not be replayed.
    func eraseDeadLetters(_ userID: String) async throws -> Int {
        let needles = Self.platformIDForms(userID)
        var doomed: [String] = []
        var start = "-"
        let page = 1_000
        while true {
            let entries = try await redis.xrange(redis.keys.deadLetters, start: start, end: "+", count: page)
            for entry in entries {
                guard let fields = entry.fields else { continue }
                if DeadLetter.bodyField("user_id", in: fields) == userID {
                    doomed.append(entry.id)
                } else if let payload = fields["payload"], needles.contains(where: payload.contains) {
                    doomed.append(entry.id)
                }
            }
            guard entries.count == page, let last = entries.last else { break }
            start = "(" + last.id
        }
        var erased = 0
        for chunk in stride(from: 0, to: doomed.count, by: page) {
            erased += try await redis.xdel(redis.keys.deadLetters, ids: Array(doomed[chunk..<min(chunk + page, doomed.count)]))
        }
        return erased
    }

    /// How a raw platform payload may spell the user: the id after its platform prefix
    /// (a phone without "+", a Telegram id), and for a Brazilian mobile also the form
    /// without the ninth digit that WhatsApp may send. Ids shorter than six characters
    /// are not looked for (they would match unrelated numbers).
    static func platformIDForms(_ userID: String) -> [String] {
        var id = Substring(userID)
        if let colon = id.lastIndex(of: ":") { id = id[id.index(after: colon)...] }
        if id.hasPrefix("+") { id = id.dropFirst() }
        guard id.count >= 6 else { return [] }
        var forms = [String(id)]
        if id.count == 13, id.hasPrefix("55"), id.allSatisfy(\.isASCII), id.allSatisfy(\.isNumber) {
            let digits = Array(id)
            if digits[4] == "9" { forms.append(String(digits[0..<4] + digits[5...])) }
        }
        return forms
    }

    /// Cached answers about the user and stored tool results that hold their data.
    func eraseRedis(_ userID: String) async throws -> Int {
        try await UserCache(redis: redis).invalidate([userID])
        var doomed = try await scan(prefix: redis.keys.key("cache:user:" + userID + ":").rawValue)
        let results = try await scan(prefix: redis.keys.result(callID: "").rawValue)
        if !results.isEmpty {
            let values = try await redis.pipeline(results.map { GET($0) })
            for (key, value) in zip(results, values) {
                guard let text = value.string, let body = ToolResult(jsonText: text)?.body else { continue }
                if body["user_id"]?.stringValue == userID { doomed.append(key) }
            }
        }
        guard !doomed.isEmpty else { return 0 }
        return try await redis.send(DEL(doomed))
    }

    /// Every key that starts with `prefix` (taken literally).
    private func scan(prefix: String) async throws -> [RedisKey] {
        var cursor = "0"
        var keys: [RedisKey] = []
        let pattern = Self.escapeGlob(prefix) + "*"
        repeat {
            let reply = try await redis.send(RawCommand(["SCAN", RedisArgument(cursor), "MATCH", RedisArgument(pattern), "COUNT", "1000"]))
            guard let parts = reply.array, parts.count == 2, let next = parts[0].string else { break }
            cursor = next
            for key in parts[1].array ?? [] {
                if let name = key.string, name.hasPrefix(redis.keys.prefix) {
                    keys.append(redis.keys.key(String(name.dropFirst(redis.keys.prefix.count))))
                }
            }
        } while cursor != "0"
        return keys
    }

    /// Escapes the glob characters of a literal.
    static func escapeGlob(_ literal: String) -> String {
        var out = ""
        for c in literal {
            if "*?[]\\".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// Everything stored about the user, as one document.
    func export(_ userID: String, actor: String) async throws -> JSONValue {
        try await postgres.withTransaction(logger: logger) { connection in
            func json(_ query: PostgresQuery) async throws -> JSONValue {
                for try await text in try await connection.query(query, logger: logger).decode(String?.self) {
                    return text.flatMap { try? JSONValue.parse(Array($0.utf8)) } ?? .null
                }
                return .null
            }
            let profile = try await json("SELECT row_to_json(p)::text FROM user_profiles p WHERE user_id = \(userID)")
            let sessions = try await json("SELECT COALESCE(json_agg(s ORDER BY s.created_at), '[]')::text FROM chat_sessions s WHERE user_id = \(userID)")
            let conversations = try await json("SELECT COALESCE(json_agg(c ORDER BY c.started_at), '[]')::text FROM conversations c WHERE user_id = \(userID)")
            let messages = try await json(
                """
                SELECT COALESCE(json_agg(m ORDER BY m.sent_at), '[]')::text FROM (
                    SELECT platform, platform_message_id, channel_id, session_id, conversation_id, role, direction, type, text,
                           sentiment, sentiment_score, intent, intent_confidence, language, topics, delivery_status, sent_at, received_at
                    FROM messages WHERE user_id = \(userID)) AS m
                """
            )
            try await audit(actor: actor, action: "user.export", userID: userID, details: [:], on: connection)
            return [
                "user_id": .string(userID),
                "exported_at": .string(RFC3339.formatPrecise(Date())),
                "profile": profile,
                "sessions": sessions,
                "conversations": conversations,
                "messages": messages,
            ]
        }
    }
}
