import Foundation
import Logging
import PostgresNIO
import Shared
import Testing
import TestSupport

@testable import Workers

@Suite("save_conversation written set-wise", .serialized)
struct SaveConversationBatchTests {
    static let logger = Logger(label: "test.save-batch")

    static func call(user: String, session: String, conversation: String?, texts: [String], start: Int) -> (arguments: JSONValue, callID: String) {
        var messages: [JSONValue] = []
        for (i, text) in texts.enumerated() {
            let at = RFC3339.format(Date(timeIntervalSince1970: TimeInterval(1_764_000_000 + start * 100 + i * 7)))
            messages.append(["role": .string(i % 2 == 0 ? "user" : "assistant"), "content": .string(text), "timestamp": .string(at)])
        }
        var arguments: [String: JSONValue] = ["user_id": .string(user), "session_id": .string(session), "messages": .array(messages)]
        if let conversation { arguments["conversation_id"] = .string(conversation) }
        return (.object(arguments), UUID().uuidString.lowercased())
    }

    /// Profiles' statistics, sessions and stored rows of `users`, as comparable text.
    static func state(_ users: [String], postgres: PostgresClient) async throws -> [String] {
        var lines: [String] = []
        let rows = try await postgres.query(
            """
            SELECT p.user_id, (p.interaction_stats->>'total_conversations')::int, (p.interaction_stats->>'total_messages')::int,
                   p.interaction_stats->>'last_interaction',
                   (SELECT count(*)::int FROM conversations c WHERE c.user_id = p.user_id),
                   (SELECT count(*)::int FROM messages m WHERE m.user_id = p.user_id AND m.sentiment IS NOT NULL),
                   (SELECT string_agg(s.status, ',' ORDER BY s.status) FROM chat_sessions s WHERE s.user_id = p.user_id)
            FROM user_profiles p WHERE p.user_id = ANY(\(users)::text[]) ORDER BY p.user_id
            """,
            logger: logger
        )
        for try await (user, conversations, messages, last, stored, analysed, sessions) in rows.decode((String, Int, Int, String, Int, Int, String?).self) {
            let local = user.split(separator: "/").last.map(String.init) ?? user
            lines.append("\(local) \(conversations) \(messages) \(last) \(stored) \(analysed) \(sessions ?? "-")")
        }
        return lines
    }

    @Test("one batch with repeated conversations and sessions leaves what the calls one by one leave, and answers each call")
    func batchEqualsOneByOne() async throws {
        try await TestServices.withPostgres { postgres in
            let texts = ["oi, meu pedido não chegou", "Vou verificar.", "obrigado!", "De nada."]
            // Users u0…u4 with two sessions each, shared by several calls; conversations named twice.
            func calls(_ tag: String) -> [(arguments: JSONValue, callID: String)] {
                var out: [(arguments: JSONValue, callID: String)] = []
                for i in 0..<24 {
                    let user = "\(tag)/u\(i % 5)"
                    let session = "\(tag)-s\(i % 5)-\(i % 2)"
                    let conversation: String? = i % 6 == 0 ? "\(tag)-c\(i % 12)" : nil
                    out.append(Self.call(user: user, session: session, conversation: conversation, texts: Array(texts.prefix(1 + i % 4)), start: i))
                }
                // The same conversation twice in the batch, and a call repeating an earlier one's id.
                out.append(Self.call(user: "\(tag)/u1", session: "\(tag)-s1-1", conversation: "\(tag)-c0", texts: texts, start: 99))
                return out
            }
            let tag = "batch-\(UUID().uuidString.prefix(6))"
            let single = "single-\(UUID().uuidString.prefix(6))"
            let batch = calls(tag)
            let outcomes = try await postgres.withTransaction(logger: Self.logger) { connection in
                try await SaveConversation.run(batch, on: connection, logger: Self.logger)
            }
            #expect(outcomes.count == batch.count)
            #expect(outcomes.values.allSatisfy { $0.status == 201 })
            // The calls that named c0 all answer the same stored conversation.
            let c0 = batch.filter { $0.arguments["conversation_id"]?.stringValue == "\(tag)-c0" }.map { outcomes[$0.callID]!.body }
            #expect(c0.count == 3)
            #expect(Set(c0.map(\.jsonText)).count == 1)

            for one in calls(single) {
                _ = try await postgres.withTransaction(logger: Self.logger) { connection in
                    try await SaveConversation.run([one], on: connection, logger: Self.logger)
                }
            }
            let users = (0..<5).map { "u\($0)" }
            let batchState = try await Self.state(users.map { "\(tag)/\($0)" }, postgres: postgres)
            let singleState = try await Self.state(users.map { "\(single)/\($0)" }, postgres: postgres)
            #expect(batchState.count == 5)
            #expect(batchState == singleState)
            // 25 calls: c0 named three times (i = 0, 12 and the last), c6 twice (i = 6, 18).
            let distinct = try await postgres.query(
                "SELECT count(*)::int FROM conversations WHERE user_id LIKE \(tag + "/%")", logger: Self.logger
            ).decode(Int.self).reduce(into: 0) { $0 += $1 }
            #expect(distinct == 22)
        }
    }
}
