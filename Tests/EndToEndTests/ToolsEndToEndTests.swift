import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing
import TestSupport
import Workers

@testable import Gateway
@testable import Shared

@Suite("End to end: the five tools through HTTP, the tools stream and a worker", .enabled(if: TestServices.available))
struct ToolsEndToEndTests {
    static let toolWorkers = WorkerOptions(role: .tools, concurrency: 2, batchSize: 50)

    static func uid(_ name: String) -> String { "\(name)-\(UUID().uuidString.prefix(8).lowercased())" }

    static func conversation(session: String, user: String, conversationID: String? = nil, start: String = "2025-03-10T14:00:00Z") -> JSONValue {
        let base = RFC3339.parse(start)!
        func at(_ seconds: Double) -> JSONValue { .string(RFC3339.format(base.addingTimeInterval(seconds))) }
        var body: [String: JSONValue] = [
            "session_id": .string(session),
            "user_id": .string(user),
            "messages": [
                ["role": "user", "content": "Oi, meu pedido não chegou e o rastreio não atualiza", "timestamp": at(0)],
                ["role": "assistant", "content": "Sinto muito! Vou verificar a entrega.", "timestamp": at(30)],
                ["role": "user", "content": "Obrigado, fico no aguardo", "timestamp": at(60)],
                ["role": "user", "content": "Alguma novidade?", "timestamp": at(120)],
                ["role": "agent", "content": "Chega amanhã.", "timestamp": at(210)],
            ],
            "intent_analysis": ["sentiment": "caller-value", "custom": "kept"],
            "metadata": ["source": "flow-42", "duration_s": 1],
        ]
        if let conversationID { body["conversation_id"] = .string(conversationID) }
        return .object(body)
    }

    @Test("create_chat_session: 201 opens, 200 returns the open one with user_data merged; profile created; one open session")
    func createChatSession() async throws {
        let harness = try E2EHarness()
        let user = Self.uid("cs")
        try await harness.run(workers: Self.toolWorkers) { client, postgres in
            let tools = ToolClient(client: client, token: try await ToolClient.token(harness.configuration))
            let first = try await tools.post("create_chat_session", ["user_id": .string(user), "user_data": ["name": "João Silva", "phone": "+5511999999999"], "platform": "whatsapp"])
            #expect(first.status == .created)
            #expect(first.callID != nil)
            #expect(first.json["status"] == "active")
            #expect(first.json["platform"] == "whatsapp")
            #expect(first.json["user_data"]?["name"] == "João Silva")
            for key in ["session_id", "user_id", "user_data", "platform", "status", "created_at", "updated_at"] {
                #expect(first.json[key] != nil, "missing \(key)")
            }
            let second = try await tools.post("create_chat_session", ["user_id": .string(user), "user_data": ["plan": "gold"], "platform": "whatsapp"])
            #expect(second.status == .ok)
            #expect(second.json["session_id"] == first.json["session_id"])
            #expect(second.json["user_data"]?["name"] == "João Silva")
            #expect(second.json["user_data"]?["plan"] == "gold")
            // Nothing new to merge: answered from the session cache, same session.
            let third = try await tools.post("create_chat_session", ["user_id": .string(user), "platform": "whatsapp"])
            #expect(third.status == .ok)
            #expect(third.json["session_id"] == first.json["session_id"])
            #expect(third.json["user_data"]?["plan"] == "gold")
            // Another platform is another session; no platform means "unknown".
            let other = try await tools.post("create_chat_session", ["user_id": .string(user)])
            #expect(other.status == .created)
            #expect(other.json["platform"] == "unknown")
            #expect(try await postgres.count("SELECT count(*)::int FROM chat_sessions WHERE user_id = \(user) AND status = 'active'") == 2)
            #expect(try await postgres.count("SELECT count(*)::int FROM user_profiles WHERE user_id = \(user) AND name = 'João Silva' AND phone = '+5511999999999'") == 1)

            // Ten concurrent opens for a new user and platform: still one open session.
            let racer = Self.uid("race")
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<10 {
                    group.addTask { try await tools.post("create_chat_session", ["user_id": .string(racer), "platform": "telegram"]).status.code }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1)
            #expect(statuses.filter { $0 == 200 }.count == 9)
            #expect(try await postgres.count("SELECT count(*)::int FROM chat_sessions WHERE user_id = \(racer)") == 1)
        }
    }

