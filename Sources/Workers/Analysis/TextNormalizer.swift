/// One word of a message after normalisation: its number in the vocabulary (-1 when the
/// analyzers do not know it) and where its bytes sit in its message's `NormalizedText.bytes`.
public struct Token: Sendable, Hashable {
    var id: Int32
    var start: Int32
    var length: Int32
    /// The word had a letter repeated three or more times ("muitoooo").
    public var elongated: Bool
    /// The word was written in capitals (and is longer than one letter).
    public var shouted: Bool
    /// What its spelling says of its language (`Spelling`), read when it was normalised.
    var spelling: UInt8 = 0
    /// Punctuation or a line break came before it: a negation before that does not reach it
    /// ("não, obrigado", "no, it's great").
    var clauseStart = false
}

/// Spelling cues of a word for language detection.
enum Spelling {
    static let apostrophe: UInt8 = 1
    /// -cao, -coes, -mente, -inho, -inha
    static let portugueseSuffix: UInt8 = 2
    /// -ing, -tion, -ly, -ed, -est (no Portuguese word ends so)
    static let englishSuffix: UInt8 = 4
    /// -cion
    static let spanishSuffix: UInt8 = 8
    /// -ado (Spanish when Spanish leads already)
    static let ado: UInt8 = 16

    static func of(_ word: UnsafeBufferPointer<UInt8>) -> UInt8 {
        guard let last = word.last else { return 0 }
        var flags: UInt8 = word.contains(0x27) ? apostrophe : 0
        // Suffixes, by their last letter.
        switch last {
        case 0x6F:  // o
            if word.hasSuffix("cao") || word.hasSuffix("inho") { flags |= portugueseSuffix }
            if word.hasSuffix("ado") { flags |= ado }
        case 0x73: if word.hasSuffix("coes") { flags |= portugueseSuffix }
        case 0x65: if word.hasSuffix("mente") { flags |= portugueseSuffix }
        case 0x61: if word.hasSuffix("inha") { flags |= portugueseSuffix }
        case 0x67: if word.hasSuffix("ing") { flags |= englishSuffix }
        case 0x6E:
            if word.hasSuffix("tion") { flags |= englishSuffix }
            if word.hasSuffix("cion") { flags |= spanishSuffix }
        case 0x79: if word.hasSuffix("ly") { flags |= englishSuffix }
        case 0x64: if word.count >= 4 && word.hasSuffix("ed") { flags |= englishSuffix }
        case 0x74: if word.count >= 5 && word.hasSuffix("est") { flags |= englishSuffix }
        default: break
        }
        return flags
    }
}

/// A message reduced to what the analyzers read.
public struct NormalizedText: Sendable {
    /// The words' bytes: lower case, accents removed, letter runs of three or more cut to two.
    var bytes: [UInt8] = []
    public var tokens: [Token] = []
    public var exclamations = 0
    /// Words written as hashtags ("#MasterChefBR"): a post to followers, not a message to a
    /// business.
    public var hashtags = 0
    /// The message opens with an @handle: it is addressed to someone ("@united where is my bag").
    public var addressed = false
    public var questions = 0
    /// Sum of the valences of the emoji in the message.
    public var emojiValence = 0.0
    public var emojiCount = 0
    /// An eye-roll or similar cue that turns praise into sarcasm.
    public var sarcasmCue = false
    /// Clapping hands: applause, or sarcasm when they are the only emoji and praise sits
    /// next to criticism ("parabéns pela organização, chegou fria e faltando o refri 👏👏").
    public var claps = 0
    /// kkkk, rsrs, haha, lol …
    public var laughter = false
    /// lol, lmao, rofl: laughter only English writes.
    public var englishLaughter = false
    /// Characters only Portuguese (ã õ ç) or Spanish (ñ ¿ ¡) use.
    public var portugueseMarks = 0
    public var spanishMarks = 0
    /// Most letters were capitals (shouting the whole message).
    public var mostlyCapitals = false
    /// The `Vocabulary.Starts` bits of every token's word, together, and whether any token
    /// was stretched: most messages have nothing for `MessageAnalyzer.expandAbbreviations` to
    /// rewrite, and these tell so without a pass over the tokens.
    var wordStarts: UInt8 = 0
    var anyElongated = false

