import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import Testing
import TestSupport
@testable import Workers

@testable import Gateway
@testable import Shared

@Suite("End to end: LGPD, opt-out, the WhatsApp window, channels, Brazilian mobiles, API keys", .enabled(if: TestServices.available))
struct BrazilianEssentialsEndToEndTests {
    static let workers = WorkerOptions(role: .all, concurrency: 1, batchSize: 50)

    static func digits(_ n: Int) -> String { (0..<n).map { _ in String(Int.random(in: 0...9)) }.joined() }

    /// A signed WhatsApp delivery of one text message.
    static func whatsapp(_ client: any TestClientProtocol, from: String, text: String, at: Date = Date(), phoneNumberID: String = "106540352242922") async throws -> HTTPResponse.Status {
        let id = "wamid.\(UUID().uuidString)"
        let body = JSONValue.object([
            "object": "whatsapp_business_account",
            "entry": [["id": "1", "changes": [["field": "messages", "value": [
                "messaging_product": "whatsapp",
                "metadata": ["display_phone_number": "5511400000000", "phone_number_id": .string(phoneNumberID)],
                "contacts": [["profile": ["name": "Bia"], "wa_id": .string(from)]],
                "messages": [["from": .string(from), "id": .string(id), "timestamp": .string(String(Int(at.timeIntervalSince1970))), "type": "text", "text": ["body": .string(text)]]],
            ]]]]],
        ]).jsonText
        return try await PlatformWebhookEndToEndTests.whatsapp(client, body)
    }

    static func uchat(_ client: any TestClientProtocol, user: String, text: String, at: Date, channel: String? = nil) async throws -> HTTPResponse.Status {
        var body: [String: JSONValue] = [
            "event_id": .string(UUID().uuidString), "event": "message", "user_id": .string(user), "platform": "uchat",
            "message": ["id": .string(UUID().uuidString), "text": .string(text), "direction": "in", "timestamp": .string(RFC3339.format(at))],
        ]
        if let channel { body["channel"] = .string(channel) }
        return try await UChatWebhookEndToEndTests.post(client, JSONValue.object(body).jsonText)
    }

