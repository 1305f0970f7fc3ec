/// The analysis of one message (API.md: `sentiment`, `sentiment_score`, `intent`,
/// `confidence`, `language`, `topics`).
public struct MessageAnalysis: Sendable, Hashable, Codable {
    public var sentiment: String
    public var sentimentScore: Double
    public var intent: String
    public var confidence: Double
    public var language: String
    public var topics: [String]
}

/// Analyses messages: normalise, detect the language, expand that language's chat
/// abbreviations, then sentiment, intent and topics. Pure Swift, no I/O.
public enum MessageAnalyzer {
    public static func analyze(_ text: String) -> MessageAnalysis {
        analyze(text, intentModel: IntentModel.shared)
    }

    /// With an explicit intent model (training and cross-validation pass their own).
    public static func analyze(_ text: String, intentModel: IntentModel?) -> MessageAnalysis {
        let normalized = TextNormalizer.normalize(text)
        let language = LanguageDetector.detect(normalized)
        let words = expand(normalized.tokens, language: language)
        let score = normalized.tokens.isEmpty && normalized.emojiCount == 0 ? 0 : SentimentAnalyzer.score(words, normalized, language: language)
        let plain = words.map(\.text)
        var (intent, confidence) = IntentClassifier.classify(plain, sentiment: score, questions: normalized.questions)
        // English: the trained model decides when it is confident; the rules otherwise.
        if language == "en", let model = intentModel, !plain.isEmpty {
            let p = model.probabilities(IntentModel.features(plain))
            // A complaint the rules found (complaint cues, or strong negativity without other
            // cues) stands: the model was trained on requests, not on angry posts.
            // Otherwise the model wins when the rules found nothing, are unsure, or it is sure.
            if let best = p.indices.max(by: { p[$0] < p[$1] }), p[best] >= IntentModel.trustAbove,
                intent != "complaint" || (model.labels[best] == "cancellation" && p[best] >= 0.7),
                intent == "other" || confidence < 0.6 || p[best] >= 0.8
            {
                intent = model.labels[best]
                confidence = p[best]
            }
        }
        return MessageAnalysis(
            sentiment: SentimentAnalyzer.label(score),
            sentimentScore: (score * 1000).rounded() / 1000,
            intent: intent,
            confidence: (confidence * 1000).rounded() / 1000,
            language: language,
            topics: TopicExtractor.topics(plain)
        )
    }

    static func expand(_ tokens: [Token], language: String) -> [Token] {
        guard let table = Lexicon.abbreviations[language] else { return tokens }
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        for var token in tokens {
            // Stretched words: Portuguese rarely doubles letters other than r and s
            // ("obrigadoooo" -> "obrigado"); English keeps its doubles ("goooood" -> "good").
            if token.elongated && language != "en" { token.text = singleLetters(token.text) }
            if let expansion = table[token.text] {
                for word in expansion { out.append(Token(text: word, elongated: token.elongated, shouted: token.shouted)) }
            } else {
                out.append(token)
            }
        }
        return out
    }

    /// Collapses runs of a letter to one, except letters in `keepingDoubles`.
    static func singleLetters(_ word: String, keepingDoubles: Set<Unicode.Scalar> = ["r", "s"]) -> String {
        var out = String.UnicodeScalarView()
        var last: Unicode.Scalar?
        for s in word.unicodeScalars {
            if s == last && !keepingDoubles.contains(s) { continue }
            out.append(s)
            last = s
        }
        return String(out)
    }
}
