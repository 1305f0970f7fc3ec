import Foundation
import Testing

@testable import Shared
@testable import Workers

@Suite("Conversation analysis and timing")
struct ConversationAnalyzerTests {
    static func at(_ s: Double) -> Date { Date(timeIntervalSince1970: 1_764_432_000 + s) }

    @Test("timing follows API.md: first response, mean over answered user runs, duration, completion")
    func timing() {
        let messages = [
            ConversationMessage(role: "user", text: "oi", timestamp: Self.at(0)),
            ConversationMessage(role: "user", text: "meu pedido não chegou", timestamp: Self.at(10)),
            ConversationMessage(role: "assistant", text: "Vou verificar", timestamp: Self.at(30)),
            ConversationMessage(role: "user", text: "ok", timestamp: Self.at(40)),
            ConversationMessage(role: "agent", text: "Chega amanhã", timestamp: Self.at(100)),
        ]
        let t = ConversationAnalyzer.timing(messages)
        #expect(t["message_count"] == .integer(5))
        #expect(t["duration_s"] == .number(100))
        #expect(t["first_response_time_s"] == .number(30))
        #expect(t["avg_response_time_s"] == .number(45))
        #expect(t["completion_status"] == .string("completed"))
    }

    @Test("what cannot be computed is null, never 0; a conversation ending on the user is abandoned")
    func nulls() {
        let onlyUser = [ConversationMessage(role: "user", text: "alô?", timestamp: Self.at(0))]
        let t = ConversationAnalyzer.timing(onlyUser)
        #expect(t["duration_s"] == .null)
        #expect(t["first_response_time_s"] == .null)
        #expect(t["avg_response_time_s"] == .null)
        #expect(t["completion_status"] == .string("abandoned"))
        let noTimes = [ConversationMessage(role: "user", text: "a", timestamp: nil), ConversationMessage(role: "assistant", text: "b", timestamp: nil)]
        #expect(ConversationAnalyzer.timing(noTimes)["first_response_time_s"] == .null)
    }

    @Test("analysis weighs user messages, later ones more, and reports a trend and one entry per user message")
    func analysis() {
        let messages = [
            ConversationMessage(role: "user", text: "meu pedido não chegou, que absurdo", timestamp: Self.at(0)),
            ConversationMessage(role: "assistant", text: "Resolvido! Chega hoje.", timestamp: Self.at(5)),
            ConversationMessage(role: "user", text: "ótimo, muito obrigado pela ajuda! adorei", timestamp: Self.at(9)),
        ]
        let a = ConversationAnalyzer.analysis(messages)
        #expect(a["per_message"]?.array?.count == 2)
        #expect(a["trend"] == .string("improving"))
        #expect(a["language"] == .string("pt"))
        #expect(["complaint", "support"].contains(a["intent"]?.stringValue ?? ""))
        #expect(a["topics"]?.array?.contains(.string("pedido")) == true)
        if let score = a["sentiment_score"]?.doubleValue { #expect((-1...1).contains(score)) } else { Issue.record("no score") }
    }
}
