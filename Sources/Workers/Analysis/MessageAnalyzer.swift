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
/// abbreviations, then sentiment, intent and topics. Pure Swift, no I/O; words are numbers
/// into the shared `Vocabulary` after one lookup each.
public enum MessageAnalyzer {
    public static func analyze(_ text: String) -> MessageAnalysis {
        analyze(text, englishModel: IntentModel.shared, portugueseModel: IntentModel.sharedPortuguese)
    }

    /// A greeting or a thanks: courtesy around whatever else a message says.
    static func isCourtesy(_ intent: String) -> Bool { intent == "greeting" || intent == "thanks" }

    /// With explicit intent models, English and Portuguese (training and cross-validation
    /// pass their own).
    public static func analyze(_ text: String, englishModel: IntentModel?, portugueseModel: IntentModel? = nil) -> MessageAnalysis {
        var normalized = TextNormalizer.normalize(text)
        let language = LanguageDetector.detect(normalized)
        let (words, score, questions) = read(&normalized, language: language)
        var (intent, confidence, cued) = IntentClassifier.classify(words, sentiment: score, questions: questions)
        var modelDecided = false
        // A post with hashtags, addressed to no one and with no cue, speaks to followers ("que
        // final! #MasterChefBR", "que programa chato #Domingao"), not to a business: it asks
        // for nothing, and its gripes are no complaint to anyone. "@united where is my bag?
        // #lost" is addressed. The model is not asked.
        let post = normalized.hashtags > 0 && !normalized.addressed && !cued
        // The trained model of the message's language decides when it is confident; the rules
        // otherwise.
        if !post, let model = language == "en" ? englishModel : language == "pt" ? portugueseModel : nil, !words.isEmpty {
            var (best, probability) = model.best(IntentModel.features(words, in: normalized, asks: questions > 0))
            // Greetings before a request do not make it a greeting ("oi, boa tarde! vocês abrem
            // domingo?"): the model reads what follows them, when that is three words or more
            // ("oi, boa tarde! tudo certo?"), and takes it unless it is chat ("olá! espero que
            // estejam bem 😊", "bom dia, com quem eu falo?" stay greetings).
            if model.labels[best] == "greeting" {
                let start = Vocabulary.shared.afterGreetings(words)
                if start > 0 && words.count - start >= 3 {
                    let after = Array(words[start...])
                    let asks = questions > 0 || language == "pt" && Vocabulary.shared.asksPT(after)
                    let rest = model.best(IntentModel.features(after, in: normalized, asks: asks))
                    if model.labels[rest.label] != "other" { (best, probability) = rest }
                }
            }
            // A complaint the rules found (complaint cues, or strong negativity without other
            // cues) stands: the model was trained on requests, not on angry posts.
            // So does chat that a cue phrase marks as not for the business ("do you like
            // pizza?", "tell me a joke"). Otherwise the model wins when the rules found
            // nothing, are unsure, or it is sure.
            if probability >= IntentModel.trustAbove,
                // The Portuguese model learnt from chat written for the project alone; where no
                // cue fired (reviews, tweets, chatter) it must be sure.
                language == "en" || cued || probability >= IntentModel.portugueseWithoutCue,
                intent != "complaint" || (model.labels[best] == "cancellation" && probability >= 0.7),
                // Nor does a cancellation the rules found turn into chat ("stop sending me
                // messages") or into the purchase it names ("I'd like to back out of the
                // purchase").
                !(cued && intent == "cancellation" && (model.labels[best] == "other" || model.labels[best] == "purchase")),
                // A cancellation denied or one that befell asks for none ("não quero cancelar,
                // só pausar", "meu voo foi cancelado").
                model.labels[best] != "cancellation" || !IntentClassifier.cancellationOnlyDenied(words),
                // Praise is no complaint ("nothing to complain about, great crew"), nor, with no
                // cue, a request for help ("loving the new app design").
                model.labels[best] != "complaint" || score < SentimentAnalyzer.positiveThreshold,
                cued || model.labels[best] != "support" || score < SentimentAnalyzer.positiveThreshold,
                // Wanting to know a price is no purchase ("I'd like to know the price of the family plan").
                !(cued && intent == "information" && model.labels[best] == "purchase" && Vocabulary.shared.wantsToKnow(words)),
                // A neutral question about the business's own facts that the rules read clearly
                // (0.78: a cue phrase of two words or more, or several cues) is no chatter ("que
                // horas abre amanhã", "what time do you close today").
                !(cued && intent == "information" && confidence >= 0.78 && model.labels[best] == "other"
                    && score > IntentClassifier.complaintBelow && score < SentimentAnalyzer.positiveThreshold),
                intent == "other" ? !cued : confidence < 0.6 || probability >= max(0.8, confidence),
                // A greeting or thanks around a clear request does not replace it ("oi, tudo
                // bem? queria saber se…", "I need to cancel Friday's appointment. Thank you");
                // "thanks for the help" is still thanks (the rules' "help" is unsure).
                !(cued && confidence >= 0.7 && !isCourtesy(intent) && isCourtesy(model.labels[best]))
            {
                cued = cued && model.labels[best] == intent
                modelDecided = true
                intent = model.labels[best]
                confidence = probability
            }
        }
        if post {
            intent = "other"
            confidence = 0.5
        }
        // A message to a business that asks for nothing yet reads negative is a complaint
        // ("an hour at the carousel and still no luggage??", "parei, não compro mais"); so
        // is thanks or a greeting around trouble ("thanks for nothing", "thank you for
        // ruining my trip"). Chat the rules recognise as not for the business stays other
        // ("tell me a joke", "never mind").
        // So is a question that asks for nothing the rules or the model know ("an hour at the
        // carousel and still no luggage??").
        let courtesy = isCourtesy(intent)
        let unanswered = intent == "other" || intent == "information" && !modelDecided
        if unanswered && !cued && !post && score <= IntentClassifier.complaintBelow || courtesy && score <= IntentClassifier.courtesyComplaintBelow {
            intent = "complaint"
            confidence = min(0.9, 0.4 + abs(score) / 2)
        }
        return MessageAnalysis(
            sentiment: SentimentAnalyzer.label(score, language: language),
            sentimentScore: (score * 1000).rounded() / 1000,
            intent: intent,
            confidence: (confidence * 1000).rounded() / 1000,
            language: language,
            topics: TopicExtractor.topics(words)
        )
    }

