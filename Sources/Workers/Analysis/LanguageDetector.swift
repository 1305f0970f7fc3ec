/// Tells Portuguese, English and Spanish apart from function words, the letters only one
/// of them uses, and words only one language's sentiment lexicon lists. Chat messages are
/// short, so every cue counts; with none, the answer is Portuguese, the language of most
/// traffic.
public enum LanguageDetector {
    static let portuguese: Set<String> = [
        "nao", "voce", "voces", "vc", "vcs", "que", "pra", "para", "com", "uma", "um", "os", "as", "do", "da", "dos", "das", "no",
        "na", "nos", "nas", "em", "e", "eu", "meu", "minha", "meus", "minhas", "seu", "sua", "ele", "ela", "isso", "esse", "essa",
        "este", "esta", "ta", "to", "tem", "tinha", "foi", "ser", "estou", "estava", "muito", "mt", "mais", "mas", "porque", "pq",
        "quando", "onde", "como", "ate", "ja", "tambem", "tb", "bem", "so", "agora", "hoje", "obrigado", "obrigada", "obg", "oi",
        "ola", "tudo", "nada", "ainda", "entao", "aqui", "la", "ao", "pelo", "pela", "sem", "sim", "produto", "entrega", "pedido",
        "chegou", "recebi", "comprei", "gostei", "bom", "boa", "otimo", "ruim", "qualidade", "prazo", "veio", "quero", "preciso",
        "consigo", "vou", "fiz", "dia", "dias", "kkk", "kkkk", "q", "n", "blz", "vlw", "cade", "ne", "dele", "dela", "sao", "esta",
        "estao", "voltar", "pagamento", "cartao", "boleto", "pix", "senha", "entrar", "conta", "atendimento", "recomendo", "lindo",
        "o", "me", "quanto", "quanta", "fica", "pro", "num", "numa", "tava", "ficou", "vale", "pena", "demais", "ajuda", "loja",
        "caiu", "novo", "nova", "consulta", "fatura", "entregador", "atendente", "ve", "manda", "gente", "agradecemos",
        // The commonest words of all: "de" is Spanish too, "a" English and Spanish too, so
        // they only weigh against the language that lacks them.
        "de", "a", "queria", "gostaria", "poderia", "podia",
    ]
    static let english: Set<String> = [
        "the", "a", "an", "and", "or", "but", "you", "your", "i", "my", "me", "we", "our", "is", "are", "was", "were", "be", "been",
        "have", "has", "had", "do", "does", "did", "not", "no", "to", "of", "in", "on", "at", "for", "with", "it", "its", "this",
        "that", "what", "how", "when", "where", "why", "can", "could", "would", "will", "should", "just", "so", "very", "get", "got",
        "from", "they", "them", "there", "here", "please", "thanks", "thank", "hi", "hello", "hey", "good", "great", "bad", "flight",
        "order", "account", "card", "need", "want", "help", "don't", "can't", "i'm", "it's", "is", "am", "if", "about", "out",
        "up", "all", "any", "some", "again", "still", "now", "today", "time", "customer", "service", "money", "like", "love",
        "u", "ur", "im", "dont", "cant", "lol", "been", "being", "by", "he", "she", "his", "her", "who", "which", "than", "then",
        // Chat words that stand alone in short messages.
        "thx", "thnx", "ty", "tysm", "tks", "cheers", "greetings", "yeah", "yep", "nope", "sorry", "bye", "morning", "evening",
        "take", "know", "buy", "pay", "much", "many", "long", "tell", "make", "let", "really", "sure", "thats", "whats",
        // Customer-service words no Portuguese message uses ("wrong item delivered", "super
        // fast delivery"); loanwords Brazilians use (app, link, delivery, item) stay out.
        "wrong", "items", "shipping", "shipped", "ship", "refund", "refunded", "password", "unsubscribe", "package", "bill",
        "invoice", "store", "open", "opened", "tracking", "works", "working", "worked", "broken", "damaged", "charged",
        "charge", "cancel", "cancelled", "canceled", "late", "delay", "delayed", "delays", "waiting", "wait", "waited", "reply",
        "call", "called", "calling", "back", "phone", "price", "free", "upgrade", "subscription", "membership", "appointment",
        "book", "booked", "address", "change", "payment", "received", "arrived", "never", "awesome", "perfect", "condition",
        "size", "new", "yet", "since", "yesterday", "tomorrow", "week", "weeks", "month", "day", "days", "hours", "hour",
        "minutes", "ago", "first", "last", "next", "few", "ever", "done", "found", "someone", "anyone", "nobody", "everyone",
        "everything", "nothing", "something", "ask", "asked", "answer", "answers", "told", "said", "say", "right", "sent",
        "send", "gate", "bag", "bags", "baggage", "luggage", "plane", "seat", "seats", "crew", "landed", "airport", "happy",
        "night", "weather", "slow", "fast", "best", "worst", "better", "worse", "nice", "cool", "fine", "well", "way", "work",
        "home", "even", "only", "also", "because", "after", "before", "over", "into", "off", "us", "their", "these", "those",
        "more", "most", "other", "same", "too", "every", "must", "might", "won't", "didn't", "doesn't", "isn't",
        "wasn't", "haven't", "i've", "i'll", "you're", "we're", "they're", "there's", "let's", "gonna", "wanna", "gotta",
        "hate", "suck", "sucks", "pls", "plz", "youre", "tyvm", "wassup", "fam", "bless", "heaps", "below", "above", "maybe",
        "agent", "test", "later", "kinda", "sorta", "tbh", "ngl", "lowkey", "rn", "gotcha",
        // Past forms and chat words of short complaints ("took ages to arrive", "paid twice", "no luck").
        "took", "paid", "twice", "luck", "arrive", "arriving", "ages", "came", "bought", "ordered", "tried", "went", "gave",
        "made", "left", "once", "lost", "stuck", "soon",
    ]
    static let spanish: Set<String> = [
        "el", "los", "las", "del", "y", "es", "por", "muy", "pero", "como", "usted", "ustedes", "hola", "gracias", "quiero",
        "necesito", "tengo", "cuando", "donde", "porque", "tambien", "nada", "todo", "esta", "este", "eso", "hay", "mi", "su",
        "de", "a",
        "yo", "soy", "estoy", "bueno", "buena", "pedido", "cuenta", "ayuda", "dinero", "hoy", "ya", "algo", "mucho", "poco",
        // Words of chat to a business that neither Portuguese nor English writes so.
        "buenos", "buenas", "noches", "llego", "llega", "llegar", "llegado", "llamar", "llamo", "cuesta", "cuanto", "cuanta",
        "cuantos", "quisiera", "puedo", "puede", "pueden", "tiene", "tienen", "necesita", "hacer", "ayudar", "manana",
        "tarjeta", "ahora", "entonces", "todavia", "hasta", "mismo", "nuevo", "nueva", "bien", "perfecto", "senor", "senora",
        "gustaria", "recibi", "recibido", "enviaron", "adios", "disculpe", "disculpa", "lo", "muchas", "muchos", "con", "una",
        "uno",
    ]

