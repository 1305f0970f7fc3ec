final class Vocabulary: Sendable {
    static let shared = Vocabulary(lexicon: .shared)

    static let portugueseWord: UInt8 = 1
    static let englishWord: UInt8 = 2
    static let spanishWord: UInt8 = 4
    /// Not a function word of any language, and listed by one sentiment lexicon only.
    static let portugueseLexiconOnly: UInt8 = 8
    static let englishLexiconOnly: UInt8 = 16

    /// The words' bytes, back to back, and where each starts and ends.
    let text: [UInt8]
    let bounds: [Range<Int>]
    /// Open addressing, capacity a power of two at least twice the words: each slot holds
    /// the upper 32 bits of the word's hash and its number + 1 (0 = empty), so a probe is
    /// one load from a table that stays in the first-level cache.
    private let slots: [UInt64]

    /// Per word: what it adds to each language's evidence (`LanguageDetector`), from its
    /// membership bits (`portugueseWord` …): 1 for a function word, 0.5 for a word only that
    /// language's sentiment lexicon lists (never both), so one add per language and no branch
    /// per bit.
    let languageEvidence: [(pt: Double, en: Double, es: Double)]
    /// Per word: valences (nan = not listed), closed classes.
    let valencePT: [Double]
    let valenceEN: [Double]
    let intensifier: [Double]
    let negation: [Bool]
    let contrast: [Bool]
    /// Chat abbreviations per language: word → its expansion's words.
    let expansionPT: [[Int32]]
    let expansionEN: [[Int32]]
    /// Two-word phrases with a valence, by their first word.
    let phrases: [[(second: Int32, valence: Double)]]
    /// Intent cues and topic cues, by their first word.
    let cues: PhraseTable<(intent: Int, weight: Double)>
    let topicCues: PhraseTable<Int>
    /// Per word, which of the lists above hold anything for it (`Starts`), so the hot loops
    /// read one byte instead of an array for the words that start nothing.
    let starts: [UInt8]

    enum Starts {
        static let phrase: UInt8 = 1
        static let cue: UInt8 = 2
        static let topic: UInt8 = 4
        static let expansionPT: UInt8 = 8
        static let expansionEN: UInt8 = 16
        /// Ends one of `exasperatedEndings` (not a start: the last word, read first).
        static let exasperatedEnd: UInt8 = 32
        /// One of `Lexicon.awaited`: an answer withheld is trouble ("ninguém me deu resposta").
        static let awaited: UInt8 = 64
        /// "se", "if", "whether": may open an indirect question after one of `wondering`.
        static let whether: UInt8 = 128
    }

    @inline(__always)
    func starts(_ id: Int32, _ what: UInt8) -> Bool { id >= 0 && starts[Int(id)] & what != 0 }

    let laugh: Int32
    let sarcasm: Int32
    let mais: Int32
    let another: Int32
    let nada: Int32
    /// English "i", which opens most English requests ("i want to cancel my plan").
    let i: Int32
    let nunca: Int32
    /// "direito": denied, something does not work properly ("não fecha direito").
    let direito: Int32
    /// Understanding, remembering: "não entendo direito" grasped too little; it reports no fault.
    let grasping: WordSet
    let never: Int32
    /// "no": a negation in English and Spanish, "in the" in Portuguese.
    let no: Int32
    /// "can't thank you enough": the negation emphasises.
    let enough: Int32
    /// "cancel my membership please": a request closed by "please".
    let please: Int32
    /// "não compro mais", "não compraria de novo", "never buying here again", "won't be back":
    /// custom withdrawn.
    let again: Int32
    let novo: Int32
    let novamente: Int32
    let back: Int32
    /// "é a última vez que compro aqui", "the last time I order from you": custom withdrawn.
    let ultima: Int32
    let vez: Int32
    let last: Int32
    let time: Int32
    /// "muito bom o atendimento só que não": sarcasm.
    let so: Int32
    let que: Int32
    let nao: Int32
    /// Words that ask even without a question mark ("qual o horário de sábado", "how much is it").
    let questionWords: WordSet
    /// "qual o melhor horário?", "what's the best time to call?": a question, not praise.
    let interrogatives: WordSet
    /// "a garantia cobre quebra?", "what if it arrives late?": trouble supposed, not reported.
    let hypothetical: WordSet
    /// "queria saber se", "não sei se", "wondering if": an indirect question, whose clause
    /// after it is asked or doubted, not stated ("queria saber se o seguro cobre roubo",
    /// "não sei se recomendo"). The verbs; the words that open the question after them are
    /// marked `Starts.whether`.
    let wondering: WordSet
    /// "nada melhor que…", "ninguém faz melhor", "não tem loja melhor", "there's no better
    /// place": nothing better exists, which praises. The words that deny any rival, the verbs
    /// of existence that may stand before them, and "than" ("it's no better than the old one"
    /// denies the improvement).
    let nobody: WordSet
    let existential: WordSet
    /// "sem", "nenhum", "zero": words that deny the trouble right after them without a verb
    /// of having ("até agora sem nenhum problema", "zero defeitos").
    let troubleDeniers: WordSet
    let than: Int32
    /// "nobody better touch my car": the "had better" of a threat, not a rival denied.
    let nobodyEnglish: Int32
    /// `Lexicon.declines`, as word pairs.
    let declines: [(Int32, Int32)]
    /// The two-word entries of `Lexicon.lukewarm`, as word pairs (the single words have
    /// `Role.lukewarm`).
    let lukewarmPairs: [(Int32, Int32)]
    /// "ingressos pro show de sábado": a show one goes to, after these, is no praise.
    let show: Int32
    let showDeterminers: WordSet
    /// "mas", and what shows a clause's opening "mais" misspelt for it (`Lexicon.afterMisspeltContrast`).
    let mas: Int32
    /// "já": a clause opening with it and an article sets its subject against the one before
    /// ("o atendimento foi ótimo, já o produto deixou a desejar").
    let ja: Int32
    let afterMisspeltContrast: WordSet
    /// o, a, os, as.
    let articles: WordSet
    /// `Lexicon.conditionVerbs`.
    let conditionVerbs: WordSet
    /// `Lexicon.supposing` and `Lexicon.supposed`.
    let supposing: WordSet
    let supposed: WordSet
    let esperava: Int32
    /// English expectations: "supposed" (to) and "expected" ("it was supposed to be free", "I
    /// expected better"); "as" and "than" before "expected" report the outcome ("arrived as
    /// expected", "better than expected").
    let supposedEN: Int32
    let expectedEN: Int32
    let asEN: Int32
    /// "cara", and the copulas that make it "dear" ("é cara", "ficou cara").
    let cara: Int32
    let priceCopulas: WordSet
    /// "pouco resistente", "pouca qualidade": praise denied, not softened as in "um pouco
    /// melhor" (an article before).
    let little: WordSet
    let indefinite: WordSet
    /// "pouco", "pouquinho", "bit", "little": after "um" or "a", they soften the word before
    /// ("incomoda um pouco", "hurts a bit").
    let aLittle: WordSet
    /// "pequeno", "minor", "slight": beside a flaw they make it a small one ("veio com um
    /// pequeno defeito", "a minor issue"); alone, "pequeno" is criticism of the size.
    let minor: WordSet
    /// "great", "awesome", "ótimo", "maravilha": praise exclaimed, which alone after criticism
    /// is sarcasm ("lost my bag again. awesome.").
    let exclaimedPraise: WordSet
    /// Praise of a deed (the exclaimed praise, or "good", "nice", "well", "bom", "belo", before
    /// "job", "work", "done", "one", "timing", "trabalho"), which closing criticism is sarcasm
    /// too ("you broke the app, great job", "lost my bag again. well done").
    let deedPraise: WordSet
    let deeds: WordSet
    /// "start", "começo", "início": deeds that may name their period after them ("fantastic
    /// start to the week", "ótimo começo de semana"), in words of `periodTail`.
    let beginnings: WordSet
    let periodTail: WordSet
    /// "certeza", "sure": denied, they doubt rather than criticise (their praise is not turned).
    let certain: WordSet
    /// "que melhorar", "precisa melhorar": room to improve, which denied praises.
    let melhorar: Int32
    /// Verbs of working or lasting in the past, and the short spans after which they stopped
    /// (`shortSpanAfter`).
    let lasting: WordSet
    let shortSpans: WordSet
    /// Tears of joy (`joyAfter`): the tears, the joys, the links before them, and laughter itself.
    let tears: WordSet
    let joys: WordSet
    let joyLinks: WordSet
    let laughing: WordSet
    /// "poderia ter um acabamento melhor", "could have been better": a wish for more or
    /// better is a reservation. After a modal (`Role.wish`), the words that may sit between
    /// (up to four), and the improvements.
    let wishFillers: WordSet
    let improvements: WordSet
    /// The improvements that follow their noun ("um acabamento melhor").
    let postposed: WordSet
    /// "não é o que eu pedi", "not what I ordered": what came denied as what was expected,
    /// ordered or paid for. The verbs, and the words before them.
    let expectedVerbs: WordSet
    let what: Int32
    let eu: Int32
    /// "pior", "worse": after a modal, denied it is the worst ("couldn't be worse"), granted
    /// it consoles ("could be worse").
    let worse: WordSet
    /// "melhor", "melhores": the best so far ("melhor episódio até agora") is no wait; before
    /// an infinitive, advice ("melhor dormir", "é melhor esperar", "melhor devolver"): a word
    /// in -ar or -ir not in `nounsLikeInfinitives` ("melhor lugar", "melhor celular"), or one
    /// of `infinitivesInER` (nouns end in -er too: "hambúrguer", "freezer"); before what one
    /// expected (`expectations`: "melhor do que eu esperava"), no lukewarm verdict.
    let bests: WordSet
    let nounsLikeInfinitives: WordSet
    let infinitivesInER: WordSet
    let expectations: WordSet
    /// "não tem como não gostar", "não dá pra não amar", "impossível não gostar", "impossible
    /// not to love it": no way not to (`noWayNot`).
    let impossible: WordSet
    let noWayLinks: WordSet
    /// "não precisa resolver agora": no need denied, no answer withheld.
    let needs: WordSet
    /// Words that put trouble right ("problema resolvido", "they fixed my issue"): the trouble
    /// beside them is no criticism.
    let solving: WordSet
    /// The verbs of will before a patronage infinitive (`Role.infinitivePatronage`).
    let willing: WordSet
    /// Will in English (and need in Portuguese) before a denied cancellation ("don't want to
    /// cancel", "não precisa cancelar"); what makes a cancellation one that befell ("foi
    /// cancelado", "was cancelled").
    let willingMore: WordSet
    let passive: WordSet
    let participles: WordSet
    /// A cancellation the customer already made, told as the time of what went wrong ("i was
    /// billed after i cancelled", "cobraram depois que eu cancelei"): "after" or "since" and
    /// "i"/"we", "depois que" and "eu", and the verb in the past.
    let doneCancelling: WordSet
    let afterwards: WordSet
    /// A cancellation someone else made ("a loja cancelou meu pedido", "they cancelled my
    /// flight"): the Portuguese verbs in the third person past, and the English subjects
    /// before the past.
    let cancelledByOthers: WordSet
    let otherSubjects: WordSet
    let we: Int32
    let depois: Int32
    let to: Int32
    /// como, qual, quanto, onde, posso: a short Portuguese message opening with one asks,
    /// with or without its question mark ("como faço pra cancelar minha assinatura"); so does
    /// "tem como".
    let askingPT: WordSet
    let tem: Int32
    let como: Int32
    /// "por favor": a closing plea (`asksPT`).
    let por: Int32
    let favor: Int32
    /// "vocês" and the verbs of what a business does: "vocês entregam em Niterói", "vcs aceitam
    /// vale refeição" ask, mark or not.
    let youPlural: WordSet
    let businessDoes: WordSet
    /// What "tem" opening a message asks after ("tem em outras cores", "tem esse no 42", "tem
    /// estacionamento").
    let haveAsked: WordSet
    /// "quanto", "quantos", "quantas": a question wherever they stand in a short message ("a
    /// entrega demora quanto tempo").
    let howMuch: WordSet
    /// The reader's well-being asked after a greeting ("oi tudo bom", "opa beleza"): `tudo`
    /// and what follows it, or `wellBeing` alone.
    let tudo: Int32
    let wellBeing: WordSet
    let wellBeingAlone: WordSet
    /// "bom dia", "boa tarde", "good morning": a greeting of two words.
    let dayGreeting: WordSet
    let dayParts: WordSet
    /// horas, a: "que horas", "até que horas" and "a que horas" ask too (`asksPT`).
    let horas: Int32
    let a: Int32
    /// know, saber: wanting to know something is a question, whatever else the message names.
    let knowing: WordSet
    /// What makes knowing wanted: to (want to, like to, need to), quero, queria, gostaria de.
    let wantingToKnow: WordSet
    /// What makes custom again a promise: the Portuguese verbs' own conditional, future or
    /// present ("compraria de novo", "voltarei mais vezes"), and English "would", "will"
    /// before the verb ("I'd definitely buy again").
    let promisingPT: WordSet
    let promisingEN: WordSet
    /// "era pra ter chegado ontem": what should have happened did not.
    let era: Int32
    let pra: WordSet
    let ter: Int32
    /// "embora" concedes only at a clause's start ("vou embora" leaves; `Role.concession`).
    let embora: Int32
    /// Exasperation that closes a message, some only in a question ("vai chegar ou não
    /// vai?", "isso não vai ficar assim", "so is it coming or not?").
    let exasperatedEndings: [(words: [Int32], question: Bool)]
    /// oi, hi, hello: a greeting that may open a message as its own clause.
    let greetings: WordSet
    /// "pelo", "pela", "por", "for": what thanks or praise is for ("obrigado pela demora").
    let thankedFor: WordSet
    /// "adorei a demora", "love the delay": love declared for a wait, which is sarcasm. The
    /// verbs, the article or demonstrative between, and the waits.
    let loving: WordSet
    /// "love it when", "adoro quando", "love how": what follows is loved, or, with no other
    /// praise and criticism there, mocked (`lovedWhen`).
    let lovedWhens: WordSet
    let lovedIt: Int32
    let waitDeterminers: WordSet
    let waits: WordSet
    /// "adorei ficar 40 minutos esperando", "loved sitting on hold for an hour": a stay the
    /// love is for, then (within six words) the waiting.
    let stays: WordSet
    let waiting: WordSet
    /// "for the delay", "for nothing", "por nada".
    let the: Int32
    let nothing: Int32
    /// "though": closing a clause, it contrasts that clause with what came before.
    let though: Int32
    /// "this", "that" ("never looked this good"): a degree before praise, as "so" is.
    let degreeDemonstratives: WordSet
    /// "better", "happier", "melhor": bare comparatives that a "never" before emphasises
    /// ("never felt better", "nunca esteve melhor"), unless a determiner makes them a rank
    /// ("nunca foi o melhor", "never my favorite" is no comparative here) or a comparison goes
    /// on ("than", "que", "do": "never better than the original").
    let bareComparatives: WordSet
    let rankDeterminers: WordSet
    let comparisonGoesOn: WordSet
    /// "do", "daquilo", "like" between "nada"/"nothing" and "que"/"what" ("nada do que eu
    /// esperava", "nothing like what I ordered").
    let ofWhat: WordSet
    /// The words of an apology for bothering ("desculpa incomodar", "desculpe o incômodo",
    /// "sorry to bother you", "sorry for the trouble"), and the words that open one.
    let courtesy: WordSet
    let apologies: WordSet
    /// "tá longe de ser bom", "far from good": a negation of two words.
    let longe: Int32
    let de: Int32
    /// "até agora", "até hoje": waiting, but "so far" before trouble denied ("até agora não
    /// tive problemas").
    let ate: Int32
    /// "veio sem o molho", "came without the sauce": something missing on arrival
    /// (`missingOnArrival`).
    let sem: Int32
    let without: Int32
    let arrivals: WordSet
    let anyOf: WordSet
    let up: Int32
    let showed: Int32
    /// "can't believe how …": the disbelief takes the valence of what follows.
    let believe: Int32
    let how: Int32
    let far: Int32
    let from: Int32
    /// `Lexicon.typoTargets` with the set of letters each uses (`letters(_:)`), grouped by
    /// first letter and length, and again by second letter and length (a slip may swap the
    /// first two): group `letter * 16 + length` is `typoTargets[typoGroups[g]..<typoGroups[g + 1]]`.
    let typoTargets: [(id: Int32, letters: UInt32)]
    let typoGroups: [Int32]
    /// Per word, the small closed classes it belongs to (`Role`), as bits.
    let roles: [UInt32]
    /// What each word's spelling says of its language (`Spelling.of`), read once here.
    let spellings: [UInt8]
    /// Per word: no sentiment rule reads it at its own turn (no valence in either language,
    /// no contrast, opens no phrase, wish, custom withdrawn, indirect question or awaited
    /// answer, nor one of the words the rules name there), so `SentimentAnalyzer` steps over
    /// it; the rules still read it as a neighbour of others. Most words of a message are.
    let quiet: [Bool]
    /// A word that would be quiet but opens a phrase ("at" of "at best", "conta" of "conta
    /// aumentou"), or is "sem"/"without" (`missingOnArrival`): `SentimentAnalyzer` steps
    /// over it too when none of its phrases follows and no arrival comes just before it.
    let phraseOnly: [Bool]

    // The two tables `SentimentAnalyzer` reads most, through a buffer: in its long scoring
    // function the arrays' subscripts were left as calls, one per word.

    /// Whether known word `id` is `quiet`.
    @inline(__always)
    func isQuiet(_ id: Int32) -> Bool { quiet.withUnsafeBufferPointer { $0[Int(id)] } }

    /// Whether known word `id` is `phraseOnly`.
    @inline(__always)
    func isPhraseOnly(_ id: Int32) -> Bool { phraseOnly.withUnsafeBufferPointer { $0[Int(id)] } }

    /// Known word `id`'s intensifier weight, or NaN when it is none.
    @inline(__always)
    func intensity(_ id: Int32) -> Double { intensifier.withUnsafeBufferPointer { $0[Int(id)] } }

    enum Role {
        /// a, o, de, da, do, me: may sit inside a phrase ("custo do beneficio", "ninguém me
        /// responde").
        static let link: UInt32 = 1
        /// Copulas and fillers that may sit between a negation and the negative word it
        /// turns ("não é ruim", "not that bad").
        static let copula: UInt32 = 2
        /// Makes what follows a wish or a condition ("would love", "seria ótimo se").
        static let conditional: UInt32 = 4
        /// atraso, problema, erro, vez, delay: with "mais" or "another", a complaint word
        /// around praise reads as sarcasm ("ótimo, mais um atraso", "great, another delay").
        static let complaint: UInt32 = 8
        /// Opens a request ("quero cancelar", "pode trocar").
        static let request: UInt32 = 16
        /// reclamar, complain: negated, they praise ("nada a reclamar", "can't complain").
        static let grievance: UInt32 = 32
        /// melhor, better, happier: after "could not be" they praise the most.
        static let comparative: UInt32 = 64
        /// can, could, poderia: "can't thank you enough", "não poderia ser melhor".
        static let modal: UInt32 = 128
        /// had, tive, deu, notei, any, outros, maiores: may sit, with links, between a negation
        /// and trouble that did not happen ("nunca tive problema", "nunca me deu problemas", "não
        /// observei outros problemas", "sem maiores problemas", "never had any issues").
        static let have: UInt32 = 256
        /// problema, issue, defeito: trouble a negation through `have` turns.
        static let trouble: UInt32 = 512
        /// fucking, goddamn: negative alone ("damn!"), only stress before another word.
        static let swearing: UInt32 = 1024
        /// compro, volto, order, shop: a customer's custom, which "não … mais" and "never …
        /// again" around it withdraw ("não compro mais aqui", "never ordering from you again").
        static let patronage: UInt32 = 2048
        /// how, is, are, what's, then do, much, long, many, there, your: English openers of a
        /// plain question ("how do i cancel tomorrow's appointment?", "is there a fee?",
        /// "what's your refund policy?"), as the first and the second word.
        static let inquiry: UInt32 = 4096
        static let inquiryNext: UInt32 = 8192
        /// sim, ok, beleza, tá bom, suave, yes, alright: a message of these alone answers, it
        /// does not praise.
        static let answer: UInt32 = 16384
        /// cancelar, cancel: a command opening a message is a request ("cancelar", "cancel my
        /// order #5521, I changed my mind"), not a grievance.
        static let command: UInt32 = 32768
        /// razoável, mediano, "mais ou menos", "pelo preço": a lukewarm verdict, which keeps
        /// a message of mild praise or criticism neutral (`Lexicon.lukewarm`).
        static let lukewarm: UInt32 = 1 << 16
        /// poderia, podia, could, should: before an improvement, a reservation ("poderia ter um
        /// acabamento melhor", "could have been better").
        static let wish: UInt32 = 1 << 17
        /// apesar, embora, despite: the clause they open is conceded ("apesar da demora").
        static let concession: UInt32 = 1 << 18
        /// comprar, voltar, usar: Portuguese custom withdrawn in the infinitive, after a verb of
        /// will ("não vou mais comprar aqui", "não quero usar de novo").
        static let infinitivePatronage: UInt32 = 1 << 19
        /// antes, no começo, used to … agora, hoje, depois, now: a later clause opening with a
        /// word of the present supersedes the earlier state, as a contrast does ("antes era
        /// bom, agora só piora", "I used to love it, now I hate it").
        static let earlier: UInt32 = 1 << 20
        static let present: UInt32 = 1 << 21
        /// cancelar, cancela, cancel: a cancellation cue word, which a negation or a denied will
        /// before it takes back (`cancellationDenied`), as does a past passive
        /// (`cancellationBefell`).
        static let cancelling: UInt32 = 1 << 22
    }

    @inline(__always)
    func has(_ id: Int32, _ role: UInt32) -> Bool { id >= 0 && roles[Int(id)] & role != 0 }

    /// The tables while they are filled.
    private struct Builder {
        var text: [UInt8] = []
        var bounds: [Range<Int>] = []
        var numbers: [String: Int32] = [:]
        var languages: [UInt8] = []
        var valencePT: [Double] = []
        var valenceEN: [Double] = []
        var intensifier: [Double] = []
        var negation: [Bool] = []
        var contrast: [Bool] = []
        var expansionPT: [[Int32]] = []
        var expansionEN: [[Int32]] = []
        var phrases: [[(second: Int32, valence: Double)]] = []
        var cues: [[(rest: [Int32], payload: (intent: Int, weight: Double))]] = []
        var topicCues: [[(rest: [Int32], payload: Int)]] = []

        mutating func add(_ word: String) -> Int32 {
            if let id = numbers[word] { return id }
            let id = Int32(bounds.count)
            numbers[word] = id
            bounds.append(text.count..<(text.count + word.utf8.count))
            text.append(contentsOf: word.utf8)
            languages.append(0)
            valencePT.append(.nan)
            valenceEN.append(.nan)
            intensifier.append(.nan)
            negation.append(false)
            contrast.append(false)
            expansionPT.append([])
            expansionEN.append([])
            phrases.append([])
            cues.append([])
            topicCues.append([])
            return id
        }

        /// The lookup table of every word added.
        func table() -> [UInt64] {
            var capacity = 64
            while capacity < bounds.count * 2 { capacity *= 2 }
            var slots = [UInt64](repeating: 0, count: capacity)
            text.withUnsafeBufferPointer { text in
                for (id, range) in bounds.enumerated() {
                    let h = Vocabulary.hash(UnsafeBufferPointer(rebasing: text[range]))
                    var slot = Int(truncatingIfNeeded: h) & (capacity - 1)
                    while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
                    slots[slot] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
                }
            }
            return slots
        }
    }

    init(lexicon: Lexicon) {
        var b = Builder()
        func id(_ word: String) -> Int32 { b.add(word) }
        func ids(_ phrase: String) -> [Int32] { phrase.split(separator: " ").map { id(String($0)) } }

        for (set, bit) in [(LanguageDetector.portuguese, Self.portugueseWord), (LanguageDetector.english, Self.englishWord), (LanguageDetector.spanish, Self.spanishWord)] {
            for word in set.sorted() { b.languages[Int(id(word))] |= bit }
        }
        for (word, value) in (lexicon.valence["pt"] ?? [:]).sorted(by: { $0.key < $1.key }) { b.valencePT[Int(id(word))] = value }
        for (word, value) in (lexicon.valence["en"] ?? [:]).sorted(by: { $0.key < $1.key }) { b.valenceEN[Int(id(word))] = value }
        for k in b.languages.indices where b.languages[k] == 0 && b.valencePT[k].isNaN != b.valenceEN[k].isNaN {
            b.languages[k] = b.valenceEN[k].isNaN ? Self.portugueseLexiconOnly : Self.englishLexiconOnly
        }
        for (word, value) in Lexicon.intensifiers.sorted(by: { $0.key < $1.key }) { b.intensifier[Int(id(word))] = value }
        for word in Lexicon.negations.sorted() { b.negation[Int(id(word))] = true }
        for word in Lexicon.contrast.sorted() { b.contrast[Int(id(word))] = true }
        for (language, table) in Lexicon.abbreviations.sorted(by: { $0.key < $1.key }) {
            for (word, expansion) in table.sorted(by: { $0.key < $1.key }) {
                let key = Int(id(word))
                let words = expansion.map { id($0) }
                if language == "pt" { b.expansionPT[key] = words } else if language == "en" { b.expansionEN[key] = words }
            }
        }
        for (phrase, value) in Lexicon.phrases.sorted(by: { $0.key < $1.key }) {
            let words = ids(phrase)
            guard words.count == 2 else { continue }
            b.phrases[Int(words[0])].append((words[1], value))
        }
        for (phrase, (intent, weight)) in IntentClassifier.cueList {
            let words = ids(phrase)
            guard let first = words.first, let index = IntentClassifier.intents.firstIndex(of: intent) else { continue }
            b.cues[Int(first)].append((Array(words.dropFirst()), (index, weight)))
        }
        for (topic, entry) in TopicExtractor.table.enumerated() {
            for phrase in entry.cues {
                let words = ids(phrase)
                guard let first = words.first else { continue }
                b.topicCues[Int(first)].append((Array(words.dropFirst()), topic))
            }
        }
        var grouped: [(group: Int, id: Int32, letters: UInt32)] = []
        for word in Lexicon.typoTargets {
            let bytes = Array(word.utf8)
            precondition(bytes.count >= 5 && bytes.count < 16, "typo targets have 5 to 15 letters: \(word)")
            let (target, letters) = (id(word), bytes.withUnsafeBufferPointer { Self.letters($0) })
            grouped.append((Int(bytes[0]) * 16 + bytes.count, target, letters))
            if bytes[1] != bytes[0] { grouped.append((Int(bytes[1]) * 16 + bytes.count, target, letters)) }
        }
        grouped.sort { ($0.group, $0.id) < ($1.group, $1.id) }
        var groups = [Int32](repeating: 0, count: 256 * 16 + 1)
        for entry in grouped { groups[entry.group + 1] += 1 }
        for g in 1..<groups.count { groups[g] += groups[g - 1] }
        typoTargets = grouped.map { ($0.id, $0.letters) }
        typoGroups = groups
        laugh = id("<laugh>")
        sarcasm = id("<sarcasm>")
        mais = id("mais")
        another = id("another")
        nada = id("nada")
        i = id("i")
        nunca = id("nunca")
        direito = id("direito")
        grasping = WordSet(["entendo", "entendeu", "entenderam", "entender", "lembro"].map { id($0) })
        never = id("never")
        no = id("no")
        enough = id("enough")
        please = id("please")
        again = id("again")
        novo = id("novo")
        novamente = id("novamente")
        back = id("back")
        ultima = id("ultima")
        vez = id("vez")
        last = id("last")
        time = id("time")
        so = id("so")
        que = id("que")
        nao = id("nao")
        let interrogativeWords = ["qual", "quais", "what's", "whats", "what", "which"]
        interrogatives = WordSet(interrogativeWords.map { id($0) })
        questionWords = WordSet((interrogativeWords + ["quanto", "quanta", "quantos", "quantas", "onde", "where", "how"]).map { id($0) })
        hypothetical = WordSet([
            "if", "caso", "cover", "covers", "cobre", "cobrem",
            // Asking whether the business mends, sells or takes back something, or treats an
            // ailment: the trouble is the service's object ("vocês consertam tela quebrada?",
            // "do you sell cat food for kidney problems?", "remédio pra dor de cabeça?").
            "conserta", "consertam", "vende", "vendem", "trocar", "trocam", "remover", "tratam", "remedio", "remedios",
            "fix", "repair", "repairs", "sell", "return", "remove", "treat", "treats", "medicine",
        ].map { id($0) })
        wondering = WordSet(
            ["saber", "sei", "sabe", "sabem", "dizer", "diz", "diga", "informar", "informa", "know", "wonder", "wondering", "wondered", "tell"]
                .map { id($0) })
        let whether = ["se", "if", "whether"].map { id($0) }
        nobody = WordSet(["nada", "ninguem", "nenhum", "nenhuma", "nothing", "nobody", "none"].map { id($0) })
        existential = WordSet(["tem", "ha", "existe", "existem", "tinha", "havia"].map { id($0) })
        troubleDeniers = WordSet(["sem", "nenhum", "nenhuma", "zero"].map { id($0) })
        than = id("than")
        nobodyEnglish = id("nobody")
        declines = Lexicon.declines.map { pair in
            let words = pair.split(separator: " ").map { id(String($0)) }
            return (words[0], words[1])
        }
        lukewarmPairs = Lexicon.lukewarm.compactMap { entry in
            let words = entry.split(separator: " ").map { id(String($0)) }
            return words.count == 2 ? (words[0], words[1]) : nil
        }
        show = id("show")
        showDeterminers = WordSet(["o", "os", "pro", "pros", "do", "dos", "no", "nos", "ao", "aos", "esse", "desse", "nesse"].map { id($0) })
        mas = id("mas")
        ja = id("ja")
        afterMisspeltContrast = WordSet(Lexicon.afterMisspeltContrast.map { id($0) })
        articles = WordSet(["o", "a", "os", "as"].map { id($0) })
        conditionVerbs = WordSet(Lexicon.conditionVerbs.map { id($0) })
        supposing = WordSet(Lexicon.supposing.map { id($0) })
        supposed = WordSet(Lexicon.supposed.map { id($0) })
        esperava = id("esperava")
        supposedEN = id("supposed")
        expectedEN = id("expected")
        asEN = id("as")
        cara = id("cara")
        priceCopulas = WordSet(["e", "eh", "foi", "era", "sao", "esta", "estava", "ficou", "fica", "veio", "achei", "acho"].map { id($0) })
        little = WordSet(["pouco", "pouca"].map { id($0) })
        indefinite = WordSet(["um", "uma"].map { id($0) })
        aLittle = WordSet(["pouco", "pouquinho", "bit", "little"].map { id($0) })
        minor = WordSet(["pequeno", "pequena", "pequenos", "pequenas", "small", "minor", "slight", "tiny"].map { id($0) })
        melhorar = id("melhorar")
        let exclaimed = [
            "great", "awesome", "perfect", "fantastic", "wonderful", "lovely", "brilliant", "amazing", "excellent", "superb",
            "otimo", "otima", "maravilha", "perfeito", "perfeita", "excelente", "show", "beleza", "maravilhoso",
        ]
        exclaimedPraise = WordSet(exclaimed.map { id($0) })
        deedPraise = WordSet((exclaimed + ["good", "nice", "well", "bom", "belo"]).map { id($0) })
        deeds = WordSet(["job", "work", "done", "one", "timing", "start", "trabalho", "comeco", "inicio"].map { id($0) })
        beginnings = WordSet(["start", "comeco", "inicio"].map { id($0) })
        periodTail = WordSet([
            "to", "the", "my", "this", "de", "do", "da", "day", "week", "weekend", "morning", "year", "month", "semana", "dia",
            "ano", "mes", "manha",
        ].map { id($0) })
        certain = WordSet(["certeza", "sure"].map { id($0) })
        lasting = WordSet(
            ["funcionou", "funcionaram", "durou", "duraram", "aguentou", "aguentaram", "worked", "lasted"].map { id($0) })
        shortSpans = WordSet([
            "dia", "dias", "semana", "semanas", "mes", "meses", "vez", "hora", "horas", "minutos",
            "day", "days", "week", "weeks", "month", "months", "once", "hour", "hours", "minutes",
        ].map { id($0) })
        tears = WordSet([
            "chorar", "chorei", "chorando", "chorou", "choro", "chorava", "lagrimas", "morri", "morrendo", "morrer",
            "cry", "cried", "crying", "cries", "tears", "dying", "died", "dead",
        ].map { id($0) })
        joys = WordSet(["emocao", "alegria", "felicidade", "rir", "joy", "laughter", "laughing"].map { id($0) })
        joyLinks = WordSet(["de", "of", "for"].map { id($0) })
        laughing = WordSet(["laughing", "rindo"].map { id($0) })
        wishFillers = WordSet([
            "ser", "ter", "vir", "sido", "estar", "com", "um", "uma", "pouco", "bem", "muito", "durar", "custar",
            "be", "been", "have", "a", "bit", "little", "lot", "much", "way", "last", "cost",
        ].map { id($0) })
        improvements = WordSet([
            "melhor", "melhores", "melhorar", "mais", "maior", "maiores", "menor", "menores", "menos",
            "better", "improve", "improved", "more", "less", "bigger", "longer", "faster", "cheaper",
        ].map { id($0) })
        postposed = WordSet(["melhor", "melhores", "maior", "maiores", "menor", "menores"].map { id($0) })
        worse = WordSet(["pior", "piores", "worse"].map { id($0) })
        bests = WordSet(["melhor", "melhores"].map { id($0) })
        impossible = WordSet(["impossivel", "impossible"].map { id($0) })
        noWayLinks = WordSet(["como", "pra", "para"].map { id($0) })
        nounsLikeInfinitives = WordSet([
            "lugar", "celular", "jantar", "mulher", "colher", "talher", "prazer", "lazer", "poder", "acucar", "olhar",
            "luar", "altar", "radar", "militar", "familiar", "popular", "escolar", "particular", "regular", "similar",
            "titular", "exemplar", "colar", "secular", "auxiliar", "solar", "bar",
        ].map { id($0) })
        infinitivesInER = WordSet([
            "ter", "ser", "ver", "ler", "fazer", "comer", "beber", "correr", "devolver", "escolher", "vender", "esquecer",
            "aprender", "resolver", "conhecer", "perder", "receber", "escrever", "trazer", "dizer", "saber", "manter",
            "esconder", "responder", "mexer", "entender", "desfazer", "refazer", "crer", "sofrer", "viver",
        ].map { id($0) })
        expectations = WordSet(["esperava", "esperavamos", "imaginava", "imaginavamos", "pensava", "achava", "esperado", "imaginado"].map { id($0) })
        expectedVerbs = WordSet([
            "esperava", "pedi", "comprei", "encomendei", "queria", "solicitei", "paguei", "contratei", "escolhi",
            "expected", "ordered", "asked", "paid", "wanted", "bought", "requested", "chose",
        ].map { id($0) })
        what = id("what")
        eu = id("eu")
        embora = id("embora")
        needs = WordSet(["precisa", "precisam", "preciso", "precisamos", "need", "needs"].map { id($0) })
        solving = WordSet([
            "resolvido", "resolvida", "resolvidos", "resolvidas", "resolveu", "resolveram", "solucionado", "solucionada",
            "solucionou", "solucionaram", "sanado", "sanada", "corrigido", "corrigida", "corrigiram",
            "resolved", "solved", "fixed", "sorted",
        ].map { id($0) })
        willing = WordSet(["vou", "vamos", "quero", "queremos", "pretendo", "irei", "iremos"].map { id($0) })
        willingMore = WordSet(["want", "wanna", "need", "going", "gonna", "mean", "preciso", "precisa"].map { id($0) })
        // Not English "is" ("make sure my reservation is canceled" asks for it).
        passive = WordSet(["foi", "foram", "ta", "esta", "estava", "estao", "was", "were", "been", "got"].map { id($0) })
        participles = WordSet(["cancelado", "cancelada", "cancelados", "canceladas", "cancelled", "canceled"].map { id($0) })
        doneCancelling = WordSet(["cancelled", "canceled", "cancelei", "cancelamos"].map { id($0) })
        afterwards = WordSet(["after", "since", "que"].map { id($0) })
        cancelledByOthers = WordSet(["cancelou", "cancelaram"].map { id($0) })
        otherSubjects = WordSet(["they", "you", "he", "she", "u"].map { id($0) })
        we = id("we")
        depois = id("depois")
        to = id("to")
        askingPT = WordSet(["como", "qual", "quais", "quanto", "quanta", "quantos", "quantas", "quando", "onde", "posso"].map { id($0) })
        tem = id("tem")
        como = id("como")
        por = id("por")
        favor = id("favor")
        youPlural = WordSet(["voces", "voce"].map { id($0) })
        businessDoes = WordSet([
            "tem", "fazem", "faz", "trabalham", "trabalha", "aceitam", "aceita", "entregam", "entrega", "atendem", "atende",
            "vendem", "vende", "abrem", "abre", "consertam", "conserta", "fecham", "oferecem", "parcelam", "parcela", "emitem",
        ].map { id($0) })
        haveAsked = WordSet([
            "em", "no", "na", "esse", "essa", "este", "esta", "desse", "dessa", "outra", "outro", "outras", "outros",
            "disponivel", "desconto", "opcao", "vaga", "vagas", "estacionamento", "horario", "algum", "alguma",
        ].map { id($0) })
        howMuch = WordSet(["quanto", "quantos", "quantas"].map { id($0) })
        tudo = id("tudo")
        wellBeing = WordSet(["bem", "bom", "certo", "joia", "tranquilo", "beleza"].map { id($0) })
        wellBeingAlone = WordSet(["beleza", "joia", "tranquilo"].map { id($0) })
        dayGreeting = WordSet(["bom", "boa", "good"].map { id($0) })
        dayParts = WordSet(["dia", "tarde", "noite", "morning", "afternoon", "evening"].map { id($0) })
        horas = id("horas")
        a = id("a")
        knowing = WordSet(["know", "saber"].map { id($0) })
        wantingToKnow = WordSet(["to", "quero", "queria", "gostaria", "de"].map { id($0) })
        promisingPT = WordSet([
            "compro", "compramos", "comprarei", "compraria", "voltarei", "voltaria", "voltaremos", "pedirei", "pediria",
            "indicarei", "indicaria", "recomendarei", "recomendaria", "contratarei", "contrataria",
        ].map { id($0) })
        promisingEN = WordSet(["would", "will", "i'd", "i'll", "we'd", "we'll", "id", "definitely", "gladly", "happily", "totally"].map { id($0) })
        era = id("era")
        pra = WordSet(["pra", "para"].map { id($0) })
        ter = id("ter")
        exasperatedEndings = [
            ("ou nao", true), ("ou nao vai", true), ("ou nao vem", true), ("tudo de novo", true), ("nao vai ficar assim", false),
            ("or not", true), ("all over again", false), ("not going to fly", false), ("treat me", true),
            ("treat your customers", true), ("and nothing", false), ("still nothing", false),
        ].map { (ids($0), $1) }
        let awaited = Lexicon.awaited.map { id($0) }
        greetings = WordSet(["oi", "ola", "opa", "oie", "oii", "eae", "eai", "hi", "hello", "hey", "hiya"].map { id($0) })
        longe = id("longe")
        de = id("de")
        ate = id("ate")
        believe = id("believe")
        sem = id("sem")
        without = id("without")
        arrivals = WordSet([
            "veio", "vieram", "chegou", "chegaram", "entregaram", "entregou", "mandaram", "enviaram",
            "came", "arrived", "delivered", "up",
        ].map { id($0) })
        anyOf = WordSet(["nenhum", "nenhuma", "qualquer", "any", "single"].map { id($0) })
        up = id("up")
        showed = id("showed")
        how = id("how")
        thankedFor = WordSet(["pelo", "pela", "pelos", "pelas", "por", "for"].map { id($0) })
        loving = WordSet(["adorei", "amei", "adoro", "amo", "adorando", "amando", "love", "loved", "loving"].map { id($0) })
        lovedWhens = WordSet(["when", "how", "quando"].map { id($0) })
        lovedIt = id("it")
        waitDeterminers = WordSet(["o", "a", "os", "as", "essa", "esse", "esta", "este", "the", "this"].map { id($0) })
        waits = WordSet(["demora", "atraso", "atrasos", "fila", "delay", "delays", "wait", "lag"].map { id($0) })
        stays = WordSet(["ficar", "passar", "sitting", "being", "spending", "standing", "staying"].map { id($0) })
        waiting = WordSet(["esperando", "aguardando", "fila", "espera", "hold", "waiting", "queue"].map { id($0) })
        the = id("the")
        nothing = id("nothing")
        though = id("though")
        degreeDemonstratives = WordSet(["this", "that"].map { id($0) })
        bareComparatives = WordSet(["better", "happier", "melhor"].map { id($0) })
        rankDeterminers = WordSet(
            ["the", "my", "your", "our", "o", "a", "os", "as", "meu", "minha", "seu", "sua", "nosso", "nossa"].map { id($0) })
        comparisonGoesOn = WordSet(["than", "que", "do"].map { id($0) })
        ofWhat = WordSet(["do", "daquilo", "like"].map { id($0) })
        courtesy = WordSet([
            "desculpa", "desculpe", "desculpas", "perdao", "incomodar", "incomodo", "o", "pelo", "por", "te", "lhe", "mais", "uma",
            "vez", "sorry", "to", "bother", "bothering", "you", "for", "the", "trouble", "again", "hate",
        ].map { id($0) })
        apologies = WordSet(["desculpa", "desculpe", "desculpas", "perdao", "sorry"].map { id($0) })
        far = id("far")
        from = id("from")
        let members: [(UInt32, [String])] = [
            (Role.link, ["a", "o", "de", "da", "do", "me"]),
            (Role.copula, [
                "e", "eh", "foi", "era", "ser", "sao", "ta", "esta", "estava", "ficou", "fica", "achei", "acho", "pareceu", "parece",
                "is", "was", "be", "are", "were", "that", "as", "seem", "seems", "seemed", "it", "it's", "too", "a", "the", "o", "um", "uma",
            ]),
            (Role.conditional, ["would", "could", "if", "wish", "seria", "estaria", "ficaria", "gostaria", "poderia", "tomara", "i'd", "you'd"]),
            (Role.complaint, ["atraso", "problema", "erro", "vez", "delay", "delays", "problem", "issue", "error"]),
            (Role.request, [
                "quero", "queria", "gostaria", "pode", "poderia", "preciso", "aguardo", "please", "pls", "want", "need", "wanna", "i'd",
            ]),
            (Role.command, ["cancelar", "cancela", "cancele", "cancel"]),
            (Role.lukewarm, Lexicon.lukewarm.filter { !$0.contains(" ") }),
            (Role.wish, ["poderia", "poderiam", "podia", "podiam", "deveria", "deveriam", "could", "should"]),
            (Role.concession, ["apesar", "despite", "embora"]),
            (Role.earlier, ["antes", "comeco", "inicio", "used"]),
            (Role.present, ["agora", "hoje", "depois", "now"]),
            (Role.infinitivePatronage, [
                "comprar", "voltar", "pedir", "indicar", "recomendar", "assistir", "contratar", "usar", "utilizar", "confiar",
            ]),
            (Role.grievance, [
                "reclamar", "reclamacao", "reclamacoes", "queixa", "queixas", "queixar", "complain", "complaint", "complaints",
                "complaining",
                // "não vai se arrepender", "não me arrependi", "you won't regret it".
                "arrependi", "arrependo", "arrepender", "arrependera", "arrependeu", "arrependam", "arrependido", "arrependida",
                "regret", "regrets",
                // "nunca me decepcionou", "I was never disappointed".
                "decepcionou", "decepciona", "decepcionado", "decepcionada", "decepcionei", "decepcionaram", "decepcionam",
                "decepcionados", "decepcionadas", "disappointed", "disappoint", "disappoints",
            ]),
            (Role.comparative, ["melhor", "melhores", "better", "happier", "best", "favorite", "favourite", "favorito", "favorita", "preferido", "preferida", "supera", "superam"]),
            (Role.modal, [
                "can", "could", "can't", "cant", "cannot", "couldn't", "couldnt", "could've", "couldve", "poderia", "podia", "pode",
                "daria",
            ]),
            (Role.have, [
                "tive", "tivemos", "tenho", "tem", "teve", "tinha", "houve", "deu", "deram", "dava", "apresentou", "apresentaram",
                "notei", "observei", "percebi", "qualquer", "outro", "outros", "outra", "outras", "grandes", "maiores",
                "had", "have", "has", "any", "notice", "noticed", "experienced", "major", "other", "single",
            ]),
            (Role.swearing, Lexicon.swearing.keys.sorted()),
            (Role.patronage, [
                "compro", "comprarei", "compramos", "volto", "voltarei", "voltamos", "peco", "pedirei", "pedimos", "indico",
                "indicarei", "recomendo", "recomendarei", "assisto", "confio", "piso", "contrato", "contratarei", "compraria", "voltaria",
                "indicaria", "recomendaria", "voltaremos", "pediria", "contrataria",
                "order", "ordering", "buy", "buying", "shop", "shopping", "fly", "flying", "book", "booking", "recommend",
                "return", "returning", "come", "coming", "eat", "stay", "staying", "deal", "dealing", "back",
            ]),
            (Role.inquiry, ["how", "is", "are", "what's", "whats"]),
            (Role.inquiryNext, ["do", "much", "long", "many", "there", "your", "the"]),
            (Role.answer, [
                "sim", "ok", "okay", "certo", "beleza", "ta", "esta", "bom", "bem", "entao", "entendi", "combinado", "pode", "ser",
                "suave", "tranquilo",
                "yes", "yeah", "yep", "alright", "right", "then", "sure", "fine", "cool",
            ]),
            (Role.cancelling, [
                "cancelar", "cancela", "cancele", "cancelem", "cancelo", "cancelado", "cancelada", "cancelados", "canceladas",
                "cancelamento", "cancel", "cancelling", "canceling", "cancellation", "cancelled", "canceled",
                "cancelou", "cancelaram",
            ]),
            (Role.trouble, [
                "problema", "problemas", "problem", "problems", "issue", "issues", "defeito", "defeitos", "erro", "erros",
                "trouble",
            ]),
        ]
        var roleIDs: [(UInt32, Int32)] = []
        for (role, words) in members { for word in words { roleIDs.append((role, id(word))) } }
        text = b.text
        bounds = b.bounds
        slots = b.table()
        languageEvidence = b.languages.map { member in
            (
                pt: member & Self.portugueseWord != 0 ? 1 : member & Self.portugueseLexiconOnly != 0 ? 0.5 : 0,
                en: member & Self.englishWord != 0 ? 1 : member & Self.englishLexiconOnly != 0 ? 0.5 : 0,
                es: member & Self.spanishWord != 0 ? 1 : 0
            )
        }
        valencePT = b.valencePT
        valenceEN = b.valenceEN
        intensifier = b.intensifier
        negation = b.negation
        contrast = b.contrast
        expansionPT = b.expansionPT
        expansionEN = b.expansionEN
        phrases = b.phrases
        cues = PhraseTable(b.cues)
        topicCues = PhraseTable(b.topicCues)
        var roles = [UInt32](repeating: 0, count: b.bounds.count)
        for (role, id) in roleIDs { roles[Int(id)] |= role }
        self.roles = roles
        spellings = b.bounds.map { range in b.text[range].withUnsafeBufferPointer { Spelling.of($0) } }
        var starts: [UInt8] = (0..<b.bounds.count).map { id -> UInt8 in
            (b.phrases[id].isEmpty ? 0 : Starts.phrase) | (b.cues[id].isEmpty ? 0 : Starts.cue) | (b.topicCues[id].isEmpty ? 0 : Starts.topic)
                | (b.expansionPT[id].isEmpty ? 0 : Starts.expansionPT) | (b.expansionEN[id].isEmpty ? 0 : Starts.expansionEN)
        }
        for ending in exasperatedEndings { starts[Int(ending.words[ending.words.count - 1])] |= Starts.exasperatedEnd }
        for word in awaited { starts[Int(word)] |= Starts.awaited }
        for word in whether { starts[Int(word)] |= Starts.whether }
        self.starts = starts
        // Everything `SentimentAnalyzer` reads of a word at its own turn; a word with none of
        // it is quiet.
        let special: Set<Int32> = [esperava, supposedEN, expectedEN, que, ter, cara, nunca, show, direito]
        let read = Role.wish | Role.patronage | Role.infinitivePatronage | Role.lukewarm
        let opens = Starts.phrase | Starts.whether | Starts.awaited
        let expected = expectedVerbs
        let lasting = self.lasting
        // Quiet but for opening a phrase: 1 when quiet, 2 when only a phrase (or, for "sem" and
        // "without", an arrival before them) keeps it from it.
        let missing: Set<Int32> = [sem, without]
        let kinds = (0..<b.bounds.count).map { k -> UInt8 in
            let unvalued = (b.valencePT[k].isNaN || b.valencePT[k] == 0) && (b.valenceEN[k].isNaN || b.valenceEN[k] == 0)
            let unread = roles[k] & read == 0 && starts[k] & (opens & ~Starts.phrase) == 0 && !lasting.contains(Int32(k))
            guard unvalued && unread && !b.contrast[k] && !expected.contains(Int32(k)) && !special.contains(Int32(k)) else { return 0 }
            return starts[k] & Starts.phrase == 0 && !missing.contains(Int32(k)) ? 1 : 2
        }
        quiet = kinds.map { $0 == 1 }
        phraseOnly = kinds.map { $0 == 2 }
    }

    /// FNV-1a over the bytes, 64 bits.
    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func hash(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100_0000_01b3 }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = hashSeed
        for b in bytes { h = hash(h, b) }
        return h
    }

    /// The word's number, or -1 when the analyzers do not know it.
    @inline(__always)
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 { lookup(bytes, hash: Self.hash(bytes)) }

    /// The same with the bytes' `hash` computed already.
    @inline(__always)
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int32 {
        let tag = h & 0xFFFF_FFFF_0000_0000
        return slots.withUnsafeBufferPointer { slots in
            text.withUnsafeBufferPointer { stored in
                bounds.withUnsafeBufferPointer { bounds in
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: h) & mask
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return -1 }
                        if entry & 0xFFFF_FFFF_0000_0000 == tag {
                            let id = Int(entry & 0xFFFF_FFFF) - 1
                            let range = bounds[id]
                            if range.count == bytes.count && memoryEqual(stored.baseAddress! + range.lowerBound, bytes.baseAddress, bytes.count) {
                                return Int32(id)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether "sem"/"without" at `i` names something missing on arrival ("veio sem o molho",
    /// "o pedido chegou sem a tampa", "came without the charger", "showed up without the
    /// sauce"): an arrival in the past just before (what a product comes without, "vem sem
    /// juros", describes it), and after it (past one article) a word of no valence that is no
    /// trouble. "chegou sem defeito", "arrived without a scratch", "veio sem nenhum arranhão"
    /// deny trouble instead, and negation reads them.
    func missingOnArrival<Words: RandomAccessCollection<Token>>(at i: Int, in words: Words) -> Bool where Words.Index == Int {
        guard i >= 1, i + 1 < words.count, arrivals.contains(words[i - 1].id), !words[i].clauseStart else { return false }
        if words[i - 1].id == up, !(i >= 2 && words[i - 2].id == showed) { return false }
        var k = i + 1
        if k + 1 < words.count, has(words[k].id, Role.link) || has(words[k].id, Role.copula), !words[k + 1].clauseStart {
            k += 1
        }
        let thing = words[k].id
        guard !words[k].clauseStart, !anyOf.contains(thing), !has(thing, Role.trouble) else { return false }
        return thing < 0 || valencePT[Int(thing)].isNaN && valenceEN[Int(thing)].isNaN
    }

    /// The known word an unknown ASCII word of five letters or more is one typing slip from:
    /// a letter added, dropped or two neighbours swapped, or (seven letters or more) one
    /// letter wrong. -1 when there is none.
    func correction(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard word.count >= 5 && word.count <= 14 else { return -1 }
        // Targets of one letter fewer, as many or one more, under the same first letter.
        let base = Int(word[0]) * 16
        let first = Int(typoGroups[base + word.count - 1])
        let end = Int(typoGroups[base + word.count + 2])
        guard first < end else { return -1 }
        // One slip changes at most two letters of the set a word uses, so most unknown
        // words (names, tags) are turned away without comparing their bytes.
        let letters = Self.letters(word)
        for k in first..<end where (typoTargets[k].letters ^ letters).nonzeroBitCount <= 2 {
            let id = typoTargets[k].id
            let found = text.withUnsafeBufferPointer { stored in
                Self.oneSlip(word, UnsafeBufferPointer(rebasing: stored[bounds[Int(id)]]))
            }
            if found { return id }
        }
        return -1
    }

    /// The letters a word uses, one bit each (a-z; anything else shares one bit).
    @inline(__always)
    static func letters(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var set: UInt32 = 0
        for b in word { set |= b >= 0x61 && b <= 0x7A ? 1 << UInt32(b - 0x61) : 1 << 31 }
        return set
    }

    /// `a` and `b` differ by one insertion, deletion, swap of neighbours, or (both seven
    /// letters or more) substitution, before their last letter.
    static func oneSlip(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let (m, n) = (a.count, b.count)
        guard abs(m - n) <= 1 else { return false }
        var i = 0
        while i < min(m, n) && a[i] == b[i] { i += 1 }
        @inline(__always) func same(_ x: Int, _ y: Int) -> Bool {
            var (x, y) = (x, y)
            while x < m && y < n {
                if a[x] != b[y] { return false }
                x += 1
                y += 1
            }
            return x == m && y == n
        }
        // A different last letter, or one more or fewer at the end, is another form of the
        // word ("compras", "purchased", "terribly"), not a slip.
        guard m == n ? i < m - 1 : i < min(m, n) else { return false }
        if m == n {
            if a[i] == b[i + 1] && a[i + 1] == b[i] && same(i + 2, i + 2) { return true }
            return m >= 7 && same(i + 1, i + 1)
        }
        return m > n ? same(i + 1, i) : same(i, i + 1)
    }

    /// Where the negation stands that denies the trouble word at `i` through a verb of having
    /// or happening, in its clause, with only links between ("nunca tive problema", "não tive
    /// nenhum problema", "nunca me deu problemas", "never had any issues", "had no problems"),
    /// or right before it with only deniers between (`troubleDeniers`: "sem nenhum problema",
    /// "zero defeitos"); nil when nothing denies it so, or the negation sits in a condition
    /// ("vou ver se não tem problema") or denies no having ("não é problema da rede").
    func troubleDenial<Words: RandomAccessCollection<Token>>(at i: Int, in words: Words) -> Int? where Words.Index == Int {
        var had = false
        var negator: Int?
        // Only deniers stand between this word and the trouble ("sem nenhum problema").
        var adjacent = true
        for back in 1...4 where i - back >= 0 {
            if words[i - back + 1].clauseStart { break }
            let w = words[i - back].id
            if troubleDeniers.contains(w) {
                // "sem (nenhum) problema", "nenhum defeito", "zero erros": trouble denied as it
                // is named, with no verb of having.
                negator = i - back
                if adjacent { had = true }
                continue
            }
            adjacent = false
            if has(w, Role.have) {
                had = true
            } else if w >= 0, negation[Int(w)] {
                negator = i - back
            } else if !has(w, Role.link) {
                break
            }
        }
        guard had, let negator, !(negator > 0 && starts(words[negator - 1].id, Starts.whether)) else { return nil }
        return negator
    }

    /// Whether the purchase cue at `i` is denied: a negation before it in its clause, past a
    /// verb of will and "to" ("I didn't buy this", "não quero comprar", "don't want to buy");
    /// not Portuguese "no" ("in the"), nor a modal's ("can't": a purchase that cannot go through).
    func purchaseDenied(at i: Int, in words: [Token]) -> Bool {
        var k = i - 1
        while k >= 0, !words[k + 1].clauseStart {
            let w = words[k].id
            if w >= 0, negation[Int(w)] { return w != no && !has(w, Role.modal) }
            guard i - k < 3, w == to || willing.contains(w) || willingMore.contains(w) else { return false }
            k -= 1
        }
        return false
    }

    /// Whether joy or laughter follows the word at `i` in its clause: "laughing" or "rindo"
    /// right after, or "de/of/for" with "emoção", "alegria", "rir", "joy", "laughter" within
    /// three words.
    func joyAfter<Words: RandomAccessCollection<Token>>(_ i: Int, in words: Words) -> Bool where Words.Index == Int {
        var k = i + 1
        while k < min(words.count, i + 4), !words[k].clauseStart {
            let w = words[k].id
            if laughing.contains(w) { return k == i + 1 }
            if joyLinks.contains(w), k + 1 < words.count, !words[k + 1].clauseStart, joys.contains(words[k + 1].id) { return true }
            k += 1
        }
        return false
    }

    /// Whether the negation at `n` follows "impossível" or a denied "tem como", "dá pra" ("não
    /// tem como não gostar", "impossível não amar", "impossible not to love"): it does not
    /// deny, it insists. The index of "impossível" comes back too, whose own criticism the
    /// praise takes back.
    func noWayNot<Words: RandomAccessCollection<Token>>(_ n: Int, in words: Words) -> (insists: Bool, impossible: Int?) where Words.Index == Int {
        guard n >= 1, !words[n].clauseStart else { return (false, nil) }
        let before = words[n - 1].id
        if impossible.contains(before) { return (true, n - 1) }
        guard noWayLinks.contains(before), n >= 3, !words[n - 1].clauseStart, !words[n - 2].clauseStart else { return (false, nil) }
        let denied = words[n - 3].id
        return (denied >= 0 && negation[Int(denied)] && denied != no, nil)
    }

    /// Whether a short span follows the verb at `i` within three words of its clause
    /// ("funcionou por 2 dias", "durou só uma semana", "worked for a week", "worked once").
    func shortSpanAfter<Words: RandomAccessCollection<Token>>(_ i: Int, in words: Words) -> Bool where Words.Index == Int {
        var k = i + 1
        while k < min(words.count, i + 4), !words[k].clauseStart {
            if shortSpans.contains(words[k].id) { return true }
            k += 1
        }
        return false
    }

    /// Whether the deniers from `k` deny the trouble word after them as it is named ("sem
    /// nenhum problema", "zero defeitos"): `troubleDenial` of that word finds `k`.
    func troubleDeniedAhead<Words: RandomAccessCollection<Token>>(at k: Int, in words: Words) -> Bool where Words.Index == Int {
        guard k < words.count, !words[k].clauseStart else { return false }
        var t = k
        while t < words.count, troubleDeniers.contains(words[t].id) { t += 1 }
        return t > k && t < words.count && has(words[t].id, Role.trouble) && troubleDenial(at: t, in: words) == k
    }

    /// Whether the cancellation word at `i` tells of one that befell ("meu voo foi cancelado",
    /// "my flight was cancelled"; asked, with the subject between: "why was my flight
    /// cancelled"), one someone else made ("a loja cancelou meu pedido", "they cancelled my
    /// flight"), or one the customer already made, told as the time of the trouble ("i was
    /// billed after i cancelled"): no request to cancel.
    func cancellationBefell(at i: Int, in words: [Token]) -> Bool {
        if doneCancelling.contains(words[i].id), i >= 2, !words[i].clauseStart, !words[i - 1].clauseStart,
            words[i - 1].id == self.i || words[i - 1].id == eu || words[i - 1].id == we,
            afterwards.contains(words[i - 2].id), words[i - 2].id != que || (i >= 3 && words[i - 3].id == depois)
        {
            return true
        }
        if cancelledByOthers.contains(words[i].id) { return true }
        if doneCancelling.contains(words[i].id), i >= 1, !words[i].clauseStart, otherSubjects.contains(words[i - 1].id) { return true }
        guard participles.contains(words[i].id) else { return false }
        for back in 1...3 where i - back >= 0 {
            if words[i - back + 1].clauseStart { return false }
            if passive.contains(words[i - back].id) { return true }
        }
        return false
    }

    /// Whether the cancellation word at `i` is denied ("não quero cancelar", "não cancela",
    /// "don't want to cancel"): no request to cancel.
    func cancellationDenied(at i: Int, in words: [Token]) -> Bool {
        var k = i - 1
        guard k >= 0, !words[k + 1].clauseStart else { return false }
        // "want to cancel": the "to" stands between.
        if words[k].id == to, k > 0, !words[k].clauseStart { k -= 1 }
        // Not Portuguese "no" ("problema no cancelamento").
        func denies(_ id: Int32) -> Bool { id >= 0 && negation[Int(id)] && id != no }
        if denies(words[k].id) { return true }
        guard willing.contains(words[k].id) || willingMore.contains(words[k].id), k > 0, !words[k].clauseStart else { return false }
        return denies(words[k - 1].id)
    }

    /// The length of an apology for bothering that opens the message as a clause of its own,
    /// or before a contrast ("desculpa incomodar, mas…", "sorry to bother you, but…"); 0 when
    /// there is none. It says nothing of the writer's mood.
    func apologyLength(_ words: UnsafeBufferPointer<Token>) -> Int {
        guard let first = words.first, apologies.contains(first.id) else { return 0 }
        var k = 1
        while k < words.count, !words[k].clauseStart, courtesy.contains(words[k].id) { k += 1 }
        return k == words.count || words[k].clauseStart || (words[k].id >= 0 && contrast[Int(words[k].id)]) ? k : 0
    }

    /// Where what a message says begins after a greeting in a clause of its own: 1 after one
    /// word ("oi, como faço…"), 2 after a time of day ("boa noite, vocês tem…", "good morning,
    /// how do I…"), else 0.
    func greetingLead<Words: RandomAccessCollection>(_ words: Words) -> Int where Words.Element == Token, Words.Index == Int {
        let k = greetingLength(words)
        return k > 0 && words.count > k + 1 && words[k].clauseStart ? k : 0
    }

    /// How many words a greeting opening the message (or starting at word `k`) takes: 1 ("oi",
    /// "hello"), 2 for a time of day ("boa noite", "good morning"), else 0.
    func greetingLength<Words: RandomAccessCollection>(_ words: Words, at k: Int = 0) -> Int where Words.Element == Token, Words.Index == Int {
        guard k < words.count else { return 0 }
        if greetings.contains(words[k].id) { return 1 }
        return k + 1 < words.count && dayGreeting.contains(words[k].id) && dayParts.contains(words[k + 1].id) ? 2 : 0
    }

    /// Where what a message says begins after the greetings that open it, however many it
    /// stacks, with or without punctuation ("oi, boa tarde! vocês abrem domingo?", "oi boa
    /// tarde tem estacionamento", "oi, tudo bem? queria saber…", "hello, good morning. do you
    /// deliver?"); 0 when it opens with none. Something always follows.
    func afterGreetings(_ words: [Token]) -> Int {
        var k = 0
        while true {
            var length = greetingLength(words, at: k)
            // After a greeting, one asking after the reader ("tudo bem", "beleza").
            if length == 0, k > 0 { length = askingAfterLength(words, at: k) }
            guard length > 0, k + length < words.count else { return k }
            k += length
        }
    }

    /// Whether a short Portuguese message asks with or without its question mark: it opens,
    /// after any greeting, with a question word ("como faço pra cancelar minha assinatura",
    /// "tem como cancelar", "até que horas funciona o delivery hoje"), with "tem" and what a
    /// shop is asked for, or with "vocês" and what a business does; it holds "quanto" or "que
    /// horas" further on ("o técnico vem que horas"); or a greeting asks after the reader.
    func asksPT<Words: RandomAccessCollection>(_ words: Words) -> Bool where Words.Element == Token, Words.Index == Int {
        // A closing "por favor" ("pfv") does not make a question longer.
        let pleading = words.count > 2 && words[words.count - 2].id == por && words[words.count - 1].id == favor ? 2 : 0
        guard !words.isEmpty, words.count - pleading <= 8 else { return false }
        let lead = greetingLead(words)
        func next(_ k: Int, _ word: Int32) -> Bool { lead + k < words.count && words[lead + k].id == word }
        func nextIn(_ set: WordSet) -> Bool { lead + 1 < words.count && set.contains(words[lead + 1].id) }
        let first = words[lead].id
        if askingPT.contains(first) || first == tem && (next(1, como) || nextIn(haveAsked)) || first == que && next(1, horas)
            || (first == ate || first == a) && next(1, que) && next(2, horas) || youPlural.contains(first) && nextIn(businessDoes)
        {
            return true
        }
        for k in (lead + 1)..<words.count where howMuch.contains(words[k].id) || words[k].id == que && k + 1 < words.count && words[k + 1].id == horas {
            return true
        }
        return greetsAskingPT(words)
    }

    /// Whether a short Portuguese message opens with a greeting and asks after the reader ("oi
    /// tudo bom", "opa, beleza", "bom dia, tudo certo por aí"): a question, mark or not.
    func greetsAskingPT<Words: RandomAccessCollection>(_ words: Words) -> Bool where Words.Element == Token, Words.Index == Int {
        guard words.count <= 8 else { return false }
        let k = greetingLength(words)
        return k > 0 && askingAfterLength(words, at: k) > 0
    }

    /// How many words, from word `k`, ask after the reader: 2 for "tudo" and how it is ("tudo
    /// bem", "tudo certo"), 1 for "beleza", "joia" or "tranquilo" alone, else 0.
    func askingAfterLength<Words: RandomAccessCollection>(_ words: Words, at k: Int) -> Int where Words.Element == Token, Words.Index == Int {
        guard k < words.count else { return 0 }
        if words[k].id == tudo { return k + 1 < words.count && wellBeing.contains(words[k + 1].id) ? 2 : 0 }
        return wellBeingAlone.contains(words[k].id) ? 1 : 0
    }

    /// Whether the message wants to know something ("I'd like to know the price", "queria
    /// saber o valor"), not "I don't know how to order" or "let me know".
    func wantsToKnow(_ words: [Token]) -> Bool {
        words.indices.contains { i in i > 0 && knowing.contains(words[i].id) && wantingToKnow.contains(words[i - 1].id) }
    }

    /// The bytes of word `id`.
    func bytes(_ id: Int32) -> ArraySlice<UInt8> { text[bounds[Int(id)]] }
}

@inline(__always)
func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
    guard let b else { return count == 0 }
    var i = 0
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}

/// A set of words: one bit per vocabulary word, so membership is one load where an array of
/// word numbers would be searched word by word (the rules ask it for most words of a message).
struct WordSet: Sendable {
    private let bits: [UInt64]

    init(_ words: [Int32]) {
        var bits = [UInt64](repeating: 0, count: Int(words.max() ?? -1) / 64 + 1)
        for word in words where word >= 0 { bits[Int(word) / 64] |= 1 << UInt64(word % 64) }
        self.bits = bits
    }

    @inline(__always)
    func contains(_ word: Int32) -> Bool {
        let slot = Int(word) >> 6
        return word >= 0 && slot < bits.count && bits[slot] & (1 << UInt64(word & 63)) != 0
    }
}

/// Phrases by their first word, with what each one stands for, in one flat table: reading
/// them retains no array per word or per phrase.
struct PhraseTable<Payload: Sendable>: Sendable {
    /// Word `w`'s phrases are `entries[first[w]..<first[w + 1]]`; an entry's words after the
    /// first are `rest[entry.rest]`.
    private let first: [Int32]
    private let entries: [(rest: Range<Int32>, payload: Payload)]
    private let rest: [Int32]

    init(_ byFirst: [[(rest: [Int32], payload: Payload)]]) {
        var first: [Int32] = [0]
        var entries: [(rest: Range<Int32>, payload: Payload)] = []
        var rest: [Int32] = []
        for phrases in byFirst {
            for phrase in phrases {
                entries.append((Int32(rest.count)..<Int32(rest.count + phrase.rest.count), phrase.payload))
                rest += phrase.rest
            }
            first.append(Int32(entries.count))
        }
        (self.first, self.entries, self.rest) = (first, entries, rest)
    }

    /// Calls `body` with the payload and the number of later words of each phrase of the
    /// word at `i` that the next words complete, in the order they were listed.
    @inline(__always)
    func forEachMatch(at i: Int, in words: [Token], _ body: (Payload, Int) -> Void) {
        let id = Int(words[i].id)
        guard id >= 0 else { return }
        for e in Int(first[id])..<Int(first[id + 1]) {
            let entry = entries[e]
            let count = entry.rest.count
            guard i + count < words.count else { continue }
            var k = 0
            while k < count && words[i + 1 + k].id == rest[Int(entry.rest.lowerBound) + k] { k += 1 }
            if k == count { body(entry.payload, count) }
        }
    }
}
