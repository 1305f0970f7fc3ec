import Foundation
import Logging
import PostgresNIO
import Shared

/// Realistic synthetic history for load and analytics tests (`talkhub seed`): conversations
/// in pt-BR and English over WhatsApp, Telegram and UChat, every intent and sentiment,
/// business-hour peaks in São Paulo, with the analysis and timing metadata that
/// `save_conversation` and the session closer write, and a profile per user. Rows go in as
/// multi-row inserts of `batchSize`, so a million conversations take minutes.
public struct SyntheticHistory: Sendable {
    public var conversations: Int
    public var users: Int
    public var days: Int
    public var seed: UInt64
    public var batchSize = 5_000
    /// History ends now (minus a minute), unless set.
    public var end = Date().addingTimeInterval(-60)

    public init(conversations: Int, users: Int, days: Int, seed: UInt64 = 20_261_202) {
        self.conversations = conversations
        self.users = users
        self.days = days
        self.seed = seed
    }

    struct Template {
        let language: String
        let user: String
        let reply: String
        let intent: String
        let sentiment: String
        let score: Double
        let topics: [String]
    }

    static let templates: [Template] = [
        Template(language: "pt", user: "oi, meu pedido ainda não chegou, cadê o rastreio?", reply: "Vou verificar o rastreio agora mesmo.", intent: "support", sentiment: "negative", score: -0.45, topics: ["entrega", "rastreio"]),
        Template(language: "pt", user: "quanto custa o plano anual? aceita pix?", reply: "O plano anual sai por R$ 199 e aceitamos pix.", intent: "purchase", sentiment: "neutral", score: 0.05, topics: ["preço", "plano", "pix"]),
        Template(language: "pt", user: "qual o horário de atendimento de vcs?", reply: "Atendemos das 8h às 20h.", intent: "information", sentiment: "neutral", score: 0, topics: ["atendimento"]),
        Template(language: "pt", user: "péssimo, cobraram duas vezes no cartão!!", reply: "Sinto muito, vou pedir o reembolso.", intent: "complaint", sentiment: "negative", score: -0.8, topics: ["cartão", "reembolso"]),
        Template(language: "pt", user: "quero cancelar minha assinatura", reply: "Posso ajudar com o cancelamento.", intent: "cancellation", sentiment: "negative", score: -0.2, topics: ["cancelamento", "plano"]),
        Template(language: "pt", user: "bom dia! tudo bem?", reply: "Bom dia! Como posso ajudar?", intent: "greeting", sentiment: "positive", score: 0.5, topics: []),
        Template(language: "pt", user: "obrigada, resolveu tudo 😍", reply: "Por nada! Conte com a gente.", intent: "thanks", sentiment: "positive", score: 0.85, topics: []),
        Template(language: "pt", user: "não consigo fazer login, esqueci a senha", reply: "Enviei um link para trocar a senha.", intent: "support", sentiment: "negative", score: -0.3, topics: ["login", "senha"]),
        Template(language: "pt", user: "o boleto venceu, posso pagar amanhã?", reply: "Pode sim, geramos um novo boleto.", intent: "information", sentiment: "neutral", score: -0.05, topics: ["boleto", "pagamento"]),
        Template(language: "pt", user: "quero trocar o tamanho da camiseta", reply: "Claro, a troca é grátis.", intent: "support", sentiment: "neutral", score: 0.1, topics: ["troca"]),
        Template(language: "en", user: "my order hasn't arrived yet, where is it?", reply: "Let me check the tracking for you.", intent: "support", sentiment: "negative", score: -0.4, topics: ["delivery", "tracking"]),
        Template(language: "en", user: "how much is the premium plan?", reply: "Premium is $29 a month.", intent: "purchase", sentiment: "neutral", score: 0, topics: ["price", "plan"]),
        Template(language: "en", user: "this is ridiculous, I was charged twice", reply: "I'm sorry, I'll refund the duplicate charge.", intent: "complaint", sentiment: "negative", score: -0.75, topics: ["payment", "refund"]),
        Template(language: "en", user: "please cancel my subscription", reply: "Done, your subscription is cancelled.", intent: "cancellation", sentiment: "neutral", score: -0.1, topics: ["cancellation"]),
        Template(language: "en", user: "thanks a lot, great help!", reply: "You're welcome!", intent: "thanks", sentiment: "positive", score: 0.8, topics: []),
        Template(language: "en", user: "asdf", reply: "Could you tell me more?", intent: "other", sentiment: "neutral", score: 0, topics: []),
    ]