    /// The intent model's features of `text` read in `language` (training), as `analyze`
    /// reads them.
    public static func intentFeatures(_ text: String, language: String = "en") -> [Int] {
        var normalized = TextNormalizer.normalize(text)
        let (words, _, questions) = read(&normalized, language: language)
        return IntentModel.features(words, in: normalized, asks: questions > 0)
    }

    /// What the rules and the model read of a message in `language`: its words (`expand`), its
    /// sentiment score, and its questions. A short Portuguese question often leaves its mark
    /// out ("até que horas funciona hoje", "qual o melhor plano pra mim") and counts as one;
    /// praise so opened exclaims ("como eu gosto desse programa").
    static func read(_ text: inout NormalizedText, language: String) -> (words: [Token], score: Double, questions: Int) {
        let empty = text.tokens.isEmpty
        let words = expand(&text, language: language)
        let score = empty && text.emojiCount == 0 ? 0 : SentimentAnalyzer.score(words, text, language: language)
        let questions = text.questions == 0 && language == "pt" && score < SentimentAnalyzer.positiveThreshold
            && Vocabulary.shared.asksPT(words) ? 1 : text.questions
        return (words, score, questions)
    }

    /// The words the rules and the model read: `expandAbbreviations`, then for Portuguese
    /// `restoreContrast`.
    static func expand(_ text: inout NormalizedText, language: String) -> [Token] {
        var words = expandAbbreviations(&text, language: language)
        if language == "pt" { restoreContrast(&words) }
        return words
    }

    /// A clause opening with "mais" misspelt for "mas" reads as the contrast it is ("bom
    /// produto, mais fiquem atentos às cores"; `Lexicon.afterMisspeltContrast`), and so does
    /// one right after a word of praise or criticism, before an article ("ótima qualidade mais
    /// as câmeras são horríveis"; "cada vez mais o preço sobe" keeps "mais"). A later clause
    /// opening with "já" and an article contrasts too.
    static func restoreContrast(_ words: inout [Token]) {
        let v = Vocabulary.shared
        for i in words.indices where words[i].id == v.mais && i + 1 < words.count && !words[i + 1].clauseStart {
            let next = words[i + 1].id
            if i == 0 || words[i].clauseStart {
                guard v.afterMisspeltContrast.contains(next) else { continue }
            } else {
                let before = words[i - 1].id
                let valence = before >= 0 ? v.valencePT[Int(before)] : .nan
                guard v.articles.contains(next), !valence.isNaN, valence != 0 else { continue }
            }
            words[i].id = v.mas
        }
        // "o atendimento foi ótimo, já o produto deixou a desejar".
        for i in words.indices.dropFirst() where words[i].id == v.ja && words[i].clauseStart && i + 1 < words.count
            && !words[i + 1].clauseStart && v.articles.contains(words[i + 1].id)
        {
            words[i].id = v.mas
        }
    }

    /// The tokens with the language's chat abbreviations expanded ("vc" -> "voce"); for
    /// Portuguese, stretched words lose their doubled letters first. Rewritten and added
    /// words keep their bytes in `text`.
    static func expandAbbreviations(_ text: inout NormalizedText, language: String) -> [Token] {
        let v = Vocabulary.shared
        let english = language == "en"
        guard english || language == "pt" else { return text.tokens }
        // Most messages have nothing to rewrite: their tokens are the words, with no copy.
        let expands = english ? Vocabulary.Starts.expansionEN : Vocabulary.Starts.expansionPT
        guard text.anyElongated && !english || text.wordStarts & expands != 0 else { return text.tokens }
        var out: [Token] = []
        out.reserveCapacity(text.tokens.count + 2)
        for var token in text.tokens {
            // Stretched words: Portuguese rarely doubles letters other than r and s
            // ("obrigadoooo" -> "obrigado"); English keeps its doubles ("goooood" -> "good").
            // A word known only with its double stays so ("afff" -> "aff", not "af").
            if token.elongated && !english {
                let start = Int(token.start)
                var single: [UInt8] = []
                single.reserveCapacity(Int(token.length))
                for read in start..<(start + Int(token.length)) {
                    let b = text.bytes[read]
                    if b == single.last && b != 0x72 && b != 0x73 && b < 0x80 { continue }
                    single.append(b)
                }
                let id = single.withUnsafeBufferPointer { v.lookup($0) }
                if id >= 0 || token.id < 0 {
                    text.bytes.replaceSubrange(start..<(start + single.count), with: single)
                    token.length = Int32(single.count)
                    token.id = id
                }
            }
            if v.starts(token.id, expands) {
                let first = out.count
                for word in english ? v.expansionEN[Int(token.id)] : v.expansionPT[Int(token.id)] {
                    out.append(text.append(word: word, vocabulary: v, elongated: token.elongated, shouted: token.shouted))
                }
                if token.clauseStart && out.count > first { out[first].clauseStart = true }
            } else {
                out.append(token)
            }
        }
        return out
    }
}