    @Test("tool validation: field-level 400s before anything is enqueued")
    func validation() async throws {
        let harness = try E2EHarness()
        try await harness.run(workers: nil) { client, _, dependencies in
            let tools = ToolClient(client: client, token: try await ToolClient.token(harness.configuration))
            let cases: [(String, JSONValue, String)] = [
                ("create_chat_session", [:], "user_id"),
                ("create_chat_session", ["user_id": ""], "user_id"),
                ("create_chat_session", ["user_id": .string(String(repeating: "é", count: 256))], "user_id"),
                ("create_chat_session", ["user_id": 42], "user_id"),
                ("create_chat_session", ["user_id": "u", "user_data": "x"], "user_data"),
                ("create_chat_session", ["user_id": "u", "platform": 3], "platform"),
                ("save_conversation", ["user_id": "u", "messages": [["role": "user", "content": "a"]]], "session_id"),
                ("save_conversation", ["session_id": "s", "user_id": "u"], "messages"),
                ("save_conversation", ["session_id": "s", "user_id": "u", "messages": []], "messages"),
                ("save_conversation", ["session_id": "s", "user_id": "u", "messages": [["role": "bot", "content": "a"]]], "messages[0].role"),
                ("save_conversation", ["session_id": "s", "user_id": "u", "messages": [["role": "user"]]], "messages[0].content"),
                ("save_conversation", ["session_id": "s", "user_id": "u", "messages": [["role": "user", "content": "a", "timestamp": "yesterday"]]], "messages[0].timestamp"),
                ("save_conversation", ["session_id": "s", "user_id": "u", "messages": [["role": "user", "content": "a"]], "conversation_id": ""], "conversation_id"),
                ("save_conversation", ["session_id": "s", "user_id": "u", "messages": [["role": "user", "content": "a"]], "metadata": [1]], "metadata"),
                ("update_user_profile", ["user_id": "u"], "profile_data"),
                ("update_user_profile", ["user_id": "u", "profile_data": ["email": "not-an-email"]], "profile_data.email"),
                ("update_user_profile", ["user_id": "u", "profile_data": ["phone": "12"]], "profile_data.phone"),
                ("update_user_profile", ["user_id": "u", "profile_data": ["tags": ["ok", 3]]], "profile_data.tags[1]"),
                ("update_user_profile", ["user_id": "u", "profile_data": ["preferences": "dark"]], "profile_data.preferences"),
            ]
            for (tool, body, field) in cases {
                let reply = try await tools.post(tool, body)
                #expect(reply.status == .badRequest, "\(tool) \(body.jsonText)")
                #expect(reply.json["code"] == "invalid_argument")
                #expect(reply.fields.contains(field), "\(tool) \(body.jsonText): \(reply.fields)")
                #expect(reply.json["request_id"] != nil)
            }
            // Analytics query parameters.
            for query in ["metrics=total_conversations,bogus", "date_range=%7Bnot-json", "date_range=%7B%22start%22%3A%222025-13-01%22%7D",
                          "start=2025-02-01&end=2025-01-01", "start=yesterday"] {
                let reply = try await tools.request(.get, "/api/v1/mcp/get_conversation_analytics?\(query)")
                #expect(reply.status == .badRequest, "\(query)")
            }
            // The generic form: unknown tool 404, missing name 400, arguments must be an object.
            #expect(try await tools.post("call", ["name": "drop_tables", "arguments": [:]]).status == .notFound)
            #expect(try await tools.post("call", ["arguments": [:]]).status == .badRequest)
            #expect(try await tools.post("call", ["name": "create_chat_session", "arguments": [1]]).status == .badRequest)
            #expect(try await tools.post("call", ["name": "create_chat_session", "arguments": [:]]).fields == ["user_id"])
            #expect(try await tools.post("create_chat_session", ["user_id": "u"], headers: .idempotencyKey(String(repeating: "k", count: 300))).status == .badRequest)
            // Nothing reached the stream.
            let queued = try await dependencies.redis.xlen(dependencies.redis.keys.tools)
            #expect(queued == 0)
        }
    }

