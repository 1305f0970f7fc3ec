/// One word of a message after normalisation.
public struct Token: Sendable, Hashable {
    /// Lower case, accents removed, letter runs of three or more cut to two.
    public var text: String
    /// The word had a letter repeated three or more times ("muitoooo").
    public var elongated: Bool
    /// The word was written in capitals (and is longer than one letter).
    public var shouted: Bool
}

/// A message reduced to what the analyzers read.
public struct NormalizedText: Sendable {
    public var tokens: [Token]
    public var exclamations: Int
    public var questions: Int
    /// Sum of the valences of the emoji in the message.
    public var emojiValence: Double
    public var emojiCount: Int
    /// An eye-roll or similar cue that turns praise into sarcasm.
    public var sarcasmCue: Bool
    /// kkkk, rsrs, haha, lol …
    public var laughter: Bool
    /// Characters only Portuguese (ã õ ç) or Spanish (ñ ¿ ¡) use.
    public var portugueseMarks: Int
    public var spanishMarks: Int
    /// Most letters were capitals (shouting the whole message).
    public var mostlyCapitals: Bool
}

/// Normalises chat text: case, accents, repeated letters, laughter, emoji, URLs, @handles and
/// hashtags. Pure and allocation-light: one pass over the Unicode scalars.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> NormalizedText {
        var result = NormalizedText(
            tokens: [], exclamations: 0, questions: 0, emojiValence: 0, emojiCount: 0, sarcasmCue: false, laughter: false,
            portugueseMarks: 0, spanishMarks: 0, mostlyCapitals: false
        )
        var upper = 0
        var lower = 0
        for chunk in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            if chunk.hasPrefix("http://") || chunk.hasPrefix("https://") || chunk.hasPrefix("www.") || chunk.hasPrefix("@") {
                continue
            }
            var word = String.UnicodeScalarView()
            var wordUpper = 0
            var wordLetters = 0
            func flush() {
                if !word.isEmpty {
                    appendWord(String(word), shouted: wordLetters > 1 && wordUpper == wordLetters, into: &result)
                }
                word = String.UnicodeScalarView()
                wordUpper = 0
                wordLetters = 0
            }
            for scalar in chunk.unicodeScalars {
                let value = scalar.value
                if value < 0x80 {
                    switch value {
                    case 0x41...0x5A:  // A-Z
                        word.append(Unicode.Scalar(value + 32)!)
                        wordUpper += 1
                        wordLetters += 1
                        upper += 1
                    case 0x61...0x7A, 0x30...0x39:
                        word.append(scalar)
                        if value >= 0x61 {
                            wordLetters += 1
                            lower += 1
                        }
                    case 0x27:  // apostrophe inside English words
                        if !word.isEmpty { word.append(scalar) }
                    case 0x21:
                        result.exclamations += 1
                        flush()
                    case 0x3F:
                        result.questions += 1
                        flush()
                    default:
                        flush()
                    }
                } else if let folded = Self.fold[value] {
                    word.append(folded.scalar)
                    wordLetters += 1
                    if folded.upper {
                        wordUpper += 1
                        upper += 1
                    } else {
                        lower += 1
                    }
                    if folded.portuguese { result.portugueseMarks += 1 }
                    if folded.spanish { result.spanishMarks += 1 }
                } else if value == 0x2019 {
                    if !word.isEmpty { word.append("'") }
                } else if value == 0xBF || value == 0xA1 {
                    result.spanishMarks += 1
                    flush()
                } else if let valence = Lexicon.emoji[value] {
                    flush()
                    result.emojiValence += valence
                    result.emojiCount += 1
                    if value == 0x1F644 || value == 0x1F612 { result.sarcasmCue = true }
                } else if scalar.properties.isAlphabetic {
                    word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                    wordLetters += 1
                    lower += 1
                } else {
                    flush()
                }
            }
            flush()
        }
        result.mostlyCapitals = upper >= 6 && upper > 2 * lower
        return result
    }

    private static func appendWord(_ raw: String, shouted: Bool, into result: inout NormalizedText) {
        var text = raw
        if text.hasSuffix("'") { text.removeLast() }
        guard !text.isEmpty else { return }
        if isLaughter(text) {
            result.laughter = true
            result.tokens.append(Token(text: "<laugh>", elongated: false, shouted: false))
            return
        }
        // Letter runs of three or more become two ("muitoooo" -> "muitoo", "goood" -> "good").
        var collapsed = String.UnicodeScalarView()
        var elongated = false
        var last: Unicode.Scalar?
        var run = 0
        for scalar in text.unicodeScalars {
            if scalar == last {
                run += 1
                if run >= 3 {
                    elongated = true
                    continue
                }
            } else {
                last = scalar
                run = 1
            }
            collapsed.append(scalar)
        }
        result.tokens.append(Token(text: String(collapsed), elongated: elongated, shouted: shouted))
    }

    /// kkk…, rsrs…, haha…, hehe…, lol, lmao, huehue.
    static func isLaughter(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        if scalars.count >= 3 && scalars.allSatisfy({ $0 == "k" }) { return true }
        if ["lol", "lmao", "lmfao", "rofl", "kkk"].contains(word) { return true }
        for unit in ["rs", "ha", "he", "hi", "hue", "ja"] where scalars.count >= unit.count * 2 && scalars.count % unit.count == 0 {
            let u = Array(unit.unicodeScalars)
            if scalars.indices.allSatisfy({ scalars[$0] == u[$0 % u.count] }) { return true }
        }
        return false
    }

    struct Folded {
        let scalar: Unicode.Scalar
        let upper: Bool
        let portuguese: Bool
        let spanish: Bool
    }

    /// Latin letters with diacritics, folded to ASCII.
    static let fold: [UInt32: Folded] = {
        var table: [UInt32: Folded] = [:]
        let groups: [(String, Character, Bool, Bool)] = [
            ("áàâäå", "a", false, false), ("ã", "a", true, false), ("éèêë", "e", false, false), ("íìîï", "i", false, false),
            ("óòôö", "o", false, false), ("õ", "o", true, false), ("úùûü", "u", false, false), ("ç", "c", true, false),
            ("ñ", "n", false, true), ("ý", "y", false, false),
        ]
        for (letters, base, pt, es) in groups {
            let target = base.unicodeScalars.first!
            for letter in letters.unicodeScalars {
                table[letter.value] = Folded(scalar: target, upper: false, portuguese: pt, spanish: es)
                for upperScalar in String(letter).uppercased().unicodeScalars {
                    table[upperScalar.value] = Folded(scalar: target, upper: true, portuguese: pt, spanish: es)
                }
            }
        }
        return table
    }()
}
