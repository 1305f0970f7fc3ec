/// Sentiment from valence lexicons with rules: negation (a window of three words, "não é
/// ruim", "nada bom", "not bad at all"), intensifiers and diminishers, contrast ("bom mas a
/// entrega foi péssima": what follows "mas" weighs more), capitals and repeated letters,
/// exclamation marks, emoji, laughter, and cheap sarcasm cues ("ótimo, mais um atraso 🙄").
/// The score is squashed into −1…1.
public enum SentimentAnalyzer {
    /// Scores at or beyond these are positive / negative. Praise needs more than one mild
    /// word ("ok", "like", "thanks" alone are polite, not positive); criticism does not.
    public static let positiveThreshold = 0.3
    public static let negativeThreshold = -0.05

    /// `words` are `text`'s tokens after the language's abbreviations were expanded.
    /// With `stepOverQuiet` false, every word goes through every rule (tests compare the two).
    public static func score(_ words: [Token], _ text: NormalizedText, language: String, stepOverQuiet: Bool = true) -> Double {
        // Read through a buffer: the rules index the tokens hundreds of times per message, and
        // the array's subscript was left as a call in this long function (5 % of the time).
        words.withUnsafeBufferPointer { score($0, text, language: language, stepOverQuiet: stepOverQuiet) }
    }