    /// The bytes of a token.
    @inline(__always)
    func withWord<R>(_ token: Token, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(token.start)..<Int(token.start + token.length)])) }
    }

    /// Adds a known word's token (its bytes copied from the vocabulary).
    mutating func append(word id: Int32, vocabulary: Vocabulary, elongated: Bool = false, shouted: Bool = false) -> Token {
        let start = bytes.count
        bytes.append(contentsOf: vocabulary.bytes(id))
        return Token(id: id, start: Int32(start), length: Int32(bytes.count - start), elongated: elongated, shouted: shouted)
    }

    public func text(_ token: Token) -> String { withWord(token) { String(decoding: $0, as: UTF8.self) } }

    /// The words as text (for tests and training).
    public var words: [String] { tokens.map(text) }
}

/// Normalises chat text: case, accents, repeated letters, laughter, emoji, URLs, @handles and
/// hashtags, in one pass over the UTF-8 bytes; each word is looked up in the vocabulary once.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> NormalizedText {
        var text = text
        return text.withUTF8 { normalize(utf8: $0) }
    }

    static func isSeparator(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = s[i]
        // A "\r\n" pair is one character, not a line break of its own.
        return b == 0x20 || b == 0x09 || (b == 0x0A && !(i > 0 && s[i - 1] == 0x0D))
    }

    static func hasPrefix(_ s: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard end - from >= count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where s[from + k] != p[k] { return false }
        return true
    }

    static func normalize(utf8 s: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        var normalized = NormalizedText()
        let vocabulary = Vocabulary.shared
        // Words never grow but through a letter's lower-case mapping (three bytes at most
        // per scalar of two or more), and the laughter token.
        let bytes = [UInt8](unsafeUninitializedCapacity: s.count * 2 + 16) { o, written in
            // Filled here and moved out once: captured state would be checked for
            // exclusive access at every use.
            var result = NormalizedText()
            result.tokens.reserveCapacity(s.count / 5 + 2)
            var p = 0
            var upper = 0
            var lower = 0
            let n = s.count
            var wordStart = p
            var wordUpper = 0
            var wordLetters = 0
            var wordASCII = true
            var clauseBreak = false
            func flush() {
                if p > wordStart {
                    finishWord(
                        o, from: wordStart, to: &p, ascii: wordASCII, shouted: wordLetters > 1 && wordUpper == wordLetters,
                        clauseStart: &clauseBreak, into: &result, vocabulary: vocabulary)
                }
                wordStart = p
                wordUpper = 0
                wordLetters = 0
                wordASCII = true
            }
            /// An apostrophe inside a word ("it's", "it\u2019s", "it’s"); one before any letter
            /// is dropped.
            func apostrophe() {
                if p > wordStart {
                    o[p] = 0x27
                    p += 1
                }
            }
            /// Writes a Latin letter that folds to ASCII ("é" -> "e", "Ç" -> "c"); false for
            /// any other scalar.
            func folded(_ value: UInt32) -> Bool {
                guard value >= foldBase && value < foldBase + UInt32(fold.count) else { return false }
                let entry = fold[Int(value - foldBase)]
                guard entry != 0 else { return false }
                o[p] = UInt8(entry & 0x7F)
                p += 1
                wordLetters += 1
                if entry & foldUpper != 0 {
                    wordUpper += 1
                    upper += 1
                } else {
                    lower += 1
                }
                if entry & foldPortuguese != 0 { result.portugueseMarks += 1 }
                if entry & foldSpanish != 0 { result.spanishMarks += 1 }
                return true
            }
            // One pass: separators end a chunk (and its word); a chunk that is a URL or a
            // @handle is skipped whole.
            var chunkStart = true
            var k = 0
            while k < n && isSeparator(s, k) { k += 1 }
            let firstChunk = k
            while k < n {
                let b = s[k]
                if chunkStart {
                    if isSeparator(s, k) {
                        k += 1
                        continue
                    }
                    chunkStart = false
                    if b == 0x23 {
                        result.hashtags += 1
                    } else if b == 0x40 && k == firstChunk {
                        result.addressed = true
                    }
                    if b == 0x40 || hasPrefix(s, k, n, "http://") || hasPrefix(s, k, n, "https://") || hasPrefix(s, k, n, "www.") {
                        k += 1
                        while k < n && !isSeparator(s, k) { k += 1 }
                        chunkStart = true
                        continue
                    }
                }
                if b < 0x80 {
                    k += 1
                    switch b {
                    case 0x41...0x5A:  // A-Z
                        o[p] = b + 32
                        p += 1
                        wordUpper += 1
                        wordLetters += 1
                        upper += 1
                    case 0x61...0x7A:
                        o[p] = b
                        p += 1
                        wordLetters += 1
                        lower += 1
                    case 0x30...0x39:
                        o[p] = b
                        p += 1
                    case 0x27:  // apostrophe inside English words
                        apostrophe()
                    case 0x20, 0x09:
                        flush()
                        chunkStart = true
                    case 0x0A:
                        flush()
                        clauseBreak = true
                        // A "\r\n" pair is one character, not a line break of its own.
                        if !(k >= 2 && s[k - 2] == 0x0D) { chunkStart = true }
                    case 0x21:
                        result.exclamations += 1
                        flush()
                        clauseBreak = true
                    case 0x3F:
                        result.questions += 1
                        flush()
                        clauseBreak = true
                    case 0x2C, 0x2E:  // , .
                        flush()
                        clauseBreak = true
                    case 0x5C:  // "\u2019", "\u002c", "caf\u00e9": escapes that some exports leave in the text
                        let value = escapedScalar(s, at: k)
                        if value == 0x2019 || value == 0x27 {
                            apostrophe()
                        } else if let value, folded(value) {
                            // A letter inside the word ("caf\u00e9" is "cafe").
                        } else {
                            flush()
                            if value == 0x2C || value == 0x2E { clauseBreak = true }
                        }
                        if value != nil { k += 5 }
                    case 0x3A, 0x3B, 0x3D, 0x3C:  // ":" ";" "=" "<" may start an emoticon
                        flush()
                        if b != 0x3D && b != 0x3C { clauseBreak = true }
                        let (valence, length) = emoticon(s, at: k - 1)
                        if length > 0 {
                            result.emojiValence += valence
                            result.emojiCount += 1
                            k += length - 1
                        }
                    default:
                        flush()
                    }
                    continue
                }
                // One multi-byte scalar (the string is valid UTF-8).
                let value: UInt32
                if b < 0xE0 {
                    value = UInt32(b & 0x1F) << 6 | UInt32(s[k + 1] & 0x3F)
                    k += 2
                } else if b < 0xF0 {
                    value = UInt32(b & 0x0F) << 12 | UInt32(s[k + 1] & 0x3F) << 6 | UInt32(s[k + 2] & 0x3F)
                    k += 3
                } else {
                    value = UInt32(b & 0x07) << 18 | UInt32(s[k + 1] & 0x3F) << 12 | UInt32(s[k + 2] & 0x3F) << 6 | UInt32(s[k + 3] & 0x3F)
                    k += 4
                }
                if folded(value) {
                    // Written as its ASCII letter.
                } else if value == 0x2019 {
                    apostrophe()
                } else if value == 0xBF || value == 0xA1 {
                    result.spanishMarks += 1
                    flush()
                } else if let valence = Lexicon.emoji[value] {
                    flush()
                    result.emojiValence += valence
                    result.emojiCount += 1
                    if value == 0x1F644 || value == 0x1F612 || value == 0x1F643 { result.sarcasmCue = true }
                    if value == 0x1F44F { result.claps += 1 }
                } else if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic {
                    for byte in scalar.properties.lowercaseMapping.utf8 {
                        o[p] = byte
                        p += 1
                    }
                    wordLetters += 1
                    lower += 1
                    wordASCII = false
                } else {
                    flush()
                }
            }
            flush()
            result.mostlyCapitals = upper >= 6 && upper > 2 * lower
            written = p
            normalized = result
        }
        normalized.bytes = bytes
        return normalized
    }

    /// The word in `o[start..<p]`: a trailing apostrophe dropped, laughter made one token,
    /// letter runs of three or more cut to two ("muitoooo" -> "muitoo"), looked up.
    private static func finishWord(
        _ o: UnsafeMutableBufferPointer<UInt8>, from start: Int, to p: inout Int, ascii: Bool, shouted: Bool,
        clauseStart: inout Bool, into result: inout NormalizedText, vocabulary: Vocabulary
    ) {
        if o[p - 1] == 0x27 { p -= 1 }
        guard p > start else { return }
        // Laughter starts with k, l, r, h or j: other words skip the call (most of them).
        if ascii && (o[start] &- 0x61 < 26 && laughterStarts >> UInt32(o[start] &- 0x61) & 1 != 0)
            && isLaughter(UnsafeBufferPointer(rebasing: o[start..<p]))
        {
            result.laughter = true
            if o[start] == 0x6C || o[start + 1] == 0x6F { result.englishLaughter = true }  // l…, rofl
            let laugh = vocabulary.bytes(vocabulary.laugh)
            for (k, b) in laugh.enumerated() { o[start + k] = b }
            p = start + laugh.count
            result.tokens.append(
                Token(id: vocabulary.laugh, start: Int32(start), length: Int32(laugh.count), elongated: false, shouted: false, clauseStart: clauseStart))
            result.wordStarts |= vocabulary.starts[Int(vocabulary.laugh)]
            clauseStart = false
            return
        }
        var elongated = false
        var hash: UInt64?
        if ascii {
            // Runs cut while the word's hash is computed over what is kept.
            var h = Vocabulary.hashSeed
            var write = start
            var run = 0
            var last: UInt8 = 0
            for read in start..<p {
                let b = o[read]
                if b == last {
                    run += 1
                    if run >= 3 {
                        elongated = true
                        continue
                    }
                } else {
                    last = b
                    run = 1
                }
                o[write] = b
                write += 1
                h = Vocabulary.hash(h, b)
            }
            p = write
            hash = h
        } else {
            // Runs of whole scalars (letters outside the folded Latin ones).
            var collapsed = String.UnicodeScalarView()
            var last: Unicode.Scalar?
            var run = 0
            for scalar in String(decoding: UnsafeBufferPointer(rebasing: o[start..<p]), as: UTF8.self).unicodeScalars {
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
            p = start
            for b in String(collapsed).utf8 {
                o[p] = b
                p += 1
            }
        }
        var word = UnsafeBufferPointer(rebasing: o[start..<p])
        var id = vocabulary.lookup(word, hash: hash ?? Vocabulary.hash(word))
        // A doubled last vowel, or English "y", is chat stretching a known word ("bom diaa",
        // "oii", "valeuu", "heyy"); so is a longer run of any letter ("good morninggg"), but
        // not "mall" or "umm".
        if id < 0 && ascii && p - start >= 3 && o[p - 1] == o[p - 2]
            && (isVowel(o[p - 1]) || o[p - 1] == UInt8(ascii: "y") || elongated && isLetter(o[p - 1]))
        {
            let shorter = UnsafeBufferPointer(rebasing: o[start..<(p - 1)])
            let known = vocabulary.lookup(shorter)
            if known >= 0 {
                id = known
                p -= 1
                word = shorter
            }
        }
        // A known word's spelling cues were read once, with the vocabulary.
        let spelling = id >= 0 ? vocabulary.spellings[Int(id)] : Spelling.of(word)
        if id < 0 && ascii { id = vocabulary.correction(word) }
        if id >= 0 { result.wordStarts |= vocabulary.starts[Int(id)] }
        if elongated { result.anyElongated = true }
        result.tokens.append(
            Token(id: id, start: Int32(start), length: Int32(p - start), elongated: elongated, shouted: shouted, spelling: spelling, clauseStart: clauseStart))
        clauseStart = false
    }

    @inline(__always)
    static func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }

    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }

    /// The scalar of a "\uXXXX" escape whose "u" is at `i`, or nil.
    static func escapedScalar(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
        guard i + 4 < s.count, s[i] == 0x75 else { return nil }
        var value: UInt32 = 0
        for j in (i + 1)...(i + 4) {
            let b = s[j] | 0x20
            let digit: UInt8
            switch b {
            case 0x30...0x39: digit = b - 0x30
            case 0x61...0x66: digit = b - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// The valence and length of an ASCII emoticon starting at `i` (":)", ":-(", ":'(", ";)",
    /// "=D", ":P", ":/", "<3", "</3", ":)))"), or length 0. Letters ("D", "P") and "/" count
    /// only when no letter or "/" follows, so ":Pedro" and "http://" are not faces.
    static func emoticon(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> (Double, Int) {
        let n = s.count
        if s[i] == 0x3C {  // <3, and the broken heart </3
            if i + 1 < n && s[i + 1] == 0x33 { return (2.5, 2) }
            return i + 2 < n && s[i + 1] == 0x2F && s[i + 2] == 0x33 ? (-2, 3) : (0, 0)
        }
        var j = i + 1
        var tear = false
        if j < n && (s[j] == 0x2D || s[j] == 0x27) {  // nose or tear
            tear = s[j] == 0x27
            j += 1
        }
        guard j < n else { return (0, 0) }
        let mouth = s[j]
        var valence: Double
        switch mouth {
        case 0x29, 0x5D, 0x7D: valence = s[i] == 0x3B ? 1 : 1.5  // ) ] }
        case 0x44: valence = 2  // D
        case 0x50, 0x70: valence = 1  // P p
        case 0x2A: valence = 2  // *
        case 0x28, 0x5B, 0x7B: valence = tear ? -2 : -1.8  // ( [ {
        case 0x2F, 0x5C: valence = -1  // / \
        case 0x7C: valence = -0.5  // |
        default: return (0, 0)
        }
        if tear && valence > 0 { valence = 1 }  // tears of joy
        j += 1
        while j < n && s[j] == mouth { j += 1 }
        if j < n, mouth == 0x44 || mouth == 0x50 || mouth == 0x70 || mouth == 0x2F {
            let next = s[j] | 0x20
            if (next >= 0x61 && next <= 0x7A) || s[j] == 0x2F { return (0, 0) }
        }
        return (valence, j - i)
    }

    /// kkk…, rsrs…, haha…, hehe…, lol, lmao, huehue.
    public static func isLaughter(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { isLaughter($0) }
    }

    /// The first letters laughter can have (`isLaughter`), one bit each from "a": h, j, k,
    /// l, r. (A constant: it needs no one-time set-up at each read.)
    static let laughterStarts: UInt32 = 1 << 7 | 1 << 9 | 1 << 10 | 1 << 11 | 1 << 17

    static func isLaughter(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        guard w.count >= 3 else { return false }
        switch w[0] {
        case 0x6B:  // k
            return w.allSatisfy { $0 == 0x6B }
        case 0x6C:  // l
            return w.equals("lol") || w.equals("lmao") || w.equals("lmfao")
        case 0x72:  // r
            return w.equals("rofl") || repeats(w, "rs")
        case 0x68:  // h
            return repeats(w, "ha") || repeats(w, "he") || repeats(w, "hi") || repeats(w, "hue")
        case 0x6A:  // j
            return repeats(w, "ja")
        default:
            return false
        }
    }

    /// `w` is `unit` two or more times over.
    @inline(__always)
    static func repeats(_ w: UnsafeBufferPointer<UInt8>, _ unit: StaticString) -> Bool {
        let u = unit.utf8CodeUnitCount
        guard w.count >= u * 2 && w.count % u == 0 else { return false }
        for i in 0..<w.count where w[i] != unit.utf8Start[i % u] { return false }
        return true
    }

    // Latin letters with diacritics, folded to ASCII: the low 7 bits are the letter.
    static let foldUpper: UInt16 = 0x80
    static let foldPortuguese: UInt16 = 0x100
    static let foldSpanish: UInt16 = 0x200
    static let foldBase: UInt32 = 0xC0

    /// Indexed by scalar − 0xC0: 0 for letters that do not fold.
    static let fold: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x180 - 0xC0)
        let groups: [(String, Character, Bool, Bool)] = [
            ("áàâäå", "a", false, false), ("ã", "a", true, false), ("éèêë", "e", false, false), ("íìîï", "i", false, false),
            ("óòôö", "o", false, false), ("õ", "o", true, false), ("úùûü", "u", false, false), ("ç", "c", true, false),
            ("ñ", "n", false, true), ("ý", "y", false, false),
        ]
        for (letters, base, pt, es) in groups {
            let flags = UInt16(base.asciiValue!) | (pt ? foldPortuguese : 0) | (es ? foldSpanish : 0)
            for letter in letters.unicodeScalars {
                table[Int(letter.value - foldBase)] = flags
                for upperScalar in String(letter).uppercased().unicodeScalars {
                    table[Int(upperScalar.value - foldBase)] = flags | foldUpper
                }
            }
        }
        return table
    }()
}