    @Test("save_conversation: analysis merged, timing metadata, each message stored, session completed, profile statistics")
    func saveConversation() async throws {
        let harness = try E2EHarness()
        let user = Self.uid("save")
        try await harness.run(workers: Self.toolWorkers) { client, postgres in
            let tools = ToolClient(client: client, token: try await ToolClient.token(harness.configuration))
            let session = try await tools.post("create_chat_session", ["user_id": .string(user), "platform": "whatsapp"])
            let sessionID = session.json["session_id"]?.stringValue ?? ""
            let saved = try await tools.post("save_conversation", Self.conversation(session: sessionID, user: user))
            #expect(saved.status == .created)
            let analysis = saved.json["intent_analysis"]
            #expect(analysis?["sentiment"] != "caller-value", "computed keys win")
            #expect(["positive", "negative", "neutral"].contains(analysis?["sentiment"]?.stringValue ?? ""))
            #expect(analysis?["custom"] == "kept")
            #expect(analysis?["language"] == "pt")
            #expect(analysis?["per_message"]?.array?.count == 3)
            #expect(analysis?["topics"]?.array?.contains("entrega") == true)
            let metadata = saved.json["metadata"]
            #expect(metadata?["source"] == "flow-42")
            #expect(metadata?["message_count"] == 5)
            #expect(metadata?["duration_s"]?.doubleValue == 210)
            #expect(metadata?["first_response_time_s"]?.doubleValue == 30)
            // Runs: [0] answered after 30 s; [2, 3] answered 150 s after the run's first message.
            #expect(metadata?["avg_response_time_s"]?.doubleValue == 90)
            #expect(metadata?["completion_status"] == "completed")
            let conversationID = saved.json["conversation_id"]?.stringValue ?? ""
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE conversation_id = \(conversationID)") == 5)
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE conversation_id = \(conversationID) AND role = 'user' AND sentiment IS NOT NULL AND direction = 'in'") == 3)
            #expect(try await postgres.count("SELECT count(*)::int FROM conversations WHERE conversation_id = \(conversationID) AND platform = 'whatsapp'") == 1)
            #expect(try await postgres.count("SELECT count(*)::int FROM chat_sessions WHERE session_id = \(sessionID) AND status = 'completed'") == 1)
            #expect(try await postgres.count("SELECT (interaction_stats->>'total_conversations')::int FROM user_profiles WHERE user_id = \(user)") == 1)
            #expect(try await postgres.count("SELECT (interaction_stats->>'total_messages')::int FROM user_profiles WHERE user_id = \(user)") == 5)

            // A completed session may receive more. Its activity time stays while it is recent
            // (the row is then updated in place) and moves once it is a minute old.
            func activity(_ older: String) async throws -> Int {
                try await postgres.count("SELECT count(*)::int FROM chat_sessions WHERE session_id = \(sessionID) AND last_activity_at < now() - \(older)::interval")
            }
            try await postgres.query("UPDATE chat_sessions SET last_activity_at = now() - interval '30 seconds' WHERE session_id = \(sessionID)", logger: TestServices.logger)
            #expect(try await tools.post("save_conversation", Self.conversation(session: sessionID, user: user)).status == .created)
            #expect(try await activity("20 seconds") == 1, "a recent activity time is kept")
            try await postgres.query("UPDATE chat_sessions SET last_activity_at = now() - interval '2 minutes' WHERE session_id = \(sessionID)", logger: TestServices.logger)
            #expect(try await tools.post("save_conversation", Self.conversation(session: sessionID, user: user)).status == .created)
            #expect(try await activity("20 seconds") == 0, "an activity time a minute old moves")
            #expect(try await postgres.count("SELECT count(*)::int FROM chat_sessions WHERE session_id = \(sessionID) AND status = 'completed'") == 1)
            // An unknown session is created, then completed.
            let unknown = Self.uid("sess")
            let orphan = try await tools.post("save_conversation", ["session_id": .string(unknown), "user_id": .string(user), "messages": [["role": "user", "content": "hello"]]])
            #expect(orphan.status == .created)
            #expect(orphan.json["metadata"]?["duration_s"] == .null)
            #expect(orphan.json["metadata"]?["first_response_time_s"] == .null)
            #expect(orphan.json["metadata"]?["completion_status"] == "abandoned")
            #expect(try await postgres.count("SELECT count(*)::int FROM chat_sessions WHERE session_id = \(unknown) AND status = 'completed'") == 1)
        }
    }