    static func score(_ words: UnsafeBufferPointer<Token>, _ text: NormalizedText, language: String, stepOverQuiet: Bool) -> Double {
        let v = Vocabulary.shared
        // The language's valences first, the other's second (Spanish reads Portuguese's).
        let english = language == "en"
        @inline(__always) func listed(_ id: Int32, english: Bool) -> Double? {
            guard id >= 0 else { return nil }
            let value = english ? v.valenceEN[Int(id)] : v.valencePT[Int(id)]
            return value.isNaN ? nil : value
        }
        /// The word's valence in the message's language, else in the other, else 0.
        @inline(__always) func valenceInEither(_ id: Int32) -> Double {
            listed(id, english: english) ?? listed(id, english: !english) ?? 0
        }
        @inline(__always) func phrase(_ first: Int32, _ second: Int32) -> Double? {
            guard v.starts(first, Vocabulary.Starts.phrase), second >= 0 else { return nil }
            for entry in v.phrases[Int(first)] where entry.second == second { return entry.valence }
            return nil
        }
        /// Whether a phrase of the word at `i` follows it, across the articles, prepositions or
        /// intensifiers that the phrase reading below steps over (up to two).
        func phraseFollows(_ i: Int) -> Bool {
            for gap in 0...2 where i + 1 + gap < words.count {
                if gap > 0 {
                    let between = words[i + gap].id
                    if !(between >= 0 && !v.intensity(between).isNaN) && !v.has(between, Vocabulary.Role.link) { return false }
                }
                if phrase(words[i].id, words[i + 1 + gap].id) != nil { return true }
            }
            return false
        }
        // Portuguese "no" is "in the" ("chegou no dia certo").
        let portuguese = language == "pt"
        @inline(__always) func isNegation(_ id: Int32) -> Bool { id >= 0 && v.negation[Int(id)] && !(portuguese && id == v.no) }
        @inline(__always) func isContrast(_ id: Int32) -> Bool { id >= 0 && v.contrast[Int(id)] }
        /// "would", "will" or "definitely" one or two words before word `i`, in its clause.
        func promisedBefore(_ i: Int) -> Bool {
            for back in 1...2 where i - back >= 0 {
                if words[i - back + 1].clauseStart { break }
                if v.promisingEN.contains(words[i - back].id) { return true }
            }
            return false
        }
        /// A word that puts trouble right (`Vocabulary.solving`) within three words of word `i`,
        /// either side, in its clause.
        func solvedNear(_ i: Int) -> Bool {
            for back in 1...3 where i - back >= 0 {
                if words[i - back + 1].clauseStart { break }
                if v.solving.contains(words[i - back].id) { return true }
            }
            for ahead in 1...3 where i + ahead < words.count {
                if words[i + ahead].clauseStart { break }
                if v.solving.contains(words[i + ahead].id) { return true }
            }
            return false
        }
        /// A negation within three words before word `i`, in its clause, no contrast between.
        /// Whether the verb at `i` closes a denied "o que eu…", "what I…" in its clause ("não é
        /// o que eu pedi", "this is not what I ordered", "wasn't what I paid for"), or "nada do
        /// que eu…", "nothing like what I…" ("não é nada do que eu esperava").
        func deniedWhat(_ i: Int) -> Bool {
            var k = i - 1
            if k >= 0, words[k].id == v.eu || words[k].id == v.i { k -= 1 }
            guard k >= 1, words[k].id == v.que || words[k].id == v.what else { return false }
            k -= 1
            if k >= 1, v.ofWhat.contains(words[k].id), words[k - 1].id == v.nada || words[k - 1].id == v.nothing { k -= 1 }
            var copulas = 0
            while k >= 0, copulas < 2, v.has(words[k].id, Vocabulary.Role.copula) {
                k -= 1
                copulas += 1
            }
            guard k >= 0, isNegation(words[k].id) else { return false }
            return !words[(k + 1)...i].contains { $0.clauseStart }
        }
        func negatedInClause(_ i: Int) -> Bool { negationInClause(i) != nil }
        /// The index of the negation that `negatedInClause` finds.
        func negationInClause(_ i: Int) -> Int? {
            for back in 1...3 where i - back >= 0 {
                if words[i - back + 1].clauseStart || isContrast(words[i - back].id) { return nil }
                if isNegation(words[i - back].id) { return i - back }
            }
            return nil
        }
        /// Whether "melhor" stands earlier in the clause of `i` ("melhor episódio da temporada
        /// até agora").
        func bestEarlier(_ i: Int) -> Bool {
            var k = i
            while k > 0, !words[k].clauseStart, !isContrast(words[k].id) {
                k -= 1
                if v.bests.contains(words[k].id) { return true }
            }
            return false
        }
        /// Whether the negation at `j` denies any rival to the comparative at `i`.
        func unrivalled(_ j: Int, _ i: Int) -> Bool {
            let w = words[j].id
            if v.nobody.contains(w), !(w == v.nobodyEnglish && j + 1 == i) {
                // "não tem nada melhor" exists; "não ficou nada melhor" denies the change, and
                // "não tenho nada melhor pra fazer", "I have nothing better to do" is boredom.
                for back in 1...2 where j - back >= 0 {
                    if words[j - back + 1].clauseStart { break }
                    let before = words[j - back].id
                    if v.existential.contains(before) { return true }
                    if isNegation(before) || v.has(before, Vocabulary.Role.have) { return false }
                }
                return true
            }
            // "não tem / não há / não existe loja melhor".
            if j + 1 < i, v.existential.contains(words[j + 1].id) { return true }
            // "there's no better place"; not "no better than the last one", nor "it's no better".
            return english && w == v.no && j + 1 == i && i + 1 < words.count && !words[i + 1].clauseStart && words[i + 1].id != v.than
        }
        // A contrast opening the message answers something said before it ("Mas o produto
        // veio com defeito"): it has no first side here. "nothing but" is "only" ("nothing but
        // praise for the staff").
        var contrastAt: Int?
        // (Indices, not `enumerated()`: its iterator is a call per word here.)
        // Nor does one after an apology for bothering ("desculpa incomodar, mas o boleto não
        // chegou", "sorry to bother you, but my card was charged twice"), which is read as no
        // part of the message.
        let apology = v.apologyLength(words)
        for i in words.indices.dropFirst(apology + 1) where isContrast(words[i].id) && (words[i - 1].id != v.nothing || words[i].clauseStart) {
            // A "though" closing a clause contrasts the clause it closes ("tasty food, took
            // forever to arrive though"); one that closes the first clause, nothing.
            if words[i].id == v.though && !words[i].clauseStart && (i + 1 == words.count || words[i + 1].clauseStart) {
                guard let start = words[..<i].lastIndex(where: \.clauseStart), start > apology else { continue }
                contrastAt = start
                continue
            }
            contrastAt = i
        }
        // A clause opening with "agora", "hoje", "depois" or "now" after "antes", "no começo" or
        // "used to" supersedes the earlier state ("antes era ruim, agora tá ótimo"; "antes do
        // prazo" is no earlier state): a contrast whose first side is no reservation, so the
        // message is not pulled towards neutral.
        var superseded = false
        // The clause a concession opens ("ótimo produto, apesar da demora na entrega") weighs
        // half and the rest one and a half, when the message says more than it.
        var conceded = 0..<0
        var earlier = false
        for i in words.indices {
            let t = words[i]
            if v.has(t.id, Vocabulary.Role.concession), t.id != v.embora || i == 0 || t.clauseStart {
                var end = i + 1
                while end < words.count, !words[end].clauseStart { end += 1 }
                if i > 0 || end < words.count { conceded = i..<end }
            } else if v.has(t.id, Vocabulary.Role.earlier), i + 1 < words.count, !v.has(words[i + 1].id, Vocabulary.Role.link) {
                earlier = true
            } else if earlier, contrastAt == nil, i > 1, t.clauseStart, v.has(t.id, Vocabulary.Role.present) {
                contrastAt = i
                superseded = true
            }
        }

        var total = 0.0
        var positives = 0
        /// The strongest praise, its contrast weight taken out.
        var strongestPraise = 0.0
        var negatives = 0
        // Strong praise alone in one or two words before the first punctuation, criticism alone
        // after it: "que maravilha, chegou quebrado", "oh great, it arrived broken".
        let opening = words.firstIndex(where: \.clauseStart) ?? words.count
        var openingPraise = false
        var openingOther = false
        var laterPraise = false
        var laterCriticism = 0.0
        // All criticism, wherever it stands.
        var criticism = 0.0
        // "sim", "tá bom", "beleza então", "tá bom então", "yes", "alright then" alone answer;
        // they do not praise.
        let okay = words.count <= 3 && words.allSatisfy { v.has($0.id, Vocabulary.Role.answer) }
        // Nor does one opening a message as its own clause, in one word or two ("beleza, vou
        // passar aí mais tarde", "tá bom, vou esperar", "sure, I'll swing by later"); praise
        // before a contrast is a verdict ("bom, mas nada excepcional").
        let verdictFirst = words.count > 1 && isContrast(words[1].id) && (listed(words[0].id, english: english) ?? 0) >= 2
        let openerWords = words.count < 2 || !v.has(words[0].id, Vocabulary.Role.answer) || verdictFirst ? 0
            : words[1].clauseStart ? 1
            : words.count > 2 && v.has(words[1].id, Vocabulary.Role.answer) && words[2].clauseStart ? 2 : 0
        let opener = openerWords > 0
        var i = okay ? words.count : max(openerWords, apology)
        // Where the last phrase ended: its words do not negate what follows ("sem dúvida o
        // melhor", "não sei se vale a pena").
        var phraseEnd = 0
        // Inside an indirect question ("queria saber se o seguro cobre roubo", "não sei se
        // recomendo", "let me know if you're interested") or a Portuguese condition until its
        // clause or a contrast ends.
        var indirect = false
        // Inside what was expected and did not come ("achei que seria bom, mas tá chato",
        // `Lexicon.supposing`), until its clause or a contrast ends: praise there counts for
        // nothing. Not an expectation denied ("nunca imaginei que seria tão bom").
        var supposed = false
        // A lukewarm verdict was given (`Lexicon.lukewarm`).
        var lukewarm = false
        var beyondExpectation = false
        // A reservation was made: its modal opens no request ("poderia ser mais rápido").
        var reservation = false
        // Criticism was made other than denied praise ("não é excelente") or a mild word.
        var criticised = false
        // The "never" whose own complaint emphasised praise took back (once, however many
        // words it emphasises).
        var emphasisingNever = -1
        while i < words.count {
            let word = words[i].id
            // A word no rule reads at its own turn (`Vocabulary.quiet`; an unknown one unless
            // stretched, "boom") only ends what its clause break ends. Most words are such.
            // So does one that only opens phrases when none of them follows (and "sem",
            // "without" with no arrival just before).
            if stepOverQuiet, !words[i].elongated,
                word >= 0 ? v.isQuiet(word) || v.isPhraseOnly(word) && !phraseFollows(i) && !(i > 0 && v.arrivals.contains(words[i - 1].id))
                    : !text.withWord(words[i], { $0.count >= 4 && $0[$0.count - 1] == $0[$0.count - 2] })
            {
                if words[i].clauseStart {
                    indirect = false
                    supposed = false
                }
                i += 1
                continue
            }
            if words[i].clauseStart || isContrast(word) {
                indirect = false
                supposed = false
            } else if i > 0, v.starts(word, Vocabulary.Starts.whether), v.wondering.contains(words[i - 1].id) {
                indirect = true
            } else if portuguese, v.starts(word, Vocabulary.Starts.whether), i + 1 < words.count, !words[i + 1].clauseStart {
                // A condition supposes as an indirect question asks ("se for bom eu compro mais",
                // "se não funcionar vou devolver").
                let verb = words[i + 1].id == v.nao && i + 2 < words.count ? words[i + 2].id : words[i + 1].id
                if v.conditionVerbs.contains(verb) { indirect = true }
            }
            // What one expected to get is supposed too, had or not ("esperava um fone melhor",
            // "não esperava um fone maravilhoso"); "não esperava que fosse tão bom" is surprise.
            if portuguese, word == v.esperava, i + 1 < words.count, !words[i + 1].clauseStart, words[i + 1].id != v.que, words[i + 1].id != v.mais {
                supposed = true
            }
            // So in English: "supposed to", and "expected" unless the outcome came as expected
            // or beat it ("it was supposed to be free", "I expected better", "expected a quality
            // product"; not "arrived as expected", "better than expected", "never expected").
            if english, i + 1 < words.count, !words[i + 1].clauseStart,
                word == v.supposedEN && words[i + 1].id == v.to
                    || word == v.expectedEN && (i == 0 || words[i].clauseStart
                        || words[i - 1].id != v.asEN && words[i - 1].id != v.than && !isNegation(words[i - 1].id))
            {
                supposed = true
            }
            if portuguese, word == v.que, i > 0, v.supposing.contains(words[i - 1].id), i < 2 || !isNegation(words[i - 2].id) {
                // The supposing verb may follow its subject ("achei que a entrega seria rápida").
                var k = i + 1
                while k < min(words.count, i + 6), !words[k].clauseStart, !isContrast(words[k].id) {
                    if v.supposed.contains(words[k].id) {
                        supposed = true
                        break
                    }
                    k += 1
                }
            }
            var valence = 0.0
            var deniedPraise = false
            var span = 1
            // A phrase of valence 0 is neutral as a whole ("bom dia", "good morning").
            var phrased = false
            // A wish for more or better is a reservation ("produto bom, poderia ter um acabamento
            // melhor", "could have been better"); not when denied ("não poderia ser melhor") or
            // asked.
            var settled = false
            if text.questions == 0, !indirect, v.has(word, Vocabulary.Role.wish), !negatedInClause(i) {
                var k = i + 1
                while k < min(words.count, i + 5), !words[k].clauseStart, v.wishFillers.contains(words[k].id) { k += 1 }
                // One noun may stand before its adjective ("ter um acabamento melhor").
                if k + 1 < words.count, !words[k].clauseStart, !words[k + 1].clauseStart, !v.improvements.contains(words[k].id),
                    v.postposed.contains(words[k + 1].id), listed(words[k].id, english: english) == nil
                {
                    k += 1
                }
                if k < words.count, !words[k].clauseStart, v.improvements.contains(words[k].id) {
                    valence = -1
                    span = k - i + 1
                    settled = true
                    reservation = true
                }
            }
            // What came is not what was expected or ordered: criticism.
            if !settled, v.expectedVerbs.contains(word), deniedWhat(i) {
                valence = -2
                settled = true
            }
            if !settled, i + 1 < words.count, v.starts(word, Vocabulary.Starts.phrase) {
                // The pair may have up to two articles, prepositions or intensifiers between
                // ("fora do ar", "vale muito a pena").
                var boost = 0.0
                // A phrase with a valence stays within its clause ("não, gostei sim", "não.
                // funciona perfeitamente"); a neutral one and a polite "no" may cross a comma
                // ("sorry, wrong chat", "não, obrigado").
                var crossed = false
                for gap in 0...2 where i + 1 + gap < words.count {
                    crossed = crossed || words[i + 1 + gap].clauseStart
                    if gap > 0 {
                        let between = words[i + gap].id
                        if between >= 0, !v.intensity(between).isNaN {
                            boost = v.intensity(between)
                        } else if !v.has(between, Vocabulary.Role.link) {
                            break
                        }
                    }
                    let second = words[i + 1 + gap].id
                    if let p = phrase(word, second) {
                        // A polite "no" only ends its clause ("não, valeu"; "não valeu a pena").
                        let end = i + 2 + gap
                        let declines = v.declines.contains(where: { $0 == (word, second) })
                        if declines, end < words.count, !words[end].clauseStart { break }
                        if crossed, p != 0, !declines { break }
                        // "liguei e nada" is the phrase; in "é nada ruim", "não tem nada de errado"
                        // the folded "é" and "nada" deny the word that follows.
                        if second == v.nada, end < words.count, !words[end].clauseStart, listed(words[end].id, english: english) != nil { break }
                        // A neutral phrase yields to a valenced one on its last word ("foi mal
                        // educado" is rude, not "my bad"), unless that word is an article ("tell
                        // me a joke", "me conta uma piada" are chat; "a joke" alone mocks).
                        if p == 0, end < words.count, !words[end].clauseStart, !v.has(second, Vocabulary.Role.link),
                            !v.indefinite.contains(second), let q = phrase(second, words[end].id), q != 0
                        {
                            break
                        }
                        if p == 0, v.lukewarmPairs.contains(where: { $0 == (word, second) }) { lukewarm = true }
                        valence = p == 0 ? 0 : p + (p > 0 ? boost * 2 : -boost * 2)
                        // "até agora" before trouble denied means "so far" ("até agora sem
                        // problemas", "até o momento nenhum defeito").
                        // So does it after the best ("melhor episódio da temporada até agora").
                        if word == v.ate, valence < 0, v.troubleDeniedAhead(at: end, in: words) || bestEarlier(i) { valence = 0 }
                        // "can't believe how good it is": the disbelief is the praise's, or the
                        // criticism's, that follows.
                        if second == v.believe, end < words.count, words[end].id == v.how { valence = 0 }
                        // Room to improve denied praises ("não tem o que melhorar", "não precisa
                        // melhorar nada").
                        if second == v.melhorar, valence < 0, negatedInClause(i) {
                            valence = 1.5
                            settled = true
                        }
                        span = 2 + gap
                        phrased = true
                        // A strong phrase ending on a negation holds it already: a negation before
                        // it agrees, as Portuguese negations do ("a administração não faz nada";
                        // not the mild "e nada" of "não é nada demais").
                        if p <= -2, isNegation(second) { settled = true }
                        // "can't get enough of it" is praise.
                        if valence < 0, isNegation(word), words[(i + span)..<min(words.count, i + span + 3)].contains(where: { $0.id == v.enough }) {
                            valence = 2
                        }
                        break
                    }
                }
            }
            // Custom withdrawn: a negation before in the same clause, "mais", "de novo" or "again"
            // after ("não compro mais aqui", "não compraria de novo", "never ordering from you
            // again"), or "won't be back" at the end; not "não, volto mais tarde". So does "the
            // last time" just before, in the same clause ("é a última vez que compro aqui", "the
            // last time I order from you"; not "a última vez que comprei veio certinho"). A
            // valence `settled` here already holds its negation and is not turned again below.
            if !phrased, !settled, v.has(word, Vocabulary.Role.patronage) {
                if word == v.back ? i == words.count - 1
                    : words[(i + 1)..<min(words.count, i + (english ? 5 : 4))].contains(where: {
                        english ? $0.id == v.again : $0.id == v.mais || $0.id == v.novo || $0.id == v.novamente
                    })
                {
                    // Not by a negation that is praise with its next word ("can't wait to order
                    // again"); doubt still withdraws ("não sei se volto mais").
                    if let negation = negationInClause(i), (phrase(words[negation].id, words[negation + 1].id) ?? 0) <= 0 {
                        valence = -2.5
                        settled = true
                    } else if !indirect, english ? promisedBefore(i) : v.promisingPT.contains(word) {
                        // Custom promised ("would buy again", "compraria de novo", "voltarei
                        // mais vezes"); not "comprei de novo e veio errado", nor on a condition
                        // ("se for bom eu compro mais").
                        valence = 2
                        settled = true
                    }
                } else {
                    for back in 2...4 where i - back >= 0 {
                        if words[i - back + 2].clauseStart { break }
                        let (first, second) = (words[i - back].id, words[i - back + 1].id)
                        if first == v.ultima && second == v.vez || first == v.last && second == v.time {
                            valence = -2.5
                            settled = true
                            break
                        }
                    }
                }
            }
            // The same in the infinitive after a verb of will ("não vou mais comprar aqui", "não
            // quero usar esse app de novo"); not "não consigo comprar mais pelo app".
            if !phrased, !settled, portuguese, i >= 2, v.has(word, Vocabulary.Role.infinitivePatronage) {
                let before = words[i - 1].id
                let willed = v.willing.contains(before) || (before == v.mais && v.willing.contains(words[i - 2].id))
                // "mais" next to the verb ("não vou usar mais"; "só mais tarde" is later).
                let again = before == v.mais || (i + 1 < words.count && words[i + 1].id == v.mais)
                    || words[(i + 1)..<min(words.count, i + 5)].contains { $0.id == v.novo || $0.id == v.novamente }
                if willed, again, negatedInClause(i) {
                    valence = -2.5
                    settled = true
                }
            }
            if !phrased, v.has(word, Vocabulary.Role.lukewarm) { lukewarm = true }
            // Better than one expected is no lukewarm verdict ("bem melhor do que eu esperava
            // pelo preço").
            if portuguese, v.bests.contains(word), !negatedInClause(i),
                words[(i + 1)..<min(words.count, i + 5)].prefix(while: { !$0.clauseStart }).contains(where: { v.expectations.contains($0.id) })
            {
                beyondExpectation = true
            }
            if valence == 0 && !phrased && !(i + 1 < words.count && v.has(word, Vocabulary.Role.swearing)) {
                valence = valenceInEither(word)
                // An intensifier with praise of its own ("bem", "absolutely") only stresses the
                // criticism after it ("bem ruim", "absolutely useless").
                if valence > 0, !v.intensity(word).isNaN, i + 1 < words.count, !words[i + 1].clauseStart,
                    valenceInEither(words[i + 1].id) < 0
                {
                    valence = 0
                }
                if valence == 0,
                    words[i].elongated || (word < 0 && text.withWord(words[i]) { $0.count >= 4 && $0[$0.count - 1] == $0[$0.count - 2] })
                {
                    // Every run cut to one letter ("boom" -> "bom", "arrasandoo" -> "arrasando").
                    let single = text.withWord(words[i]) { bytes -> Int32? in
                        var out = [UInt8]()
                        out.reserveCapacity(bytes.count)
                        for b in bytes where b != out.last { out.append(b) }
                        return out.count == bytes.count ? nil : out.withUnsafeBufferPointer { v.lookup($0) }
                    }
                    if let single { valence = listed(single, english: english) ?? 0 }
                }
                // A small flaw ("um pequeno defeito", "a minor issue", "um atraso pequeno") is
                // half a flaw, and the size word beside it no criticism of its own.
                if valence < 0 {
                    let before = i > 0 && !words[i].clauseStart ? words[i - 1].id : -1
                    let after = i + 1 < words.count && !words[i + 1].clauseStart ? words[i + 1].id : -1
                    if v.minor.contains(word) {
                        if valenceInEither(before) < 0 || valenceInEither(after) < 0 { valence = 0 }
                    } else if v.minor.contains(before) || v.minor.contains(after) {
                        valence *= 0.5
                    }
                }
                // Tears of joy or laughter ("chorei de emoção", "chorei de rir", "crying tears of
                // joy", "crying laughing"): the joy tells, the tears count nothing.
                if valence < 0, v.tears.contains(word), v.joyAfter(i, in: words) { valence = 0 }
                // Worked or lasted for a short span, and no longer ("funcionou uma semana e
                // parou", "durou 5 horas", "only worked once").
                if v.lasting.contains(word), v.shortSpanAfter(i, in: words) {
                    valence = -2
                    settled = true
                }
                // Trouble put right is no criticism ("problema resolvido", "resolveram meu
                // problema", "they fixed my issue"); the solving word tells.
                if valence < 0, v.has(word, Vocabulary.Role.trouble), solvedNear(i) { valence = 0 }
                // Something missing on arrival ("veio sem o molho", "came without the charger").
                if valence == 0, word == v.sem || word == v.without, v.missingOnArrival(at: i, in: words) {
                    valence = -1.5
                    settled = true
                }
                // "era pra ter chegado ontem": it should have, and did not.
                if valence == 0, word == v.ter, i >= 2, v.pra.contains(words[i - 1].id), words[i - 2].id == v.era { valence = -1.5 }
                // "cara" said of a price ("a mensalidade é cara"), not a face ("é a cara da mãe").
                if valence == 0, word == v.cara, i > 0, v.priceCopulas.contains(words[i - 1].id) { valence = -1 }
                // "nunca imaginei que seria tão bom" is surprise: what follows tells.
                if word == v.nunca, i + 1 < words.count, v.supposing.contains(words[i + 1].id) { valence = 0 }
                // A show one goes to is no praise ("ingressos pro show de sábado"; "que show!" is).
                if word == v.show, i > 0, v.showDeterminers.contains(words[i - 1].id) { valence = 0 }
                // "melhor" before an infinitive advises ("melhor dormir", "é melhor esperar");
                // "melhor lugar", "melhor celular" praise.
                if valence > 0, portuguese, v.bests.contains(word), i + 1 < words.count, !words[i + 1].clauseStart,
                    v.infinitivesInER.contains(words[i + 1].id) || !v.nounsLikeInfinitives.contains(words[i + 1].id)
                        && text.withWord(words[i + 1], { b in
                            b.count >= 4 && b[b.count - 1] == 0x72 && (b[b.count - 2] == 0x61 || b[b.count - 2] == 0x69)
                        })
                {
                    valence = 0
                }
                // An answer withheld ("ninguém me deu resposta"): the negation makes it; "não precisa
                // resolver agora", "não preciso de ajuda" need nothing (the word before, past a link).
                let need = i > 1 && v.has(words[i - 1].id, Vocabulary.Role.link) ? i - 2 : i - 1
                if valence == 0, v.starts(word, Vocabulary.Starts.awaited), negatedInClause(i), !(need >= 0 && v.needs.contains(words[need].id)) {
                    valence = -1.5
                    settled = true
                }
                // Something that does not work properly ("a tampa não fecha direito"), unless a
                // phrase said so already ("não abre direito"); not what one did not quite grasp
                // ("não entendo direito"), nor a right one has ("não tenho direito a nada"), nor
                // the writer's own doing, a first person's past ending in "i" ("ainda não testei
                // direito", "não li direito"; "a tinta não sai direito" is the product's).
                if valence == 0, word == v.direito, i >= 2, phraseEnd < i, !words[i - 1].clauseStart, isNegation(words[i - 2].id),
                    !v.grasping.contains(words[i - 1].id), !v.has(words[i - 1].id, Vocabulary.Role.have),
                    !text.withWord(words[i - 1], { $0.count > 1 && $0[$0.count - 1] == 0x69 && $0[$0.count - 2] != 0x61 })
                {
                    valence = -1.5
                    settled = true
                }
            }
            if valence != 0 {
                // Intensifiers and diminishers just before, in the same clause ("não preciso
                // mais, pode cancelar": that "mais" is the other clause's).
                for back in 1...2 where i - back >= 0 {
                    if words[i - back + 1].clauseStart { break }
                    let id = words[i - back].id
                    if id >= 0, !v.intensity(id).isNaN {
                        // Portuguese "pouco resistente" denies the praise; "um pouco melhor"
                        // softens it.
                        if portuguese, valence > 0, v.little.contains(id),
                            i - back == 0 || !v.indefinite.contains(words[i - back - 1].id)
                        {
                            valence *= -0.6
                        } else {
                            let boost = v.intensity(id)
                            valence += valence > 0 ? boost * 2 : -boost * 2
                        }
                        break
                    }
                }
                // "um pouco", "a bit" right after a word softens it ("o barulho incomoda um pouco",
                // "it hurts a bit").
                if span == 1, i + 2 < words.count, !words[i + 1].clauseStart, !words[i + 2].clauseStart,
                    v.indefinite.contains(words[i + 1].id) || words[i + 1].id == v.a, v.aLittle.contains(words[i + 2].id)
                {
                    valence *= 0.5
                }
                // "qual o melhor horário?", "what's the best time?": asking, not praising (also
                // without the question mark, "qual seu filme favorito"); "a garantia cobre
                // quebra?", "what if it's late?": supposing, not reporting.
                let comparative = valence > 0 && v.has(word, Vocabulary.Role.comparative)
                if text.questions > 0 || indirect || (comparative && v.interrogatives.contains(words[0].id)) {
                    if let asked = comparative ? v.interrogatives : valence < 0 ? v.hypothetical : nil {
                        for back in 1...5 where i - back >= 0 {
                            if words[i - back + 1].clauseStart { break }
                            if asked.contains(words[i - back].id) {
                                valence = 0
                                break
                            }
                        }
                    }
                }
                if words[i].shouted && !text.mostlyCapitals { valence *= 1.25 }
                if words[i].elongated { valence *= 1.15 }
                // Negation within three words before, unless a contrast word sits between.
                var emphatic = false
                if !settled && (span == 1 || !isNegation(word)) {
                    var negated = false
                    // A phrase opening with an intensifier ("so well") is intensified itself; so
                    // is a bare comparative (`Vocabulary.bareComparatives`: "never felt better",
                    // "nunca estive melhor"; not "nunca foi o melhor", "never better than the
                    // original").
                    var intensified = span > 1 && word >= 0 && !v.intensity(word).isNaN
                        || valence > 0 && v.bareComparatives.contains(word) && text.questions == 0
                            && !(i > 0 && v.rankDeterminers.contains(words[i - 1].id))
                            && !(i + 1 < words.count && !words[i + 1].clauseStart && v.comparisonGoesOn.contains(words[i + 1].id))
                    var linked = true
                    var modal = false
                    var negator = 0
                    let grievance = v.has(word, Vocabulary.Role.grievance)
                    let trouble = v.has(word, Vocabulary.Role.trouble)
                    for back in 1...(grievance ? 4 : 3) where i - back >= 0 {
                        // Not across punctuation ("não, obrigado"), nor from inside a phrase.
                        if words[i - back + 1].clauseStart || i - back < phraseEnd { break }
                        let w = words[i - back].id
                        if isContrast(w) { break }
                        let next = words[i - back + 1].id
                        if isNegation(w) || (w == v.longe && next == v.de) || (w == v.far && next == v.from) {
                            negator = i - back
                            // "nunca fui tão bem atendida", "never been so pissed": emphasis.
                            // A negative word is turned only when nothing but a copula or an
                            // intensifier stands between ("não é ruim", but not "não
                            // comprem, péssimo"); a grievance always is ("não tenho do que
                            // reclamar", "nothing to complain about").
                            negated = !(intensified && (w == v.nunca || w == v.never))
                                && (valence > 0 || linked || grievance)
                            // Praise so emphasised takes the negation's own complaint back ("never
                            // had such fast delivery").
                            if intensified && valence > 0 && (w == v.nunca || w == v.never) && emphasisingNever != negator {
                                valence -= listed(w, english: english) ?? 0
                                emphasisingNever = negator
                            }
                            modal = modal || v.has(w, Vocabulary.Role.modal) || (i - back > 0 && v.has(words[i - back - 1].id, Vocabulary.Role.modal))
                            break
                        }
                        if v.has(w, Vocabulary.Role.modal) { modal = true }
                        if w >= 0, !v.intensity(w).isNaN || back == 1 && valence > 0 && v.degreeDemonstratives.contains(w) {
                            intensified = true
                        } else if !v.has(w, Vocabulary.Role.copula) && !(trouble && v.has(w, Vocabulary.Role.have))
                            // "nada de errado", "nothing of the kind": "de" after "nada" links.
                            && !(w == v.de && i - back > 0 && words[i - back - 1].id == v.nada)
                        {
                            linked = false
                        }
                    }
                    // A negation that emphasises praise instead of denying it: a negated modal
                    // before praise ("couldn't be better", "não poderia ser melhor", "can't thank
                    // you enough"), or one that denies any rival ("nada melhor que chegar no
                    // prazo", "ninguém faz melhor", "não tem loja melhor", "there's no better
                    // place"; not "não ficou nada melhor", "I have nothing better to do", "it's no
                    // better than before", nor a question: "não tem um tamanho melhor?").
                    // So does no way not to ("não tem como não gostar", "impossible not to love
                    // it"), where "impossível" takes its own criticism back.
                    let better = v.has(word, Vocabulary.Role.comparative)
                    let noWay = negated && valence > 0 ? v.noWayNot(negator, in: words) : (insists: false, impossible: nil)
                    if negated, valence > 0,
                        modal && (better || words[(i + 1)..<min(words.count, i + 4)].contains(where: { $0.id == v.enough }))
                            || better && text.questions == 0 && unrivalled(negator, i) || noWay.insists
                    {
                        negated = false
                        emphatic = true
                        // The best there is: "could not be better" praises as "excellent" does.
                        valence = max(valence * 1.3, 2.5)
                        if let impossible = noWay.impossible { valence -= listed(words[impossible].id, english: english) ?? 0 }
                    }
                    // The same for the worse after a modal and its fillers: denied, the worst
                    // there is ("couldn't have been worse", "não podia ser pior"); granted, a
                    // consolation ("could be worse", "podia ser pior").
                    if valence < 0, v.worse.contains(word) {
                        var k = i - 1
                        while k >= 0, i - k <= 4, !words[k + 1].clauseStart, v.wishFillers.contains(words[k].id) { k -= 1 }
                        // "could not be worse": the negation after its modal.
                        let after = k > 0 && !words[k].clauseStart && isNegation(words[k].id)
                            && v.has(words[k - 1].id, Vocabulary.Role.modal)
                        if after { k -= 1 }
                        if k >= 0, !words[k + 1].clauseStart, v.has(words[k].id, Vocabulary.Role.modal) {
                            if after || isNegation(words[k].id) || (k > 0 && !words[k].clauseStart && isNegation(words[k - 1].id)) {
                                negated = false
                                emphatic = true
                                valence = min(valence * 1.3, -2.5)
                            } else {
                                valence = 0
                            }
                        }
                    }
                    if negated && grievance {
                        valence = -valence
                        // "nunca me arrependi", "never disappointed me": the never is the praise,
                        // so its own complaint is taken back.
                        if (words[negator].id == v.nunca || words[negator].id == v.never) && emphasisingNever != negator {
                            valence -= listed(words[negator].id, english: english) ?? 0
                            emphasisingNever = negator
                        }
                    } else if trouble, valence < 0, let denial = v.troubleDenial(at: i, in: words) {
                        // Trouble that never came is mild praise ("nunca me deu problema", "não
                        // tem problema", "never had any issues"); the negation's own complaint
                        // ("nunca" alone: "nunca chega") is taken back.
                        valence = 1.5 - (listed(words[denial].id, english: english) ?? 0)
                        // So is the wait "até agora" tells of, which here means "so far".
                        // (Before "sem", "nenhum" or "zero" the phrase took itself back.)
                        if denial >= 2, words[denial - 2].id == v.ate, !v.troubleDeniers.contains(words[denial].id),
                            let wait = phrase(v.ate, words[denial - 1].id), wait < 0
                        {
                            valence -= wait
                        }
                    } else if negated && v.certain.contains(word) {
                        // Doubt is no criticism ("not sure which size to get", "não tenho certeza
                        // do tamanho").
                        valence = 0
                    } else if negated && !(word == v.nada || word == v.nunca) {
                        if valence > 0 { deniedPraise = true }
                        valence *= valence > 0 ? -0.74 : -0.5
                    }
                }
                // Praise inside a wish or a condition asks for something ("would love an
                // upgrade", "seria ótimo se respondessem"); custom promised stays ("would buy
                // again").
                if valence > 0 && !emphatic && !settled {
                    for back in 1...3 where i - back >= 0 && v.has(words[i - back].id, Vocabulary.Role.conditional) {
                        valence *= 0.4
                        break
                    }
                }
                let contrastWeight = contrastAt.map { i < $0 ? 0.5 : 1.5 } ?? 1
                valence *= contrastWeight
                if !conceded.isEmpty { valence *= conceded.contains(i) ? 0.5 : 1.5 }
                // One strong word closing a statement as a clause of its own is the writer's
                // verdict ("eliminaram a melhor de todas, revoltada", "demorou, mas chegou.
                // satisfeita"); a closing "thanks" or "obrigado" is politeness.
                if span == 1, i > 0, i == words.count - 1, words[i].clauseStart, text.questions == 0, valence <= -2 || valence >= 2.5 {
                    valence *= 1.5
                }
                // An indirect question asks or doubts; strong words and custom withdrawn in it
                // still tell ("quero saber se vocês vão resolver esse absurdo", "não sei se
                // volto mais").
                if indirect && !settled && valence > -2.5 { valence = 0 }
                // Something better, expected, was missed ("esperava um atendimento melhor",
                // "achei que seria melhor", "esperava um retorno mais rápido"); other praise
                // expected counts for nothing.
                if supposed && valence > 0 {
                    valence = v.has(word, Vocabulary.Role.comparative) || (i > 0 && words[i - 1].id == v.mais) ? -1 : 0
                } else if supposed && valence < 0 {
                    // Something worse, expected, did not come ("achei que ia ser pior", "pensei
                    // que ia demorar mais"): praise.
                    valence = 1.5
                }
                // A word the question read as asked or supposed counts for nothing.
                if valence != 0 {
                    // Its contrast weight taken out: praise that is a verdict, mild criticism.
                    if valence > 0 {
                        positives += 1
                        strongestPraise = max(strongestPraise, valence / contrastWeight)
                    } else {
                        negatives += 1
                        if !deniedPraise && valence / contrastWeight < -1.5 { criticised = true }
                    }
                    if i < opening {
                        // Strong praise only: "ok, aguardo" and "thank you. They are processing
                        // my refund" are no sarcasm.
                        if valence >= 2.5 { openingPraise = true } else { openingOther = true }
                    } else if valence >= 1 {
                        laterPraise = true
                    } else if valence < 0 {
                        laterCriticism += valence
                    }
                    if valence < 0 { criticism += valence }
                    total += valence
                }
            }
            if phrased { phraseEnd = i + span }
            i += span
        }
        // English plain questions ask ("how do i cancel it?", "how much is the fee?", "what's
        // your refund policy?"); chat often leaves the question mark out.
        func inquiryAt(_ k: Int) -> Bool {
            k + 1 < words.count && v.has(words[k].id, Vocabulary.Role.inquiry) && v.has(words[k + 1].id, Vocabulary.Role.inquiryNext)
        }
        // A greeting of its own before a question or request does not hide it ("hi, i need to
        // cancel my trip, how do i do that?").
        let lead = v.greetingLead(words)
        // So does a Portuguese greeting that asks after the reader ("oi tudo bom", "opa beleza").
        let plainQuestion = text.questions == 0 && words.count <= 8 && (english ? inquiryAt(lead) : portuguese && v.greetsAskingPT(words))
        // Politeness in a question ("can you help? thanks!") is a request, not praise; so is
        // a good word in one ("is the food good there").
        if (text.questions > 0 || plainQuestion) && total > 0 { total *= 0.5 }
        // One mild word of trouble in a request asks for something rather than criticises
        // ("quero cancelar meu plano", "i want to cancel my plan", "cancel my order please").
        // Portuguese questions count too ("o frete é cobrado à parte?"); English ones keep
        // their reading, since tweets to airlines ask angry questions.
        // A request may open any clause ("não quero mais o pedido, pode cancelar"; "can't
        // make it tomorrow, please cancel it"). Only worked out for a message with one mild
        // word of trouble and no praise.
        // An English plain question may name two ("is there a fee to cancel?").
        let oneMild = negatives == 1 && total >= (english ? -1.5 : -1)
        let twoMild = english && negatives == 2 && total >= -3
        if oneMild || twoMild, positives == 0, !reservation {
            let opensWithRequest = v.has(words[lead].id, Vocabulary.Role.request)
                || (english && words.count > lead + 1 && words[lead].id == v.i && v.has(words[lead + 1].id, Vocabulary.Role.request))
            let request = opensWithRequest
                || (portuguese && words.contains { $0.clauseStart && v.has($0.id, Vocabulary.Role.request) })
                || (english && words.contains { $0.clauseStart && $0.id == v.please })
                || v.has(words[0].id, Vocabulary.Role.command)
                || (english && words.count > 1 && words[words.count - 1].id == v.please)
            // English plain questions ask too; angry ones open otherwise ("why…?", "what is
            // going on with my flight?"). After an opening request, a later clause may ask ("i
            // need to cancel, how do i do that?"). Chat often leaves the question mark out ("how
            // do i cancel my subscription").
            let inquiry = english && (text.questions > 0 || words.count <= 8)
                && (inquiryAt(lead) || (opensWithRequest && words.indices.contains { $0 > lead && words[$0].clauseStart && inquiryAt($0) }))
            // A short Portuguese question may leave its question mark out too ("como faço pra
            // cancelar minha assinatura", "tem como cancelar").
            let askedPT = portuguese && v.asksPT(words)
            // A reply that opens with "ok," or "beleza," acknowledges ("blz, fico no aguardo").
            // Two in one clause only: an angry question goes on ("what's the deal with flight
            // 5268? … left the gate late and are now sat on the tarmac?").
            let asks = twoMild ? inquiry && !words[(lead + 1)...].contains { $0.clauseStart }
                : opener || (portuguese ? text.questions > 0 || request || askedPT : english && (text.questions == 0 && request || inquiry))
            if asks { total = 0 }
        }
        // A contrast whose first side still holds (not a superseded earlier state).
        let mixed = contrastAt != nil && !superseded
        // Praise and criticism either side of a contrast ("bonito, mas o touch é péssimo"): a
        // mixed message, pulled towards neutral; the side after the contrast still leads. So is
        // praise with a contrast whose reservation names no word of the lexicon ("gostei, mas
        // esperava outra cor", "menor do que eu esperava, mas muito bonito").
        // So is Portuguese praise and criticism around a concession, a product review's three
        // stars ("gostei, apesar de parecer frágil"; "apesar do atraso, amei o produto!" still
        // praises). English keeps the main clause's reading ("despite the delay, the crew was
        // amazing"), as its tweets do (measured).
        // A fact of mild valence is no praise to mix with ("chegou, mas todo amassado").
        if mixed && strongestPraise >= 1 || portuguese && !conceded.isEmpty && positives > 0 && negatives > 0 { total *= 0.3 }
        // Portuguese praise and a contrast whose one criticism denies praise or is mild are
        // lukewarm, a review's three stars ("é bom, mas não é ótimo", "gostei muito, mas a
        // montagem é complicada"); not a report of trouble after mild words ("o cartão chegou
        // mas não consigo desbloquear"), nor English, whose tweets read otherwise (measured).
        // Praise of valence 2 or more is a verdict.
        if portuguese, mixed, strongestPraise >= 2, negatives == 1, !criticised { lukewarm = true }
        // A lukewarm verdict with mild praise or criticism around it is neutral; strong words
        // still tell.
        if lukewarm, !beyondExpectation, abs(total) < 3.5 { total = 0 }
        total += text.emojiValence
        if text.laughter { total += total < -1 ? 0 : 0.6 }
        if text.mostlyCapitals && total < 0 { total *= 1.3 }
        if total != 0 {
            let emphasis = 0.292 * Double(min(text.exclamations, 4))
            total += total > 0 ? emphasis : -emphasis
        }
        // Sarcasm: praise next to an eye-roll, "sqn", applause alone (no laughter or other
        // emoji) for praise and real criticism together (not a mild word: "finally customer
        // service that actually works 👏" applauds), a short opening of praise followed by
        // criticism alone, praise around "mais" or "another" and a complaint word ("ótimo,
        // mais um atraso", "great, another delay. thanks a lot"), or "… só que não" at the end.
        let applause = text.claps > 0 && text.claps == text.emojiCount && !text.laughter
        // Any criticism will do when it happened again ("maravilha, o técnico faltou de novo").
        func again() -> Bool {
            words.indices.contains { k in
                words[k].id == v.novamente || words[k].id == v.again || (k > 0 && words[k].id == v.novo && words[k - 1].id == v.de)
            }
        }
        func exclaimedOpening() -> Bool {
            words[..<opening].contains { v.exclaimedPraise.contains($0.id) } && !words[..<opening].contains { v.has($0.id, Vocabulary.Role.copula) }
        }
        let praiseThenCriticism = opening <= 2 && openingPraise && !openingOther && !laterPraise
            && contrastAt == nil && conceded.isEmpty
            // Milder criticism after praise exclaimed (`exclaimedPraise`: "perfect, they lost my
            // reservation", "que maravilha, cobraram a taxa duas vezes"); not after praise stated
            // ("está linda! super básica", "gostei muito, só que tive que retirar no correio").
            && (laterCriticism <= -2 || laterCriticism <= -1.5 && exclaimedOpening() || laterCriticism <= -0.5 && again())
        let n = words.count
        let soQueNao = portuguese && n >= 3 && words[n - 3].id == v.so && words[n - 2].id == v.que && words[n - 1].id == v.nao
        let exasperated = n > 0 && v.starts(words[n - 1].id, Vocabulary.Starts.exasperatedEnd) && v.exasperatedEndings.contains { ending in
            (!ending.question || text.questions > 0) && n >= ending.words.count
                && zip(words[(n - ending.words.count)...], ending.words).allSatisfy { $0.id == $1 }
        }
        if exasperated { total = min(total, -1.5) }
        // One word of praise closing criticism as a clause of its own, with no other praise
        // and no contrast: "lost my bag again. awesome.", "atrasou de novo. ótimo." (not
        // "demorou, mas chegou. ótimo").
        // So is praise of a deed closing it ("you broke the app, great job", "broke everything
        // lol nice work", "perfect timing"), its clause opened by punctuation or laughter.
        // A start so praised may name its period ("missed the bus, fantastic start to the week").
        func closingDeed() -> Bool {
            var d = n - 1
            while d > 0, n - d <= 3, !words[d].clauseStart, v.periodTail.contains(words[d].id) { d -= 1 }
            guard d >= 2, d == n - 1 || v.beginnings.contains(words[d].id) else { return false }
            return v.deeds.contains(words[d].id) && !words[d].clauseStart && v.deedPraise.contains(words[d - 1].id)
                && (words[d - 1].clauseStart || words[d - 2].id == v.laugh)
        }
        let closingPraise = n >= 3 && criticism <= -1 && contrastAt == nil && conceded.isEmpty
            && (words[n - 1].clauseStart && positives == 1 && v.exclaimedPraise.contains(words[n - 1].id)
                || n >= 4 && positives <= 1 && closingDeed())
        // Thanks or praise for trouble, or for nothing ("parabéns pela demora", "obrigado pelo
        // descaso", "thanks for the delay", "obrigado por nada"); not for trouble put right
        // ("obrigado pelo problema resolvido"), nor for a remedy ("obrigado pelo reembolso").
        func thankedForTrouble() -> Bool {
            for k in 0..<max(0, n - 2) where v.thankedFor.contains(words[k + 1].id) && !words[k + 1].clauseStart {
                guard let praise = listed(words[k].id, english: english), praise > 0 else { continue }
                var j = k + 2
                if j + 1 < n, words[j].id == v.the || v.has(words[j].id, Vocabulary.Role.link) { j += 1 }
                if words[j].clauseStart { continue }
                let last = j + 1 == n || words[j + 1].clauseStart
                if words[j].id == v.nada || words[j].id == v.nothing {
                    if last { return true }
                } else if let trouble = listed(words[j].id, english: english), trouble <= -1.5,
                    last || (listed(words[j + 1].id, english: english) ?? 0) <= 0
                {
                    return true
                }
            }
            return false
        }
        /// Love declared for a wait ("adorei a demora de 2 horas", "love the delay", "loving
        /// this wait"), or for a stay spent waiting ("amei ficar 40 minutos esperando",
        /// "loved sitting on hold for an hour").
        func lovedWait() -> Bool {
            for k in 0..<max(0, n - 2) where v.loving.contains(words[k].id) && !words[k + 1].clauseStart {
                if v.waitDeterminers.contains(words[k + 1].id) && !words[k + 2].clauseStart && v.waits.contains(words[k + 2].id) {
                    return true
                }
                if v.stays.contains(words[k + 1].id) {
                    for j in (k + 2)..<min(n, k + 8) {
                        if words[j].clauseStart { break }
                        if v.waiting.contains(words[j].id) { return true }
                    }
                }
            }
            return false
        }
        // Love for what went wrong, with no other praise: "love it when my flight gets
        // delayed", "adoro quando a internet cai", "I love how you lost my bag" ("amo quando
        // vocês acertam o pedido" praises).
        func lovedWhen() -> Bool {
            guard positives == 1, criticism <= -1.5 else { return false }
            for k in 0..<max(0, n - 2) where v.loving.contains(words[k].id) {
                let j = words[k + 1].id == v.lovedIt && !words[k + 1].clauseStart ? k + 2 : k + 1
                if !words[j].clauseStart, v.lovedWhens.contains(words[j].id) { return true }
            }
            return false
        }
        let sarcastic = text.sarcasmCue || words.contains { $0.id == v.sarcasm } || (applause && positives > 0 && criticism <= -1)
            || praiseThenCriticism || closingPraise || soQueNao || (positives > 0 && (thankedForTrouble() || lovedWait())) || lovedWhen()
        if sarcastic {
            total = -max(1.5, abs(total))
        } else if positives > 0 && negatives > 0 && words.contains(where: { $0.id == v.mais || $0.id == v.another }) && words.contains(where: { v.has($0.id, Vocabulary.Role.complaint) }) {
            total = min(total, -1.5)
        } else if portuguese, mixed, positives > 0, negatives > 0, total < 0, words.count >= 15 {
            // A long mixed message, a product review, whose criticism only just outweighs its
            // praise is lukewarm: three stars ("bom produto, mas a alça é bem fraquinha e …").
            // Short chat keeps its reading ("o produto é bom mas a entrega atrasou" reports
            // trouble), and so does English, whose tweets read otherwise (measured).
            total = min(0, total + 0.6)
        }
        return total / (total * total + 15).squareRoot()
    }

    /// Portuguese needs a little more criticism: its reviews give three stars to praise that a
    /// reservation only just outweighs ("produto bom, mas pena que é pequeno"), while one mild
    /// word of criticism alone still reads negative ("a médica nem olhou na minha cara").
    public static let portugueseNegativeThreshold = -0.1

    /// The label of `score`, read with the cuts of the message's language when it is given.
    public static func label(_ score: Double, language: String? = nil) -> String {
        let negativeAt = language == "pt" ? portugueseNegativeThreshold : negativeThreshold
        return score >= positiveThreshold ? "positive" : score <= negativeAt ? "negative" : "neutral"
    }
}
