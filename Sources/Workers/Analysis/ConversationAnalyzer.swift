import Foundation
import Shared

/// One message of a conversation, as the conversation analyzer reads it.
public struct ConversationMessage: Sendable, Hashable {
    public var role: String
    public var text: String
    public var timestamp: Date?

    public init(role: String, text: String, timestamp: Date?) {
        self.role = role
        self.text = text
        self.timestamp = timestamp
    }
}

/// Conversation-level analysis (API.md `intent_analysis`) and timing metadata.
public enum ConversationAnalyzer {
    /// `sentiment`, `sentiment_score`, `intent`, `confidence`, `topics`, `language`,
    /// `per_message` (one entry per user message) and `trend`. User messages count; later
    /// ones weigh more, since how a conversation ends says most about it.
    public static func analysis(_ messages: [ConversationMessage]) -> JSONValue {
        analysis(messages, userAnalyses: messages.filter { $0.role == "user" }.map { MessageAnalyzer.analyze($0.text) })
    }

    /// The same from the analyses of the user messages, in order (a caller that stores each
    /// message's analysis computes them once).
    public static func analysis(_ messages: [ConversationMessage], userAnalyses analyses: [MessageAnalysis]) -> JSONValue {
        var weighted = 0.0
        var weights = 0.0
        for (i, a) in analyses.enumerated() {
            let w = 1 + Double(i) / Double(max(1, analyses.count - 1))
            weighted += a.sentimentScore * w
            weights += w
        }
        let score = weights == 0 ? 0 : (weighted / weights * 1000).rounded() / 1000
        // Intent: the most confident substantive intent; greetings and thanks only when
        // nothing else was asked.
        let substantive = analyses.filter { !["greeting", "thanks", "other"].contains($0.intent) }
        let pick = (substantive.isEmpty ? analyses : substantive).max { $0.confidence < $1.confidence }
        var topicCounts: [String: Int] = [:]
        var order: [String] = []
        for a in analyses {
            for t in a.topics {
                if topicCounts[t] == nil { order.append(t) }
                topicCounts[t, default: 0] += 1
            }
        }
        let topics = order.sorted { (topicCounts[$0]!, -order.firstIndex(of: $0)!) > (topicCounts[$1]!, -order.firstIndex(of: $1)!) }
        var languages: [String: Int] = [:]
        for a in analyses { languages[a.language, default: 0] += 1 }
        let language = languages.max { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value }?.key
            ?? MessageAnalyzer.analyze(messages.map(\.text).joined(separator: " ")).language
        let trend: String
        if let first = analyses.first?.sentimentScore, let last = analyses.last?.sentimentScore, analyses.count > 1 {
            trend = last - first > 0.2 ? "improving" : first - last > 0.2 ? "worsening" : "stable"
        } else {
            trend = "stable"
        }
        return .object([
            "sentiment": .string(SentimentAnalyzer.label(score)),
            "sentiment_score": .number(score),
            "intent": .string(pick?.intent ?? "other"),
            "confidence": .number(pick?.confidence ?? 0.5),
            "topics": .array(topics.map { .string($0) }),
            "language": .string(language),
            "trend": .string(trend),
            "per_message": .array(analyses.map {
                ["sentiment": .string($0.sentiment), "sentiment_score": .number($0.sentimentScore), "intent": .string($0.intent)]
            }),
        ])
    }

    /// `message_count`, `duration_s`, `first_response_time_s`, `avg_response_time_s` and
    /// `completion_status`, by API.md's timing rules; a figure that cannot be computed is null.
    public static func timing(_ messages: [ConversationMessage]) -> [String: JSONValue] {
        func seconds(_ a: Date, _ b: Date) -> JSONValue { .number((b.timeIntervalSince(a) * 1000).rounded() / 1000) }
        let stamps = messages.compactMap(\.timestamp)
        var duration: JSONValue = .null
        if let first = stamps.min(), let last = stamps.max(), stamps.count >= 2 { duration = seconds(first, last) }
        // Runs of consecutive user messages answered by a non-user message.
        var responses: [Double] = []
        var runStart: Date?
        var runHasTime = false
        for message in messages {
            if message.role == "user" {
                if runStart == nil && !runHasTime {
                    runStart = message.timestamp
                    runHasTime = true
                }
            } else if runHasTime {
                if let start = runStart, let reply = message.timestamp { responses.append(reply.timeIntervalSince(start)) }
                runStart = nil
                runHasTime = false
            }
        }
        let completed = messages.last.map { $0.role != "user" } ?? false
        return [
            "message_count": .integer(Int64(messages.count)),
            "duration_s": duration,
            "first_response_time_s": responses.first.map { .number(($0 * 1000).rounded() / 1000) } ?? .null,
            "avg_response_time_s": responses.isEmpty ? .null : .number((responses.reduce(0, +) / Double(responses.count) * 1000).rounded() / 1000),
            "completion_status": .string(completed ? "completed" : "abandoned"),
        ]
    }
}