    @Test("replays: ten parallel calls with one Idempotency-Key write one conversation; a body conversation_id saves once")
    func replays() async throws {
        let harness = try E2EHarness()
        let user = Self.uid("idem")
        try await harness.run(workers: Self.toolWorkers) { client, postgres in
            let tools = ToolClient(client: client, token: try await ToolClient.token(harness.configuration, subject: "flow-idem"))
            let key = UUID().uuidString
            let body = Self.conversation(session: Self.uid("s"), user: user)
            let replies = try await withThrowingTaskGroup(of: ToolClient.Reply.self) { group in
                for _ in 0..<10 { group.addTask { try await tools.post("save_conversation", body, headers: .idempotencyKey(key)) } }
                return try await group.reduce(into: [ToolClient.Reply]()) { $0.append($1) }
            }
            #expect(replies.allSatisfy { $0.status == .created })
            #expect(Set(replies.map(\.json)).count == 1, "every replay answers the first body")
            #expect(Set(replies.compactMap(\.callID)).count == 1)
            #expect(replies.first?.callID == UUID(v5: "flow-idem\n" + key).lowercasedString)
            #expect(try await postgres.count("SELECT count(*)::int FROM conversations WHERE user_id = \(user)") == 1)
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id = \(user)") == 5)
            #expect(try await postgres.count("SELECT count(*)::int FROM idempotency_keys WHERE subject = 'flow-idem' AND tool = 'save_conversation' AND call_id = \(replies[0].callID ?? "")::uuid") == 1)
            // The same key from another subject is another call.
            let otherTools = ToolClient(client: client, token: try await ToolClient.token(harness.configuration, subject: "flow-other"))
            let other = try await otherTools.post("save_conversation", body, headers: .idempotencyKey(key))
            #expect(other.callID != replies.first?.callID)
            #expect(try await postgres.count("SELECT count(*)::int FROM conversations WHERE user_id = \(user)") == 2)

            // After the stored result expires, the PostgreSQL record still answers the replay.
            try await TestServices.withRedis(prefix: harness.configuration.redisKeyPrefix) { redis in
                _ = try await redis.del(redis.keys.result(callID: replies[0].callID ?? ""))
            }
            let late = try await tools.post("save_conversation", body, headers: .idempotencyKey(key))
            #expect(late.status == .created)
            #expect(late.json == replies[0].json)
            #expect(try await postgres.count("SELECT count(*)::int FROM conversations WHERE user_id = \(user)") == 2)

            // The same key for another tool is refused, not answered with the first tool's body.
            let otherTool = try await tools.post("create_chat_session", ["user_id": .string(user)], headers: .idempotencyKey(key))
            #expect(otherTool.status == .badRequest)
            #expect(otherTool.fields == ["Idempotency-Key"])

            // conversation_id in the body: saved once, by any subject; the id is the conversation's.
            let conversationID = Self.uid("conv")
            let withID = Self.conversation(session: Self.uid("s"), user: user, conversationID: conversationID)
            let a = try await tools.post("save_conversation", withID)
            let b = try await tools.post("save_conversation", withID)
            let c = try await otherTools.post("save_conversation", withID)
            #expect(a.status == .created && b.status == .created && c.status == .created)
            #expect(a.json["conversation_id"]?.stringValue == conversationID)
            #expect(a.json == b.json)
            #expect(a.json["created_at"] == c.json["created_at"])
            #expect(try await postgres.count("SELECT count(*)::int FROM conversations WHERE conversation_id = \(conversationID)") == 1)
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE conversation_id = \(conversationID)") == 5)
            #expect(try await postgres.count("SELECT (interaction_stats->>'total_conversations')::int FROM user_profiles WHERE user_id = \(user)") == 3)
        }
    }