    public static func detect(_ text: NormalizedText) -> String {
        let vocabulary = Vocabulary.shared
        var pt = Double(text.portugueseMarks) * 1.5
        var en = 0.0
        var es = Double(text.spanishMarks) * 2
        vocabulary.languageEvidence.withUnsafeBufferPointer { evidence in
            for token in text.tokens {
                // A function word counts 1 for each language that has it; a word only one
                // language's sentiment lexicon lists leans towards it ("terrible", "yikes";
                // "péssimo"), by half as much.
                if token.id >= 0 {
                    let word = evidence[Int(token.id)]
                    pt += word.pt
                    en += word.en
                    es += word.es
                }
                let spelling = token.spelling
                if spelling != 0 {
                    if spelling & Spelling.apostrophe != 0 { en += 0.5 }
                    if spelling & Spelling.portugueseSuffix != 0 { pt += 0.5 }
                    if spelling & Spelling.englishSuffix != 0 { en += 0.4 }
                    if spelling & Spelling.spanishSuffix != 0 || spelling & Spelling.ado != 0 && es > pt { es += 0.3 }
                }
            }
        }
        if text.laughter && pt == en {
            if text.englishLaughter { en += 0.5 } else { pt += 0.5 }
        }
        if es > pt && es > en { return "es" }
        if en > pt { return "en" }
        return "pt"
    }
}

extension UnsafeBufferPointer<UInt8> {
    @inline(__always)
    func equals(_ word: StaticString) -> Bool {
        count == word.utf8CodeUnitCount && memoryEqual(word.utf8Start, baseAddress, count)
    }

    @inline(__always)
    func hasSuffix(_ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard count >= n else { return false }
        return memoryEqual(suffix.utf8Start, baseAddress! + (count - n), n)
    }
}