    /// Hour-of-day weights in São Paulo: quiet nights, a morning and an evening peak.
    static let hourWeights: [Double] = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 4, 5, 5.5, 5.5, 5, 5, 5.2, 5.2, 5, 5, 5.5, 6, 6, 5, 3.5, 2]

    /// Inserts the history; returns the number of conversations written.
    @discardableResult
    public func load(into postgres: PostgresClient, logger: Logger, progress: (@Sendable (Int) -> Void)? = nil) async throws -> Int {
        var random = SplitMix64(seed: seed ^ UInt64(conversations) &* 31 ^ UInt64(Date().timeIntervalSince1970 * 1000))
        let runID = String(random.next() % 1_000_000_000, radix: 36)
        let cumulative = Self.hourWeights.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1) }
        let saoPaulo = TimeZone(identifier: "America/Sao_Paulo")!
        let dayStart = Calendar(identifier: .gregorian).dateComponents(in: saoPaulo, from: end)
        let localMidnightOffset = Double((dayStart.hour ?? 0) * 3600 + (dayStart.minute ?? 0) * 60 + (dayStart.second ?? 0))
        let todayMidnight = end.addingTimeInterval(-localMidnightOffset)

        var written = 0
        var profileUsers: Set<Int> = []
        while written < conversations {
            let count = min(batchSize, conversations - written)
            var ids: [String] = [], sessions: [String] = [], userIDs: [String] = [], platforms: [String] = [], channels: [String] = []
            var messages: [String] = [], analyses: [String] = [], metadata: [String] = [], starts: [Date] = [], created: [Date] = []
            var profiles: [String] = [], names: [String] = []
            for index in 0..<count {
                let user = random.below(users)
                let platformRoll = random.unit()
                let platform = platformRoll < 0.7 ? "whatsapp" : platformRoll < 0.85 ? "telegram" : "uchat"
                let userID: String
                switch platform {
                case "whatsapp": userID = "whatsapp:55119\(100_000_000 + user)"
                case "telegram": userID = "telegram:\(700_000_000 + user)"
                default: userID = "uchat-seed-\(user)"
                }
                // A day within the range, then an hour by weight, then a minute.
                var start: Date
                repeat {
                    let day = random.below(max(days, 1))
                    let roll = random.unit() * cumulative.last!
                    let hour = cumulative.firstIndex { $0 >= roll } ?? 12
                    start = todayMidnight.addingTimeInterval(Double(-day * 86_400 + hour * 3600) + Double(random.below(3600)))
                } while start > end
                let template = Self.templates[random.below(Self.templates.count)]
                let turns = 1 + random.below(3)
                let firstResponse = 2 + random.unit() * 40
                var items: [JSONValue] = []
                var clock = start
                for turn in 0..<turns {
                    let userText = turn == 0 ? template.user : (template.language == "pt" ? "ok, obrigado" : "ok, thanks")
                    items.append(["role": "user", "content": .string(userText), "timestamp": .string(RFC3339.format(clock))])
                    clock = clock.addingTimeInterval(turn == 0 ? firstResponse : 5 + random.unit() * 60)
                    items.append(["role": "assistant", "content": .string(template.reply), "timestamp": .string(RFC3339.format(clock))])
                    clock = clock.addingTimeInterval(10 + random.unit() * 120)
                }
                let duration = clock.timeIntervalSince(start)
                let completed = random.unit() < 0.78
                let analysis: JSONValue = [
                    "sentiment": .string(template.sentiment), "sentiment_score": .number(template.score),
                    "intent": .string(template.intent), "confidence": .number(0.6 + random.unit() * 0.4),
                    "topics": .array(template.topics.map(JSONValue.string)), "language": .string(template.language),
                ]
                let meta: JSONValue = [
                    "message_count": .integer(Int64(items.count)), "duration_s": .number((duration * 10).rounded() / 10),
                    "first_response_time_s": .number((firstResponse * 10).rounded() / 10),
                    "avg_response_time_s": .number((firstResponse * 8).rounded() / 10),
                    "completion_status": .string(completed ? "completed" : "abandoned"), "source": "seed",
                ]
                ids.append("seed-\(runID)-\(written + index)")
                sessions.append("seed-session-\(runID)-\(written + index)")
                userIDs.append(userID)
                platforms.append(platform)
                channels.append(platform == "whatsapp" ? "106540352242922" : "")
                messages.append(JSONValue.array(items).jsonText)
                analyses.append(analysis.jsonText)
                metadata.append(meta.jsonText)
                starts.append(start)
                created.append(clock)
                if profileUsers.insert(user).inserted {
                    profiles.append(userID)
                    names.append("Cliente \(user)")
                }
            }
            try await postgres.withTransaction(logger: logger) { connection in
                try await connection.query(
                    """
                    INSERT INTO conversations (conversation_id, session_id, user_id, platform, channel_id, messages, intent_analysis, metadata, started_at, created_at)
                    SELECT c, s, u, p, NULLIF(ch, ''), m::jsonb, a::jsonb, md::jsonb, st, cr
                    FROM unnest(\(ids)::text[], \(sessions)::text[], \(userIDs)::text[], \(platforms)::text[], \(channels)::text[],
                                \(messages)::text[], \(analyses)::text[], \(metadata)::text[], \(starts)::timestamptz[], \(created)::timestamptz[])
                         AS t(c, s, u, p, ch, m, a, md, st, cr)
                    """,
                    logger: logger
                )
                try await connection.query(
                    """
                    INSERT INTO user_profiles (user_id, name)
                    SELECT DISTINCT ON (u) u, n FROM unnest(\(profiles)::text[], \(names)::text[]) AS t(u, n)
                    ON CONFLICT (user_id) DO NOTHING
                    """,
                    logger: logger
                )
            }
            written += count
            progress?(written)
        }
        return written
    }
}
