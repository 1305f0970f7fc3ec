/// Sentiment from valence lexicons with rules: negation (a window of three words, "não é
/// ruim", "nada bom", "not bad at all"), intensifiers and diminishers, contrast ("bom mas a
/// entrega foi péssima": what follows "mas" weighs more), capitals and repeated letters,
/// exclamation marks, emoji, laughter, and cheap sarcasm cues ("ótimo, mais um atraso 🙄").
/// The score is squashed into −1…1.
public enum SentimentAnalyzer {
    /// Scores at or beyond these are positive / negative.
    public static let positiveThreshold = 0.05
    public static let negativeThreshold = -0.05

    public static func score(_ words: [Token], _ text: NormalizedText, language: String, lexicon: Lexicon = .shared) -> Double {
        let table = lexicon.valence[language] ?? lexicon.valence["pt"] ?? [:]
        let other = lexicon.valence[language == "en" ? "pt" : "en"] ?? [:]
        var contrastAt: Int?
        for (i, t) in words.enumerated() where Lexicon.contrast.contains(t.text) { contrastAt = i }

        var total = 0.0
        var positives = 0
        var negatives = 0
        var i = 0
        while i < words.count {
            let word = words[i].text
            var valence = 0.0
            var span = 1
            if i + 1 < words.count {
                let pair = word + " " + words[i + 1].text
                if let v = Lexicon.phrases[pair] {
                    valence = v
                    span = 2
                } else if i + 2 < words.count, let v = Lexicon.phrases[word + " " + words[i + 2].text], ["a", "o", "de", "da", "do"].contains(words[i + 1].text) {
                    valence = v
                    span = 3
                }
            }
            if valence == 0 {
                valence = table[word] ?? other[word] ?? 0
                if valence == 0, words[i].elongated {
                    let single = MessageAnalyzer.singleLetters(word, keepingDoubles: [])
                    if single != word { valence = table[single] ?? 0 }
                }
            }
            if valence != 0 {
                // Intensifiers and diminishers just before.
                for back in 1...2 where i - back >= 0 {
                    if let boost = Lexicon.intensifiers[words[i - back].text] {
                        valence += valence > 0 ? boost * 2 : -boost * 2
                        break
                    }
                }
                if words[i].shouted && !text.mostlyCapitals { valence *= 1.25 }
                if words[i].elongated { valence *= 1.15 }
                // Negation within three words before, unless a contrast word sits between.
                if span == 1 || Lexicon.phrases[word + " " + words[i + 1].text] == nil || !Lexicon.negations.contains(word) {
                    var negated = false
                    for back in 1...3 where i - back >= 0 {
                        let w = words[i - back].text
                        if Lexicon.contrast.contains(w) { break }
                        if Lexicon.negations.contains(w) {
                            negated = true
                            break
                        }
                    }
                    if negated && !(word == "nada" || word == "nunca") {
                        valence *= valence > 0 ? -0.74 : -0.5
                    }
                }
                if let c = contrastAt {
                    valence *= i < c ? 0.5 : 1.5
                }
                if valence > 0 { positives += 1 } else { negatives += 1 }
                total += valence
            }
            i += span
        }
        // "not bad at all" / "nada mal": the negated negative reads as praise.
        total += text.emojiValence
        if text.laughter { total += total < -1 ? 0 : 0.6 }
        if text.mostlyCapitals && total < 0 { total *= 1.3 }
        if total != 0 {
            let emphasis = 0.292 * Double(min(text.exclamations, 4))
            total += total > 0 ? emphasis : -emphasis
        }
        // Sarcasm: praise next to an eye-roll, "sqn", or praise around a complaint word.
        let sarcastic = text.sarcasmCue || words.contains { $0.text == "<sarcasm>" }
        if sarcastic && total > -0.5 {
            total = -max(1.5, abs(total))
        } else if positives > 0 && negatives > 0 && words.contains(where: { $0.text == "mais" }) && words.contains(where: { ["atraso", "problema", "erro", "vez"].contains($0.text) }) {
            total = min(total, -1.5)
        }
        return total / (total * total + 15).squareRoot()
    }

    public static func label(_ score: Double) -> String {
        score >= positiveThreshold ? "positive" : score <= negativeThreshold ? "negative" : "neutral"
    }
}