    @Test("a Brazilian mobile with and without the ninth digit is one user, one profile, one history, in the nine-digit form")
    func ninthDigit() async throws {
        let harness = try E2EHarness()
        let eight = "5511" + "8" + Self.digits(7)
        let nine = "5511" + "9" + eight.dropFirst(4)
        try await harness.run(workers: Self.workers) { client, postgres in
            #expect(try await Self.whatsapp(client, from: eight, text: "oi") == .ok)
            #expect(try await Self.whatsapp(client, from: nine, text: "tudo bem?") == .ok)
            let stored = try await TestServices.eventually { try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id = \("whatsapp:" + nine)") == 2 }
            #expect(stored)
            #expect(try await postgres.count("SELECT count(*)::int FROM user_profiles WHERE user_id IN (\("whatsapp:" + eight), \("whatsapp:" + nine))") == 1)
            #expect(try await postgres.count("SELECT count(*)::int FROM user_profiles WHERE user_id = \("whatsapp:" + nine) AND phone = \("+" + nine)") == 1)
            // Asking with either form finds the same user.
            let tools = ToolClient(client: client, token: try await ToolClient.token(harness.configuration))
            let context = try await tools.request(.get, "/api/v1/mcp/get_user_context/whatsapp:\(eight)")
            #expect(context.json["user_id"]?.stringValue == "whatsapp:" + nine)
            #expect(context.json["interaction_stats"]?["total_messages"] == 2)
        }
    }

    @Test("opt-out and opt-in words set opted_out; CANCELAR does not; an older word processed later does not undo a newer one")
    func optOut() async throws {
        let harness = try E2EHarness()
        let user = "opt-\(UUID().uuidString.prefix(8))"
        try await harness.run(workers: Self.workers) { client, postgres in
            let tools = ToolClient(client: client, token: try await ToolClient.token(harness.configuration))
            func profile() async throws -> JSONValue? { try await tools.request(.get, "/api/v1/mcp/get_user_context/\(user)").json["profile"] }
            let t0 = Date().addingTimeInterval(-600)
            #expect(try await Self.uchat(client, user: user, text: "quero CANCELAR o pedido", at: t0) == .ok)
            #expect(try await Self.uchat(client, user: user, text: "Sáir!", at: t0.addingTimeInterval(10)) == .ok)
            let out = try await TestServices.eventually { try await profile()?["opted_out"] == true }
            #expect(out)
            #expect(try await profile()?["opted_out_at"]?.stringValue != nil)
            #expect(try await Self.uchat(client, user: user, text: "voltar", at: t0.addingTimeInterval(20)) == .ok)
            let back = try await TestServices.eventually { try await profile()?["opted_out"] == false }
            #expect(back)
            #expect(try await profile()?["opted_out_at"] == .null)
            // A STOP sent before the VOLTAR but delivered after it changes nothing.
            #expect(try await Self.uchat(client, user: user, text: "STOP", at: t0.addingTimeInterval(15)) == .ok)
            #expect(try await harness.drained())
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id = \(user)") == 4)
            #expect(try await profile()?["opted_out"] == false)
        }
    }

    @Test("window_open_until is the last inbound WhatsApp message + 24 h, null when none or past; channel ids are stored and filter analytics")
    func windowAndChannels() async throws {
        let harness = try E2EHarness(overrides: ["TELEGRAM_BOT_ID": "7001"])
        let recent = "55219" + Self.digits(8)
        let old = "55219" + Self.digits(8)
        let channel = "pn-\(Self.digits(6))"
        try await harness.run(workers: Self.workers) { client, postgres in
            let tools = ToolClient(client: client, token: try await ToolClient.token(harness.configuration))
            let sent = Date().addingTimeInterval(-3600)
            #expect(try await Self.whatsapp(client, from: recent, text: "oi", at: sent, phoneNumberID: channel) == .ok)
            #expect(try await Self.whatsapp(client, from: old, text: "oi", at: Date().addingTimeInterval(-2 * 86_400)) == .ok)
            #expect(try await harness.drained())
            let open = try await tools.request(.get, "/api/v1/mcp/get_user_context/whatsapp:\(recent)")
            let until = open.json["window_open_until"]?.stringValue.flatMap(RFC3339.parse)
            #expect(until.map { abs($0.timeIntervalSince(sent.addingTimeInterval(86_400))) < 1.5 } == true)
            #expect(try await tools.request(.get, "/api/v1/mcp/get_user_context/whatsapp:\(old)").json["window_open_until"] == .null)
            #expect(try await tools.request(.get, "/api/v1/mcp/get_user_context/nobody-\(UUID())").json["window_open_until"] == .null)
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id = \("whatsapp:" + recent) AND channel_id = \(channel)") == 1)

            // A cached answer stops showing a window once it has closed.
            let closed = GetUserContext.closingWindow(open.json, now: Date().addingTimeInterval(2 * 86_400))
            #expect(closed["window_open_until"] == .null)

            // Telegram: the bot id from TELEGRAM_BOT_ID, or from ?bot_id= on the webhook URL.
            // JSON numbers: no leading zero.
            let chat = String(Int.random(in: 100_000_000...999_999_999))
            let update = #"{"update_id":\#(Int.random(in: 100_000_000...999_999_999)),"message":{"message_id":\#(Int.random(in: 10_000...99_999)),"from":{"id":\#(chat),"first_name":"Rui"},"chat":{"id":\#(chat),"type":"private"},"date":\#(Int(Date().timeIntervalSince1970)),"text":"olá"}}"#
            #expect(try await PlatformWebhookEndToEndTests.telegram(client, update) == .ok)
            let other = update.replacingOccurrences(of: "\"message_id\":", with: "\"message_id\":1")
            let status = try await client.execute(uri: "/webhooks/telegram?bot_id=8002", method: .post, headers: [.xTelegramSecretToken: "test-telegram-token"], body: ByteBuffer(string: other)) { $0.status }
            #expect(status == .ok)
            let both = try await TestServices.eventually {
                try await postgres.count("SELECT count(DISTINCT channel_id)::int FROM messages WHERE user_id = \("telegram:" + chat) AND channel_id IN ('7001', '8002')") == 2
            }
            #expect(both)

            // Analytics filter by channel: a conversation saved in a session on that channel.
            let session = try await tools.post("create_chat_session", ["user_id": "chan-user", "platform": "whatsapp", "channel_id": .string(channel)])
            _ = try await tools.post("save_conversation", ["session_id": session.json["session_id"]!, "user_id": "chan-user", "messages": [["role": "user", "content": "oi"]]])
            let analytics = try await tools.request(.get, "/api/v1/mcp/get_conversation_analytics?channel_id=\(channel)&metrics=total_conversations")
            #expect(analytics.json["total_conversations"] == 1)
        }
    }

    @Test("erasing a user leaves nothing personal in PostgreSQL or Redis, keeps the counts, and is audited; the export then holds nothing")
    func erasure() async throws {
        let harness = try E2EHarness()
        let number = "55319" + Self.digits(8)
        let user = "whatsapp:" + number
        try await harness.run(workers: Self.workers) { client, postgres, dependencies in
            let admin = ToolClient(client: client, token: try await ToolClient.token(harness.configuration, subject: "dpo"))
            #expect(try await Self.whatsapp(client, from: number, text: "meu cpf é 123.456.789-09") == .ok)
            #expect(try await harness.drained())
            _ = try await admin.post("update_user_profile", ["user_id": .string(user), "profile_data": ["email": "bia@example.com", "notes": "VIP"]])
            let session = try await admin.post("create_chat_session", ["user_id": .string(user), "platform": "web", "user_data": ["address": "Rua A, 1"]])
            let saved = try await admin.post("save_conversation", [
                "session_id": session.json["session_id"]!, "user_id": .string(user),
                "messages": [["role": "user", "content": "entrega na Rua A, 1"], ["role": "assistant", "content": "ok"]],
                "metadata": ["address": "Rua A, 1"], "intent_analysis": ["note": "personal"],
            ], headers: .idempotencyKey("erase-\(number)"))
            #expect(saved.status == .created)
            _ = try await admin.request(.get, "/api/v1/mcp/get_user_context/\(user)?include_history=true")

            // Dead letters about the user (an event's body, a raw delivery) and one of someone else.
            let dlq = dependencies.redis
            let other = "whatsapp:55319" + Self.digits(8)
            for letter in [
                DeadLetter(source: "stream.inbound", reason: "test", original: ["body": #"{"user_id":"\#(user)","text":"meu cpf"}"#]),
                DeadLetter(source: "webhook.whatsapp", reason: "test", original: ["payload": #"{"contacts":[{"wa_id":"\#(number)"}]}"#]),
                DeadLetter(source: "stream.tools", reason: "test", original: ["body": #"{"arguments":{"user_id":"\#(other)"}}"#]),
            ] {
                _ = try await dlq.xadd(dlq.keys.deadLetters, fields: letter.fields)
            }
            let before = try await admin.request(.get, "/api/v1/users/\(user)/export")
            #expect(before.status == .ok)
            #expect(before.json["profile"]?["email"] == "bia@example.com")
            #expect((before.json["messages"]?.array?.count ?? 0) == 3)

            // As the analytics rollup would have numbered the user for its bitmaps.
            _ = try await postgres.count(PostgresQuery(
                unsafeSQL: "WITH i AS (INSERT INTO analytics_user_numbers (user_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*)::int FROM i",
                binds: { var b = PostgresBindings(); b.append(user); return b }()))
            let erased = try await admin.request(.delete, "/api/v1/users/\(user)")
            #expect(erased.status == .ok)
            #expect(erased.json["erased"]?["user_profiles"] == 1)
            #expect(erased.json["erased"]?["messages"] == 3)
            #expect(erased.json["erased"]?["conversations"] == 1)
            #expect((erased.json["erased"]?["redis"]?.doubleValue ?? 0) >= 1)
            #expect(erased.json["erased"]?["dead_letters"] == 2)
            let letters = try await dlq.xrange(dlq.keys.deadLetters)
            #expect(!letters.contains { ($0.fields ?? [:]).values.contains { $0.contains(number) } })
            #expect(letters.contains { ($0.fields?["body"] ?? "").contains(other) })

            let after = try await admin.request(.get, "/api/v1/users/\(user)/export")
            #expect(after.json["profile"] == .null)
            #expect(after.json["messages"] == [])
            #expect(after.json["conversations"] == [])
            #expect(after.json["sessions"] == [])
            // Nothing of the person is left anywhere in the tables.
            for table in ["messages", "conversations", "chat_sessions", "user_profiles", "analytics_user_numbers"] {
                #expect(try await postgres.count(PostgresQuery(unsafeSQL: "SELECT count(*)::int FROM \(table) WHERE user_id = $1", binds: { var b = PostgresBindings(); b.append(user); return b }())) == 0)
            }
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE text LIKE '%123.456.789-09%' OR text LIKE '%Rua A%'") == 0)
            #expect(try await postgres.count("SELECT count(*)::int FROM conversations WHERE messages::text LIKE '%Rua A%' OR metadata::text LIKE '%Rua A%' OR intent_analysis::text LIKE '%personal%'") == 0)
            #expect(try await postgres.count("SELECT count(*)::int FROM chat_sessions WHERE user_data::text LIKE '%Rua A%'") == 0)
            #expect(try await postgres.count("SELECT count(*)::int FROM idempotency_keys WHERE body::text LIKE \("%" + number + "%")") == 0)
            // The counts stay, under a pseudonym.
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id LIKE 'erased:%' AND sentiment IS NOT NULL AND session_id = \(session.json["session_id"]!.stringValue!)") == 1)
            // Redis: no cached answer, no stored result about the user.
            let redis = dependencies.redis
            let keys = try await redis.send(RawCommand(["KEYS", RedisArgument(redis.keys.prefix + "*")])).array?.compactMap(\.string) ?? []
            for key in keys where key.contains("cache:user:") || key.contains(":result:") {
                let value = (try await redis.send(RawCommand(["GET", RedisArgument(key)]))).string ?? ""
                #expect(!key.contains(number) && !value.contains(number), "\(key)")
            }
            // Audited without the id; erasing someone unknown is 200 with zero counts.
            #expect(try await postgres.count("SELECT count(*)::int FROM audit_log WHERE actor = 'dpo' AND action IN ('user.erase', 'user.export') AND target_ref = \(UserDataRights.reference(user))") == 3)
            #expect(try await postgres.count("SELECT count(*)::int FROM audit_log WHERE details::text LIKE \("%" + number + "%") OR target_ref LIKE \("%" + number + "%")") == 0)
            let unknown = try await admin.request(.delete, "/api/v1/users/nobody-\(UUID())")
            #expect(unknown.status == .ok)
            #expect(unknown.json["erased"]?["user_profiles"] == 0)
        }
    }

    @Test("RETENTION_DAYS erases only old message text, keeping labels")
    func retention() async throws {
        try await TestServices.withPostgres { postgres in
            let user = "ret-\(UUID().uuidString.prefix(8))"
            for (pid, age) in [("old", 40.0), ("new", 5.0)] {
                let at = Date().addingTimeInterval(-age * 86_400)
                try await postgres.query(
                    "INSERT INTO messages (platform, platform_message_id, user_id, text, sentiment, intent, sent_at) VALUES ('uchat', \(user + pid), \(user), 'texto', 'neutral', 'other', \(at))",
                    logger: TestServices.logger
                )
            }
            try await RetentionJob(postgres: postgres, days: 30).run(logger: TestServices.logger)
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id = \(user) AND text IS NULL AND sentiment = 'neutral' AND platform_message_id = \(user + "old")") == 1)
            #expect(try await postgres.count("SELECT count(*)::int FROM messages WHERE user_id = \(user) AND text = 'texto' AND platform_message_id = \(user + "new")") == 1)
        }
    }

    @Test("API keys: shown once, hashed, scoped (403 without the scope), per-key subject, revoked at once on another gateway")
    func apiKeys() async throws {
        let harness = try E2EHarness()
        try await harness.run(workers: Self.workers) { client, postgres in
            let admin = ToolClient(client: client, token: try await ToolClient.token(harness.configuration))
            let created = try await admin.request(.post, "/api/v1/keys", ["name": "flow-vendas", "scopes": ["tools"]])
            #expect(created.status == .created)
            let key = created.json["key"]?.stringValue ?? ""
            let id = created.json["id"]?.stringValue ?? ""
            #expect(key.hasPrefix("thk_") && key.count == 47)
            #expect(try await postgres.count("SELECT count(*)::int FROM api_keys WHERE id = \(id)::uuid AND key_hash <> \(key) AND key_hash = \(APIKeyStore.hash(key))") == 1)
            let listed = try await admin.request(.get, "/api/v1/keys")
            #expect(listed.json["keys"]?.array?.contains { $0["id"]?.stringValue == id && $0["key"] == nil } == true)
            #expect(!listed.json.jsonText.contains(key))
            #expect(try await admin.request(.post, "/api/v1/keys", ["name": "", "scopes": ["root"]]).fields.sorted() == ["name", "scopes[0]"])

            let flow = ToolClient(client: client, token: key)
            let session = try await flow.post("create_chat_session", ["user_id": .string("key-user-\(id.prefix(6))")])
            #expect(session.status == .created)
            #expect(try await flow.request(.get, "/api/v1/users/x/export").status == .forbidden)
            #expect(try await flow.request(.get, "/api/v1/keys").status == .forbidden)
            // A stored result belongs to the key's subject.
            #expect(try await admin.request(.get, "/api/v1/requests/\(session.callID ?? "")").status == .notFound)
            #expect(try await flow.request(.get, "/api/v1/requests/\(session.callID ?? "")").status == .created)

            let readOnly = try await admin.request(.post, "/api/v1/keys", ["name": "painel", "scopes": ["webhooks:read"]])
            let reader = ToolClient(client: client, token: readOnly.json["key"]?.stringValue ?? "")
            #expect(try await reader.post("create_chat_session", ["user_id": "x"]).status == .forbidden)
            #expect(try await MCPProbe(client: client, token: readOnly.json["key"]?.stringValue).post(["jsonrpc": "2.0", "id": 1, "method": "ping"]).status == .forbidden)

            // Revoked on this gateway; refused at once by a second gateway on the same Redis.
            let second = try await buildApplication(configuration: harness.configuration, logger: TestServices.logger)
            try await second.test(.router) { other in
                let flowThere = ToolClient(client: other, token: key)
                #expect(try await flowThere.request(.get, "/api/v1/mcp/tools").status == .ok)
                #expect(try await admin.request(.delete, "/api/v1/keys/\(id)").status == .ok)
                let refused = try await flowThere.request(.get, "/api/v1/mcp/tools")
                #expect(refused.status == .unauthorized)
                #expect(refused.headers[.wwwAuthenticate] == #"Bearer error="invalid_token""#)
            }
            #expect(try await flow.request(.get, "/api/v1/mcp/tools").status == .unauthorized)
            #expect(try await admin.request(.delete, "/api/v1/keys/\(UUID())").status == .notFound)
        }
    }

    @Test("talkhub apikey create, list and revoke", .enabled(if: TalkHubProcess.isAvailable))
    func apiKeyCommand() async throws {
        let configuration = try TestServices.configuration(prefix: TestServices.uniquePrefix("cli"))
        let env = ["REDIS_URL": configuration.redisURL, "DATABASE_URL": configuration.databaseURL, "REDIS_KEY_PREFIX": configuration.redisKeyPrefix]
        let name = "cli-\(UUID().uuidString.prefix(6))"
        let created = try await TalkHubProcess.output(["apikey", "create", "--name", name, "--scopes", "tools,admin"], environment: env)
        #expect(created.status == 0, "\(created.output)")
        let id = created.output.split(separator: "\n").first { $0.hasPrefix("id:") }.map { $0.dropFirst(3).trimmingCharacters(in: .whitespaces) } ?? ""
        #expect(created.output.contains("key:    thk_"))
        let listed = try await TalkHubProcess.output(["apikey", "list"], environment: env)
        #expect(listed.output.contains(id) && listed.output.contains(name) && !listed.output.contains(created.output.split(separator: "\n").first { $0.hasPrefix("key:") }.map(String.init) ?? "-"))
        let revoked = try await TalkHubProcess.output(["apikey", "revoke", id], environment: env)
        #expect(revoked.status == 0 && revoked.output.contains("revoked"))
        #expect(try await TalkHubProcess.output(["apikey", "list"], environment: env).output.contains("revoked"))
    }
}