    @Test("update_user_profile: PUT and POST upsert; preferences merge, tag set with -tag, unknown keys in attributes, E.164 phones")
    func updateUserProfile() async throws {
        let harness = try E2EHarness()
        let user = Self.uid("prof")
        try await harness.run(workers: Self.toolWorkers) { client, _ in
            let tools = ToolClient(client: client, token: try await ToolClient.token(harness.configuration))
            let first = try await tools.request(.put, "/api/v1/mcp/update_user_profile", [
                "user_id": .string(user),
                "profile_data": ["name": "Ana", "phone": "(11) 98765-4321", "email": "ana@example.com.br", "preferences": ["lang": "pt", "channel": "whatsapp"],
                                 "tags": ["vip", "sp"], "notes": "prefers mornings", "cpf_hint": "123", "segment": "retail"],
            ])
            #expect(first.status == .ok)
            #expect(first.json["phone"] == "+5511987654321")
            #expect(first.json["tags"] == ["vip", "sp"])
            #expect(first.json["attributes"] == ["cpf_hint": "123", "segment": "retail"])
            for key in ["user_id", "name", "phone", "email", "preferences", "interaction_stats", "tags", "notes", "attributes", "created_at", "updated_at"] {
                #expect(first.json[key] != nil, "missing \(key)")
            }
            let second = try await tools.post("update_user_profile", [
                "user_id": .string(user),
                "profile_data": ["preferences": ["lang": "en", "theme": "dark"], "tags": ["-sp", "rj", "vip"], "segment": .null, "email": .null],
            ])
            #expect(second.status == .ok)
            #expect(second.json["name"] == "Ana", "fields not sent are kept")
            #expect(second.json["email"] == .null, "null clears")
            #expect(second.json["preferences"] == ["lang": "en", "channel": "whatsapp", "theme": "dark"])
            #expect(second.json["tags"] == ["vip", "rj"])
            #expect(second.json["attributes"] == ["cpf_hint": "123"])
            #expect(second.json["created_at"] == first.json["created_at"])

            // SQL-looking strings are data: stored and returned verbatim.
            let sql = "Robert'); DROP TABLE user_profiles;-- \\' OR 1=1 /* $1 */"
            let injected = try await tools.post("update_user_profile", ["user_id": .string(sql), "profile_data": ["notes": .string(sql), "tags": [.string(sql)]]])
            #expect(injected.status == .ok)
            #expect(injected.json["user_id"]?.stringValue == sql && injected.json["notes"]?.stringValue == sql)
            #expect(injected.json["tags"] == [.string(sql)])
            let read = try await tools.request(.get, "/api/v1/mcp/get_user_context/\(sql.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
            #expect(read.json["profile"]?["notes"]?.stringValue == sql)
        }
    }

    @Test("get_user_context: unknown users, stats, history only when asked, cache dropped when the user's data changes")
    func userContext() async throws {
        let harness = try E2EHarness()
        let user = Self.uid("ctx")
        try await harness.run(workers: Self.toolWorkers) { client, _ in
            let tools = ToolClient(client: client, token: try await ToolClient.token(harness.configuration))
            let unknown = try await tools.request(.get, "/api/v1/mcp/get_user_context/\(user)")
            #expect(unknown.status == .ok)
            #expect(unknown.json["profile"] == [:])
            #expect(unknown.json["has_history"] == false)
            #expect(unknown.json["active_session"] == .null)
            #expect(unknown.json["recent_conversations"] == [])
            for key in ["total_conversations", "total_messages", "last_interaction", "dominant_sentiment", "preferred_topics", "avg_response_time_s"] {
                #expect(unknown.json["interaction_stats"]?[key] != nil, "missing \(key)")
            }
            #expect(unknown.json["interaction_stats"]?["total_conversations"] == 0)
            #expect(unknown.json["interaction_stats"]?["last_interaction"] == .null)

            let session = try await tools.post("create_chat_session", ["user_id": .string(user), "platform": "telegram", "user_data": ["name": "Caio"]])
            for i in 0..<6 {
                let start = "2025-03-1\(i)T10:00:00Z"
                let saved = try await tools.post("save_conversation", Self.conversation(session: Self.uid("s"), user: user, start: start))
                #expect(saved.status == .created)
            }
            // A new session opened after the saves is the active one.
            let open = try await tools.post("create_chat_session", ["user_id": .string(user), "platform": "telegram"])
            #expect(open.json["session_id"] == session.json["session_id"], "other sessions were completed, not this one")
            let context = try await tools.request(.get, "/api/v1/mcp/get_user_context/\(user)")
            #expect(context.json["has_history"] == true)
            #expect(context.json["profile"]?["name"] == "Caio")
            #expect(context.json["active_session"]?["session_id"] == session.json["session_id"])
            #expect(context.json["recent_conversations"] == [], "no history unless asked")
            let stats = context.json["interaction_stats"]
            #expect(stats?["total_conversations"] == 6)
            #expect(stats?["total_messages"] == 30)
            #expect(stats?["avg_response_time_s"]?.doubleValue == 90)
            #expect(stats?["preferred_topics"]?.array?.contains("entrega") == true)
            #expect(stats?["dominant_sentiment"]?.stringValue != nil)
            let history = try await tools.request(.get, "/api/v1/mcp/get_user_context/\(user)?include_history=true")
            let recent = history.json["recent_conversations"]?.array ?? []
            #expect(recent.count == 5)
            #expect(recent.first?["started_at"]?.stringValue?.hasPrefix("2025-03-15") == true, "newest first by first-message time")

            // Cached answers are dropped when the user's data changes.
            #expect(try await tools.request(.get, "/api/v1/mcp/get_user_context/\(user)").json == context.json)
            _ = try await tools.post("update_user_profile", ["user_id": .string(user), "profile_data": ["name": "Caio Prado"]])
            let fresh = try await tools.request(.get, "/api/v1/mcp/get_user_context/\(user)")
            #expect(fresh.json["profile"]?["name"] == "Caio Prado")

            // Path parameters are percent-decoded.
            let spaced = "user with space/\(user)"
            _ = try await tools.post("update_user_profile", ["user_id": .string(spaced), "profile_data": ["name": "Spaced"]])
            let encoded = try await tools.request(.get, "/api/v1/mcp/get_user_context/user%20with%20space%2F\(user)")
            #expect(encoded.json["profile"]?["name"] == "Spaced")
        }
    }

    @Test("get_conversation_analytics: every metric from the tables, filters, metrics=, time zone, empty ranges")
    func analytics() async throws {
        let harness = try E2EHarness()
        let platform = Self.uid("plat")
        let user = Self.uid("an")
        try await harness.run(workers: Self.toolWorkers) { client, _ in
            let tools = ToolClient(client: client, token: try await ToolClient.token(harness.configuration))
            let session = try await tools.post("create_chat_session", ["user_id": .string(user), "platform": .string(platform)])
            let sessionID = session.json["session_id"]?.stringValue ?? ""
            // Two conversations on 2025-03-10 (one at 14:00Z = 11h in São Paulo, one at 02:30Z = 23h on the 9th there).
            _ = try await tools.post("save_conversation", Self.conversation(session: sessionID, user: user, start: "2025-03-10T14:00:00Z"))
            _ = try await tools.post("save_conversation", [
                "session_id": .string(sessionID), "user_id": .string(Self.uid("an2")),
                "messages": [["role": "user", "content": "Quero cancelar meu plano agora", "timestamp": "2025-03-10T02:30:00Z"]],
            ])
            let all = try await tools.request(.get, "/api/v1/mcp/get_conversation_analytics?platform=\(platform)")
            #expect(all.status == .ok)
            let a = all.json
            #expect(a["total_conversations"] == 2)
            #expect(a["unique_users"] == 2)
            #expect(a["avg_messages_per_conversation"]?.doubleValue == 3)
            #expect(a["completion_rate"]?.doubleValue == 50)
            #expect(a["platforms"] == .object([platform: 2]))
            #expect(a["peak_hours"]?.object?.count == 24)
            #expect(a["peak_hours"]?["11"] == 1)
            #expect(a["peak_hours"]?["23"] == 1)
            #expect(a["intent_distribution"]?["cancellation"] == 1)
            #expect(a["sentiment_analysis"]?.object?.keys.sorted() == ["negative", "neutral", "positive"])
            #expect(a["avg_first_response_time_s"]?.doubleValue == 30)
            #expect(a["avg_duration_s"]?.doubleValue == 210, "a single-message conversation has no duration")
            #expect(a["top_topics"]?.array?.first?["count"] != nil)
            #expect(a["error_rate"]?.doubleValue == 0)
            #expect(a["range"] == ["start": .null, "end": .null])
            #expect(a["computed_at"]?.stringValue != nil)

            // Date-only bounds are whole days in America/Sao_Paulo: the 02:30Z one is on the 9th there.
            let day = try await tools.request(.get, "/api/v1/mcp/get_conversation_analytics?platform=\(platform)&start=2025-03-10&end=2025-03-10")
            #expect(day.json["total_conversations"] == 1)
            #expect(day.json["range"]?["start"] == "2025-03-10T03:00:00.000Z")
            #expect(day.json["range"]?["end"] == "2025-03-11T03:00:00.000Z")
            let json = "%7B%22start%22%3A%222025-03-09%22%2C%22end%22%3A%222025-03-09%22%7D"
            #expect(try await tools.request(.get, "/api/v1/mcp/get_conversation_analytics?platform=\(platform)&date_range=\(json)").json["total_conversations"] == 1)
            // RFC 3339 bounds are half-open.
            let instant = try await tools.request(.get, "/api/v1/mcp/get_conversation_analytics?platform=\(platform)&start=2025-03-10T02:30:00Z&end=2025-03-10T14:00:00Z")
            #expect(instant.json["total_conversations"] == 1)

            // metrics= keeps the named keys plus range and computed_at.
            let some = try await tools.request(.get, "/api/v1/mcp/get_conversation_analytics?platform=\(platform)&metrics=total_conversations,platforms")
            #expect(some.json.object?.keys.sorted() == ["computed_at", "platforms", "range", "total_conversations"])
            // The user filter and the generic form answer alike.
            let generic = try await tools.post("call", ["name": "get_conversation_analytics", "arguments": ["user_id": .string(user), "metrics": ["total_conversations", "unique_users"]]])
            #expect(generic.status == .ok)
            #expect(generic.json["total_conversations"] == 1)
            #expect(generic.json["unique_users"] == 1)

            // Nothing in range: counts 0, averages and rates null, 24 zero hours.
            let empty = try await tools.request(.get, "/api/v1/mcp/get_conversation_analytics?platform=\(platform)&start=2020-01-01&end=2020-01-02")
            #expect(empty.json["total_conversations"] == 0)
            #expect(empty.json["completion_rate"] == .null)
            #expect(empty.json["avg_duration_s"] == .null)
            #expect(empty.json["error_rate"] == .null)
            #expect(empty.json["peak_hours"]?["0"] == 0)
            #expect(empty.json["top_topics"] == [])
        }
    }

    @Test("the generic call answers exactly as the REST form")
    func genericCall() async throws {
        let harness = try E2EHarness()
        let user = Self.uid("gen")
        try await harness.run(workers: Self.toolWorkers) { client, _ in
            let tools = ToolClient(client: client, token: try await ToolClient.token(harness.configuration))
            let rest = try await tools.post("create_chat_session", ["user_id": .string(user), "platform": "web"])
            let generic = try await tools.post("call", ["name": "create_chat_session", "arguments": ["user_id": .string(user), "platform": "web"]])
            #expect(rest.status == .created)
            #expect(generic.status == .ok)
            #expect(generic.json["session_id"] == rest.json["session_id"])
            let a = try await tools.request(.get, "/api/v1/mcp/get_user_context/\(user)?include_history=true")
            let b = try await tools.post("call", ["name": "get_user_context", "arguments": ["user_id": .string(user), "include_history": true]])
            #expect(a.status == b.status)
            #expect(a.json == b.json)
        }
    }

    @Test("with no worker a call times out with 504 and its call id; once a worker runs, /api/v1/requests/{id} has the result")
    func timeoutThenResult() async throws {
        let harness = try E2EHarness(overrides: ["TOOL_TIMEOUT_MS": "300"])
        let user = Self.uid("late")
        let token = try await ToolClient.token(harness.configuration, subject: "flow-late")
        let callID: String = try await harness.run(workers: nil) { client, _ in
            let tools = ToolClient(client: client, token: token)
            let reply = try await tools.post("create_chat_session", ["user_id": .string(user), "platform": "whatsapp"])
            #expect(reply.status == .gatewayTimeout)
            #expect(reply.json["code"] == "timeout")
            let callID = reply.json["call_id"]?.stringValue ?? ""
            #expect(reply.callID == callID)
            #expect(UUID(uuidString: callID) != nil)
            let pending = try await tools.request(.get, "/api/v1/requests/\(callID)")
            #expect(pending.status == .accepted)
            #expect(pending.json["status"] == "pending")
            return callID
        }
        try await harness.run(workers: Self.toolWorkers) { client, _ in
            let tools = ToolClient(client: client, token: token)
            let done = try await TestServices.eventually {
                try await tools.request(.get, "/api/v1/requests/\(callID)").status == .created
            }
            #expect(done)
            let result = try await tools.request(.get, "/api/v1/requests/\(callID)")
            #expect(result.json["user_id"]?.stringValue == user)
            #expect(result.callID == callID)
            // Another subject, an unknown id and a malformed id are all 404.
            let stranger = ToolClient(client: client, token: try await ToolClient.token(harness.configuration, subject: "someone-else"))
            #expect(try await stranger.request(.get, "/api/v1/requests/\(callID)").status == .notFound)
            #expect(try await tools.request(.get, "/api/v1/requests/\(UUID().uuidString)").status == .notFound)
            #expect(try await tools.request(.get, "/api/v1/requests/not-a-uuid").status == .notFound)
        }
    }

    @Test("1,000 concurrent tool calls through one gateway and two workers all complete; the gateway holds a bounded number of Redis connections")
    func thousandConcurrentCalls() async throws {
        // A generous timeout: the point is that every call completes, on any machine.
        let harness = try E2EHarness(overrides: ["TOOL_TIMEOUT_MS": "60000"])
        let prefix = Self.uid("k")
        let connections = try await harness.run(workers: WorkerOptions(role: .tools, concurrency: 2, batchSize: 100)) { client, postgres, dependencies in
            let tools = ToolClient(client: client, token: try await ToolClient.token(harness.configuration))
            let gatewayName = "talkhub-gateway-" + dependencies.tools.gatewayID
            let started = ContinuousClock.now
            let (statuses, peak) = try await withThrowingTaskGroup(of: Int.self) { group in
                for i in 0..<1000 {
                    group.addTask {
                        try await tools.post("update_user_profile", ["user_id": .string("\(prefix)-\(i % 250)"), "profile_data": ["tags": .array([.string("t\(i)")])]]).status.code
                    }
                }
                // Count the gateway's connections while the calls are in flight.
                var peak = 0
                for _ in 0..<5 {
                    let list = try await dependencies.redis.send(RawCommand(["CLIENT", "LIST"])).string ?? ""
                    peak = max(peak, list.split(separator: "\n").filter { $0.contains("name=\(gatewayName) ") }.count)
                    try await Task.sleep(for: .milliseconds(100))
                }
                return (try await group.reduce(into: [Int]()) { $0.append($1) }, peak)
            }
            #expect(statuses.count == 1000)
            print("1,000 concurrent update_user_profile calls took \(ContinuousClock.now - started)")
            #expect(statuses.allSatisfy { $0 == 200 }, "\(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")
            // Every tag landed: 250 users × 4 tags.
            #expect(try await postgres.count("SELECT sum(cardinality(tags))::int FROM user_profiles WHERE user_id LIKE \(prefix + "-%")") == 1000)
            return peak
        }
        // The shared pool (4) and the reply listener (1).
        #expect(connections > 0 && connections <= 5, "gateway held \(connections) connections")
        print("gateway redis connections during 1,000 concurrent calls: \(connections)")
    }
}
