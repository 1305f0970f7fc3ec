import Foundation

/// The word lists of the analyzers: sentiment valences (package resources, loaded once) and
/// the small closed classes (negations, intensifiers, contrast words, abbreviations, emoji).
public struct Lexicon: Sendable {
    public let valence: [String: [String: Double]]

    /// Loaded once from `Resources/sentiment_<lang>.tsv`.
    public static let shared = Lexicon()

    init() {
        var valence: [String: [String: Double]] = [:]
        for language in ["pt", "en"] {
            var table: [String: Double] = [:]
            if let url = Bundle.module.url(forResource: "sentiment_\(language)", withExtension: "tsv", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "sentiment_\(language)", withExtension: "tsv"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            {
                for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                    let parts = line.split(separator: "\t")
                    if parts.count == 2, let value = Double(parts[1]) { table[String(parts[0])] = value }
                }
            }
            valence[language] = table
        }
        valence["es"] = valence["pt"]
        self.valence = valence
    }

    /// Words that flip what follows.
    static let negations: Set<String> = [
        "nao", "nunca", "jamais", "nem", "nenhum", "nenhuma", "sem", "ninguem", "n", "naum", "nada",
        "not", "no", "never", "none", "nobody", "nothing", "without", "neither", "nor", "isn't", "wasn't", "aren't",
        "don't", "doesn't", "didn't", "can't", "couldn't", "won't", "wouldn't", "shouldn't", "haven't", "hasn't", "cannot",
        "dont", "doesnt", "didnt", "cant", "wont", "isnt", "wasnt", "aint",
    ]
    static let intensifiers: [String: Double] = [
        "muito": 0.35, "mt": 0.35, "mto": 0.35, "super": 0.4, "demais": 0.35, "extremamente": 0.5, "bastante": 0.3, "tao": 0.3,
        "totalmente": 0.35, "completamente": 0.35, "mega": 0.35, "hiper": 0.4, "absolutamente": 0.4, "bem": 0.2, "mais": 0.1,
        "very": 0.35, "really": 0.3, "so": 0.25, "extremely": 0.5, "totally": 0.35, "absolutely": 0.4,
        "incredibly": 0.45, "such": 0.25, "pretty": 0.3, "too": 0.2, "completely": 0.35, "truly": 0.3, "most": 0.25, "more": 0.1,
        "pouco": -0.4, "pouca": -0.4, "meio": -0.35, "levemente": -0.4, "quase": -0.3, "slightly": -0.4, "kinda": -0.35, "somewhat": -0.35,
        "barely": -0.5, "little": -0.3, "bit": -0.3,
    ].merging(swearing) { kept, _ in kept }
    /// Swearing before a word mostly stresses it ("fucking great", "my goddamn card"): these
    /// are intensifiers there, and keep their lexicon valence only alone ("damn!").
    static let swearing: [String: Double] = [
        "fucking": 0.4, "fuckin": 0.4, "fking": 0.4, "goddamn": 0.4, "damn": 0.3, "freaking": 0.35, "frigging": 0.35,
        "bloody": 0.3,
    ]
    static let contrast: Set<String> = ["mas", "porem", "entretanto", "contudo", "todavia", "but", "however", "although", "though", "yet"]
    /// Verbs in the subjunctive that, after "se", make a condition of what follows in the
    /// clause ("se for bom eu compro mais", "se funcionar direitinho eu volto").
    static let conditionVerbs: [String] = [
        "for", "forem", "fosse", "fossem", "der", "derem", "desse", "tiver", "tiverem", "tivesse", "estiver", "estivesse",
        "funcionar", "funcionasse", "gostar", "gostarem", "chegar", "chegarem", "puder", "quiser", "precisar", "servir", "ficar",
    ]
    /// "achei que seria", "pensei que fosse": praise in the clause after is what was expected,
    /// not what came ("achei que seria bom, mas é chato"); `supposing` are the expecting
    /// verbs, `supposed` the verbs after "que" that suppose.
    static let supposing: [String] = ["achei", "pensei", "imaginei", "acreditava", "achava", "pensava", "imaginava", "esperava", "jurava"]
    static let supposed: [String] = [
        "seria", "seriam", "estaria", "estariam", "fosse", "fossem", "viria", "viriam", "viesse", "viessem", "teria", "tivesse",
        "iria", "ia", "daria", "chegaria", "funcionaria", "faria",
    ]
    /// Words that, after "mais" opening a clause, show it misspelt for "mas" ("bom produto,
    /// mais fiquem atentos às cores", "Mais a entrega foi muito ruim"); "mais um atraso",
    /// "mais de 20 dias", "mais barato" keep "mais".
    static let afterMisspeltContrast: [String] = [
        "o", "a", "os", "as", "eu", "ele", "ela", "eles", "elas", "voce", "nao", "no", "na", "nem",
        "queria", "quero", "fiquem", "fique", "tem", "tenho", "como", "infelizmente", "ainda", "agora",
        "isso", "esse", "essa", "pelo", "pela", "acho", "achei", "parece", "veio", "chegou", "vale", "mesmo",
    ]

    /// Chat abbreviations, per language.
    static let abbreviations: [String: [String: [String]]] = [
        "pt": [
            "vc": ["voce"], "vcs": ["voces"], "pq": ["porque"], "obg": ["obrigado"], "obgd": ["obrigado"], "obgda": ["obrigada"],
            "blz": ["beleza"], "td": ["tudo"], "tds": ["todos"], "msm": ["mesmo"], "mt": ["muito"], "mto": ["muito"], "mta": ["muita"],
            "tb": ["tambem"], "tbm": ["tambem"], "tmb": ["tambem"], "q": ["que"], "n": ["nao"], "naum": ["nao"], "hj": ["hoje"],
            "cmg": ["comigo"], "ngm": ["ninguem"], "vlw": ["valeu"], "pfv": ["por", "favor"], "pf": ["por", "favor"],
            "pfvr": ["por", "favor"], "qdo": ["quando"], "qnd": ["quando"], "agr": ["agora"], "dps": ["depois"], "msg": ["mensagem"],
            "kd": ["cade"], "tmj": ["tamo", "junto"], "sqn": ["<sarcasm>"], "mds": ["meu", "deus"], "aff": ["aff"], "ctz": ["certeza"],
            "cel": ["celular"], "pdc": ["pode", "crer"], "flw": ["falou"], "bjs": ["beijos"], "qro": ["quero"], "gde": ["grande"], "qnto": ["quanto"],
            "qto": ["quanto"], "qta": ["quanta"], "qtos": ["quantos"], "qtas": ["quantas"], "qts": ["quantos"], "oq": ["o", "que"],
            "qm": ["quem"], "qq": ["qualquer"], "nd": ["nada"], "dnv": ["de", "novo"], "vdd": ["verdade"], "hrs": ["horas"],
            "fds": ["fim", "de", "semana"],
        ],
        "en": [
            "sarcasm": ["<sarcasm>"], "sarcastic": ["<sarcasm>"], "u": ["you"], "ur": ["your"], "r": ["are"], "thx": ["thanks"], "thnx": ["thanks"], "ty": ["thank", "you"], "tysm": ["thanks"],
            "pls": ["please"], "plz": ["please"], "idk": ["i", "don't", "know"], "im": ["i'm"], "bc": ["because"], "cuz": ["because"],
            "gr8": ["great"], "nvm": ["never", "mind"], "luv": ["love"], "b4": ["before"], "tmrw": ["tomorrow"], "msg": ["message"], "acct": ["account"],
        ],
    ]

    /// Words that carry an intent or strong sentiment, which an unknown word one typing slip
    /// away is read as ("cancfel" -> "cancel", "edlete" -> "delete", "padsword" ->
    /// "password", "pessino" -> "pessimo"). Five letters or more.
    static let typoTargets: [String] = [
        "cancel", "cancelled", "canceled", "cancelling", "canceling", "cancellation", "delete", "deleting", "account",
        "refund", "refunds", "reimbursement", "password", "purchase", "order", "orders", "delivery", "deliver", "delivered",
        "package", "subscription", "invoice", "receipt", "address", "payment", "shipping", "tracking", "compensation",
        "complaint", "terrible", "horrible", "excellent", "amazing", "awesome", "recommend", "disappointed", "problem",
        "broken", "damaged", "customer", "service", "thanks", "please",
        "cancelar", "cancelamento", "reembolso", "estorno", "entrega", "entregue", "pedido", "senha", "obrigado",
        "obrigada", "pessimo", "pessima", "otimo", "otima", "excelente", "horrivel", "recomendo", "problema", "atendimento",
        "pagamento", "boleto", "cartao", "produto", "comprar", "assinatura", "devolucao", "reclamacao", "parabens", "chegou",
        "recebi", "demora", "atrasado", "atrasou",
    ]

    /// Slips in the chat itself, not grievances ("mandei a foto errada", "wrong pic, ignore
    /// that", "my bad"): no valence here, and chat not for the business in `IntentClassifier`.
    static let slips = [
        "mensagem errada", "wrong message", "pessoa errada", "contato errado", "wrong person", "foto errada", "arquivo errado",
        "wrong pic", "wrong picture", "wrong photo", "wrong file", "wrong window", "wrong tab", "janela errada", "aba errada",
        "ignore that", "ignore this", "ignore it", "pode ignorar", "wrong voice", "wrong audio", "never mind", "my bad",
        "wrong group", "wrong chat", "grupo errado", "chat errado", "conversa errada", "foi engano", "mandei errado",
        "enviei errado",
    ]

    /// What a customer waits to be given: no valence alone ("aguardo retorno"), trouble when
    /// denied ("ninguém me deu resposta", "não tive retorno", "never got a reply"). So is being
    /// told: what a listing or a shop left unsaid ("o anúncio não informa a voltagem", "não foi
    /// informado o prazo", "ninguém me avisou", "i was never notified").
    static let awaited = [
        "resposta", "respostas", "retorno", "posicionamento", "posicao", "previsao", "solucao", "noticia", "noticias",
        "informa", "informam", "informou", "informaram", "informado", "informada", "informacao", "informacoes",
        "avisou", "avisaram", "avisado", "avisada", "ajuda", "ajudam", "ajudaram",
        // Calls and answers not returned ("ninguém me ligou de volta", "nobody replied").
        "respondeu", "responderam", "retornou", "retornaram", "ligou", "ligaram",
        // Parcels that never arrive ("os pedidos não chegaram", "não está chegando"); "não
        // chegou" and "não chega" are phrases.
        "chegam", "chegaram", "chegando",
        // Steps a payment or an order waits for ("o boleto não foi gerado", "o acesso não foi
        // liberado", "o valor não foi creditado").
        "gerado", "gerada", "liberado", "liberada", "ativado", "ativada", "creditado", "creditada",
        "processado", "processada", "estornado", "estornada",
        // Services not done ("paguei por um serviço que não foi prestado", "the router was never
        // installed"); a parcel not sent yet is a state ("cancela, ainda não foi enviado").
        "prestado", "prestada", "instalado", "instalada", "aprovado", "aprovada",
        "realizado", "realizada", "cumprido", "cumprida",
        // Promises not kept ("a loja não honra o prazo"; "não cumpre" negates a listed word).
        "honra", "honram", "honrou",
        // Notices never sent ("a escola não manda nenhum comunicado").
        "comunicado", "comunicados", "aviso", "avisos",
        // Trouble left as it was ("foi embora sem resolver nada", "ninguém consegue consertar").
        "resolver", "resolvem", "resolve", "solucionar", "consertar", "consertaram", "consertou",
        "reply", "replies", "response", "answer", "update", "callback", "informed", "notified",
        "replied", "responded", "answered", "processed", "activated", "delivered", "installed",
        "approved", "credited",
        // Changes no one warned of ("nobody told us the pool was closed").
        "told", "warned",
    ]

    /// Two-word phrases with their own valence, checked before single words.
    static let phrases: [String: Double] = listedPhrases.merging(sizesInExcess) { listed, _ in listed }
        .merging(lacking) { listed, _ in listed }
        .merging(priceRises) { listed, _ in listed }

    /// A size or feel in excess is criticism ("o tênis ficou grande demais", "the sleeves are
    /// too long"), though each word is neutral alone; "bom demais" stays praise.
    static let sizesInExcess: [String: Double] = {
        let portuguese = [
            "pequeno", "grande", "curto", "comprido", "largo", "apertado", "fino", "grosso", "pesado", "estreito", "baixo",
        ].flatMap { word in
            let stem = String(word.dropLast())
            return word.hasSuffix("e") ? [word, word + "s"] : [word, stem + "a", word + "s", stem + "as"]
        } + ["mole", "duro", "dura"]
        let english = ["small", "big", "short", "long", "tight", "loose", "thin", "thick", "heavy", "large", "narrow", "wide", "low", "soft", "hard"]
        return Dictionary(uniqueKeysWithValues: portuguese.map { ("\($0) demais", -1.5) } + english.map { ("too \($0)", -1.5) })
    }()

    /// What was owed and is missing or barely there: "zero replies", "zero explicação",
    /// "qualidade zero", "atendimento zero", "barely works", "hardly lasts". Each word is
    /// neutral or praise alone; "zero problemas" (`listedPhrases`) stays praise.
    static let lacking: [String: Double] = {
        let owed = [
            "replies", "reply", "response", "responses", "update", "updates", "explanation", "communication", "info",
            "information", "answer", "answers", "feedback", "effort", "empathy", "respect", "care", "accountability",
            "resposta", "respostas", "retorno", "explicacao", "informacao", "educacao", "paciencia", "empatia",
            "compromisso", "organizacao", "emocao", "graca", "criatividade", "atencao", "consideracao", "transparencia",
        ]
        let rated = [
            "qualidade", "atendimento", "educacao", "respeito", "organizacao", "compromisso", "suporte", "retorno",
            "criatividade", "graca", "emocao", "empatia", "paciencia", "seguranca", "higiene", "limpeza",
        ]
        let functions = [
            "works", "work", "worked", "working", "lasts", "last", "lasted", "loads", "load", "loaded", "fits", "fit",
            "holds", "charges", "charged", "runs", "opens", "opened", "moves", "functions", "connects", "starts",
        ]
        return Dictionary(
            uniqueKeysWithValues: owed.map { ("zero \($0)", -2.0) } + rated.map { ("\($0) zero", -2.5) }
                + functions.flatMap { verb in [("barely \(verb)", -1.8), ("hardly \(verb)", -1.8)] })
    }()

    /// A price or bill that went up is a grievance to the customer who pays it ("a
    /// mensalidade aumentou de novo", "o frete subiu", "my bill increased"); each word is
    /// neutral alone ("o gato subiu no teclado").
    static let priceRises: [String: Double] = {
        let portuguese = [
            "preco", "precos", "valor", "valores", "mensalidade", "mensalidades", "fatura", "tarifa", "tarifas", "taxa",
            "taxas", "frete", "aluguel", "parcela", "parcelas", "anuidade", "assinatura", "conta",
        ].flatMap { subject in
            ["aumentou", "aumentaram", "subiu", "subiram", "dobrou", "dobraram", "triplicou", "disparou"].map { "\(subject) \($0)" }
        }
        // The verb first ("aumentaram a mensalidade", "they keep raising prices"); the phrase
        // reading steps over "o" and "a", not "os" or "the" (those are left to the cues).
        let raisedPT = raisedFirst.portuguese.map { "\($0.verb) \($0.subject)" }
        let english = [
            "price", "prices", "bill", "rent", "fee", "fees", "rate", "rates", "premium", "subscription", "cost", "costs",
        ].flatMap { subject in ["increased", "doubled", "tripled", "skyrocketed", "spiked", "jumped"].map { "\(subject) \($0)" } }
            + ["price hike", "price hikes", "price increase", "price increases"]
        let raisedEN = raisedFirst.english.map { "\($0.verb) \($0.subject)" }
        return Dictionary(uniqueKeysWithValues: (portuguese + raisedPT + english + raisedEN).map { ($0, -1.5) })
    }()

    /// Prices raised, said verb first, with the subject's article: Portuguese "aumentaram o
    /// preço", English "raising the rent". Not "valor" or "limite": a credit limit raised is
    /// good news.
    static let raisedFirst: (portuguese: [(verb: String, article: String, subject: String)], english: [(verb: String, article: String, subject: String)]) = (
        ["aumentaram", "aumentou", "subiram", "reajustaram", "reajustou", "dobraram", "dobrou"].flatMap { verb in
            [("o", "preco"), ("os", "precos"), ("a", "mensalidade"), ("a", "tarifa"), ("a", "taxa"), ("o", "frete"), ("o", "aluguel"),
             ("a", "anuidade"), ("a", "fatura")].map { (verb, $0.0, $0.1) }
        },
        ["raised", "raising", "raise", "hiked", "hiking"].flatMap { verb in
            ["price", "prices", "rate", "rates", "fee", "fees", "rent"].map { (verb, "the", $0) }
        }
    )

    /// The intent cues of a price rise: `priceRises`, and the verb-first ones with their
    /// article, since cues read every word.
    static let priceRiseCues: [String] = priceRises.keys.sorted()
        + (raisedFirst.portuguese + raisedFirst.english).map { "\($0.verb) \($0.article) \($0.subject)" }

    static let listedPhrases: [String: Double] = [
        "nao entregue": -2.5, "nao entregaram": -2.5, "nao entregou": -2.5, "not delivered": -2, "never delivered": -2.5,
        "wasn't delivered": -2, "wasnt delivered": -2,
        "nao recebi": -2.5, "nao chegou": -2.5, "nao funciona": -2.5, "nao funcionou": -2.5, "nao veio": -2.2, "nao presta": -3,
        "nada funciona": -2.5, "nada funcionou": -2.5, "nothing works": -2.2, "nothing worked": -2.2,
        // The writer's apology for their own delay ("desculpa a demora pra responder").
        "desculpa demora": 0, "desculpe demora": 0,
        // Nor is an apology for bothering ("desculpe o incômodo"; English ones, whose little
        // words break a phrase, are `Vocabulary.apologyLength`'s).
        "desculpa incomodo": 0, "desculpe incomodo": 0,
        // "Só serve pra cobrar": good for nothing else. A practical exam or class is no praise.
        "so serve": -1.5, "so servem": -1.5, "so serviu": -1.5, "prova pratica": 0, "provas praticas": 0, "exame pratico": 0,
        "aula pratica": 0, "aulas praticas": 0,
        "nunca mais": -2.5, "deixa desejar": -1.5, "deixou desejar": -1.5, "vale pena": 2, "custo beneficio": 1.5,
        "dinheiro jogado": -3, "ate agora": -1.2, "sem resposta": -2.2, "ninguem responde": -2.5, "nao recomendo": -3,
        "muito bom": 2.6, "muito boa": 2.6, "de primeira": 2, "chegou rapido": 2.2, "chegou antes": 2.4, "antes do": 0.8,
        "no prazo": 1.5, "dentro do": 0.5, "5 estrelas": 2.5, "nota 10": 3, "nota 0": -3, "nota zero": -3,
        "sao 10": 3, "sao demais": 2.5, "foi demais": 2.5, "ta demais": 2.2, "esta demais": 2.2, "nada demais": 0,
        "tempo demora": 0, "quanto demora": 0, "demora quanto": 0, "demora quantos": 0, "demora quantas": 0, "tempo leva": 0,
        "not working": -2.2, "doesn't work": -2.2, "customer service": -0.3, "customer care": 0, "kind of": 0, "kinds of": 0,
        "on hold": -1.5, "no one": -1.2, "still waiting": -2,
        // Slang praise ("this album is fire"), a low mood ("feeling down"), as good as new
        // ("continua como novo", "like new").
        "is fire": 2.5, "was fire": 2.5, "so fire": 2.5, "it's fire": 2.5, "that's fire": 2.5, "thats fire": 2.5,
        "feeling down": -2, "feel down": -2, "felt down": -2, "feelin down": -2, "feeling low": -2, "feeling blue": -2, "como novo": 1.5, "como nova": 1.5,
        "like new": 1.5,
        // A product's name, not praise ("comprei uma smart tv").
        "smart tv": 0, "smart tvs": 0, "smart watch": 0, "smart band": 0, "smart home": 0, "smart lock": 0, "smart locks": 0,
        "smart thermostat": 0, "smart speaker": 0, "smart plug": 0, "smart meter": 0, "smart card": 0, "happy hour": 0,
        // Verdicts of reviews: seen better, above or as expected, short of it, advice against.
        "vi melhores": -1.5, "seen better": -1.5, "acima das": 2, "acima esperado": 2, "acima media": 2,
        "as described": 1.5, "as pictured": 1.5, "as advertised": 1.5, "fell short": -2, "falls short": -2,
        "don't buy": -2.2, "dont buy": -2.2, "not buy": -2, "zero nocao": -2,
        "material quinta": -2, "produto quinta": -2, "qualidade quinta": -2,
        "falls apart": -2.5, "falling apart": -2.5, "took forever": -2, "takes forever": -2, "took ages": -2, "takes ages": -2,
        "live up": 1.5, "lived up": 2, "lives up": 2, "well spent": 2, "don't bother": -2, "dont bother": -2, "hard pass": -2,
        // Beyond what was owed; what was withheld; nobody explained; cheap that came out dear.
        "above and": 2.5, "no refund": -2, "no reply": -2,
        "ninguem explicou": -2, "ninguem informou": -2, "sem entender": -1.2, "saiu caro": -2, "saiu cara": -2, "barato saiu": -2,
        // Exasperation ("fala sério, cadê meu pedido?"); done with a business ("I want nothing
        // more to do with you").
        "fala serio": -1.5, "want nothing": -2, "wants nothing": -2, "does nothing": -2, "did nothing": -2,
        "faz nada": -2, "fazem nada": -2, "fez nada": -2, "fizeram nada": -2, "adianta nada": -2, "resolve nada": -2,
        "resolvem nada": -2, "resolveu nada": -2, "resolveram nada": -2,
        // Things done or going well ("we played so well tonight", "it didn't go well").
        "so well": 2, "really well": 2, "went well": 1.8, "go well": 1.5, "going well": 1.8,
        "played well": 1.8, "did well": 1.8, "worked well": 1.8, "works well": 1.8, "working well": 1.8,
        "thank you": 1.8, "well done": 2.5, "not bad": 1.8, "no problem": 0.8, "no worries": 0.8, "sem problema": 0.8, "sem problemas": 0.8, "waste of": -2.5,
        "never again": -2.5, "fell apart": -2.5, "broke down": -2, "let down": -2.2, "lets down": -2.2,
        // Never failing is praise ("never disappoints", "nunca decepciona").
        "never disappoints": 2.5, "never disappoint": 2.2, "never disappointed": 2.2, "nunca decepciona": 2.5,
        "nunca decepcionou": 2.5, "nunca decepcionam": 2.5,
        "bem atendido": 2.5, "bem atendida": 2.5, "mal atendido": -2.5, "mal atendida": -2.5, "bem embalado": 2,
        "bem embalada": 2, "mal embalado": -2.5, "mal embalada": -2.5, "esperava mais": -2, "poderia ser": -1,
        "still no": -1.8, "still not": -1.5, "no longer": -1.2, "gave up": -2, "no update": -1.5, "no answers": -2,
        "can't wait": 2.5, "for nothing": -3, "cant wait": 2.5, "no response": -2, "no answer": -2, "no help": -2.2, "not happy": -2.2,
        // Work done right, a shop that never misses, a contestant who deserved to win; talent wasted.
        // Killing it is slang praise ("y'all killed it with the new menu"); a device that won't
        // even start is not ("won't even turn on", "o produto nem liga").
        "killed it": 2.5, "killing it": 2.5, "won't even": -1.5, "wont even": -1.5, "nem liga": -1.5,
        // Customers treated like family.
        "like family": 2,
        "done right": 2, "never misses": 2, "never miss": 1.5, "merecia ganhar": 2, "merecia vencer": 2, "desperdicio talento": -2.5,
        // Patient people ("a enfermeira foi super paciente", "so patient with my son"); "o
        // paciente", "the patient" are neutral.
        "foi paciente": 2, "muito paciente": 2, "super paciente": 2.5, "tao paciente": 2, "bem paciente": 2,
        "was patient": 2, "so patient": 2, "very patient": 2, "super patient": 2.5, "really patient": 2,
        // Nobody who could or knew how to help; logged out over and over; made to do it
        // ("tive que ligar 4 vezes", "had to call four times").
        "ninguem soube": -2, "ninguem sabe": -1.5, "nobody could": -2, "me desloga": -1.5, "me deslogou": -1.5,
        "had to": -1, "tive que": -1, "tivemos que": -1,
        // Sooner than promised: the comparative tells ("faster than promised").
        "than promised": 0,
        "not worth": -2.2, "nao vale": -2.2, "nao gostei": -2.5, "nao comprem": -3, "nao compre": -2.5, "nem presta": -3, "sem graca": -2, "nao aguento": -2.2,
        // Things that do not work, in chat ("o app não abre", "tô sem sinal", "fora do ar").
        "nao abre": -2, "nao abriu": -2, "nao carrega": -2, "nao carregou": -2, "nao liga": -1.8, "nao conecta": -2,
        "nao conectou": -2, "nao entra": -1.8, "nao entrou": -1.8, "nao consigo": -1.5, "nao consegui": -1.5,
        "sem aviso": -1.5, "sem avisar": -1.5,
        // Room to improve, said of what was had ("a entrega tem que melhorar", "ficou devendo na
        // qualidade"); denied it praises ("não tem o que melhorar"). ("ponto negativo" is left
        // out: reviews that name one are mostly three stars, measured.)
        "que melhorar": -1, "precisa melhorar": -1, "precisam melhorar": -1, "ficou devendo": -1.5, "deixou devendo": -1.5,
        // Made clear is no praise ("deveriam deixar claro que não era original").
        "deixar claro": 0, "deixa claro": 0, "deixou claro": 0, "deixe claro": 0, "fica claro": 0, "ficou claro": 0,
        // "cara" is mostly a face or a guy ("é a cara da mãe", "cara, meu pedido não chegou");
        // dear when said so, and in one's face.
        "muito cara": -1.5, "bem cara": -1.5, "tao cara": -1.5, "meio cara": -1, "ta cara": -1, "esta cara": -1,
        "achei cara": -1.5, "minha cara": -1.5, "nossa cara": -1.5, "na cara": -1,
        // A screen gone dark, a phantom touch, a battery that runs out fast ("acabou rápido"
        // is also a show that ended too soon).
        "tela apagou": -2, "toque fantasma": -2, "acaba rapido": -2, "descarrega rapido": -2,
        "nao caiu": -1.8, "nao compensou": -1.8, "nao achou": -1.5, "nao atualiza": -1.8, "nao atualizou": -1.8,
        "nao responde": -2, "nao respondeu": -2, "nao resolve": -2, "nao resolveu": -2.2, "nao apareceu": -1.8,
        "nao gera": -1.8, "nao gerou": -1.8, "nao avisou": -1.5, "nao avisaram": -1.5, "nao retornou": -2,
        "sem sinal": -2, "sem internet": -2, "sem luz": -1.8, "sem acesso": -1.8, "sem retorno": -2,
        "sem solucao": -2.2, "sem servico": -2, "fora ar": -2.2, "caiu novo": -2, "fecha sozinho": -2, "desliga sozinho": -2,
        "chegou frio": -2, "chegou fria": -2, "veio frio": -2, "veio fria": -2, "lanche frio": -2, "comida fria": -2.2,
        "pizza fria": -2.2, "chegou aberta": -2, "chegou aberto": -2, "veio aberta": -2, "veio aberto": -2,
        "chegou violada": -2.2, "chegou violado": -2.2, "veio violada": -2.2, "veio violado": -2.2, "ninguem resolve": -2.2,
        "ninguem avisou": -1.8, "ta parada": -1.5, "ta parado": -1.5,
        "esta parada": -1.5, "esta parado": -1.5, "ta brincadeira": -2, "boleto venceu": -0.8, "fatura venceu": -0.8,
        "conta venceu": -0.8, "prazo venceu": -1.5, "sem reclamacoes": 1.5, "sem reclamacao": 1.5, "nota mil": 3,
        "won't open": -2, "won't load": -2, "won't start": -2, "won't work": -2.2, "won't turn": -1.8, "wont open": -2,
        "wont load": -2, "wont work": -2.2, "can't log": -1.8, "can't login": -1.8, "can't access": -1.8, "cant log": -1.8,
        "cannot log": -1.8, "cannot access": -1.8, "hasn't arrived": -2, "hasnt arrived": -2, "never arrived": -2.5,
        "didn't arrive": -2, "didnt arrive": -2,
        "is down": -2, "are down": -2, "went down": -1.8, "arrived cold": -2, "came cold": -2, "was cold": -1.5,
        "been waiting": -1.5, "keeps crashing": -2.2, "not loading": -2, "doesn't load": -2, "stopped working": -2.2,
        "hasn't moved": -1.8, "hasnt moved": -1.8, "third time": -1.5, "terceira vez": -1.5,
        "ninguem atende": -2.2, "nada ver": -1.5, "logging out": -1.8, "logged out": -1.5, "logs out": -1.8,
        "been down": -2, "kicks out": -1.8, "kicked out": -1.8, "arrived opened": -2, "came opened": -2, "taking forever": -2.2,
        // Service that cannot be reached or does not care.
        "hung up": -2, "hanged up": -2, "hangs up": -2, "dropped call": -1.8, "no accountability": -2.2,
        "don't care": -2, "dont care": -2, "doesn't care": -2, "doesnt care": -2, "nothing done": -2,
        "not helping": -1.8, "isn't helping": -1.8, "aren't going": -1, "can't reach": -1.8, "cant reach": -1.8,
        "nobody answers": -2.2, "nobody cares": -2.2, "can't believe": -1.5, "cant believe": -1.5, "can't find": -1.8,
        "cant find": -1.8, "haven't heard": -1.8, "havent heard": -1.8, "still haven't": -1.8, "won't send": -1.5,
        "can't get": -1.5, "cant get": -1.5, "cannot get": -1.5, "you rock": 2.8, "guys rock": 2.8, "got back": 1, "get back": 1, "gotten back": 1,
        // Greetings are courtesy, not praise.
        "bom dia": 0, "boa tarde": 0, "boa noite": 0, "good morning": 0, "good afternoon": 0, "good evening": 0,
        "good night": 0,
        // Slips in the chat itself, not grievances: "foi mal, mandei no grupo errado".
        "foi mal": 0, "numero errado": 0, "audio errado": 0, "wrong number": 0, "fed up": -2.5,
        "sorry wrong": 0,
        // Slang praise with a word of damage ("you crushed it").
        "crushed it": 2.5, "smashed it": 2.5, "no complaints": 1.5,
        // Chat idioms of things that keep failing ("vive dando pau", "não dá mais", "a
        // internet cai toda noite", "quinta vez que explico").
        "dando pau": -2, "deu pau": -2, "da pau": -2, "nao mais": -2, "internet cai": -2, "sinal cai": -2,
        "internet caiu": -2, "sinal caiu": -2, "wifi caiu": -2, "wifi cai": -2, "conexao caiu": -2, "conexao cai": -2,
        "ligacao caiu": -2, "ligacao cai": -2, "caiu internet": -2, "caiu sinal": -2, "caiu wifi": -2, "caiu conexao": -2,
        "caiu ligacao": -2, "caindo toda": -2, "cai toda": -1.8, "caindo direto": -1.8, "cutting out": -1.8, "cuts out": -1.8,
        "keeps cutting": -1.8,
        // Never an answer nor an account given ("ninguém me dá satisfação", "nobody ever calls").
        "ninguem satisfacao": -2, "nenhuma satisfacao": -2, "nao respondem": -2, "nao responderam": -2,
        "nobody ever": -1.8, "ninguem nunca": -1.8,
        "quarta vez": -1.5, "quinta vez": -1.8, "milesima vez": -2, "fourth time": -1.5, "fifth time": -1.8,
        "well packed": 2, "well packaged": 2, "straight answer": -1.5,
        // Trust and custom gone ("perdi a confiança", "já chega", "I'll take my business
        // elsewhere").
        "perdi confianca": -2.5, "ja chega": -2, "business elsewhere": -2.5, "shop elsewhere": -2,
        // Indignation ("sério isso?", "ninguém explica", "for no reason", "this is getting
        // old"); ordering the wrong thing oneself is no grievance ("comprei errado").
        "serio isso": -1.8, "ninguem explica": -2, "no reason": -1.5, "getting old": -1.8,
        "comprei errado": 0, "pedi errado": 0, "escolhi errado": 0,
        "still nothing": -2, "without internet": -2,
        // Slang verdicts ("meia boca", "da hora", "tô puta", "vale cada centavo", "nailed it",
        // "money down the drain", "left a lot to be desired", "abaixo das expectativas").
        "meia boca": -2, "da hora": 2.5, "to puta": -3, "ta puta": -3, "fiquei puta": -3, "cada centavo": 2.5,
        "que piada": -2.5, "nem graca": -2.5, "abaixo das": -2, "abaixo da": -1.5, "below expectations": -2,
        "the drain": -2.5, "be desired": -2.5, "nailed it": 2.5,
        // A bill past due is a fact to settle, not a grievance ("boleto vencido, como pago?").
        "boleto vencido": -0.8, "fatura vencida": -0.8, "conta vencida": -0.8,
        // A plan's name, not a verdict ("meu plano é o básico").
        "plano basico": 0, "o basico": 0, "basic plan": 0,
        // "três dias sem conseguir usar o app"; "what kind of bank is this" is no kindness.
        "sem conseguir": -2, "what kind": 0,
        "didn't work": -2.2, "didnt work": -2.2, "parou funcionar": -2,
        // A fault left as it was ("they couldn't fix anything", "the update didn't fix it").
        "couldn't fix": -1.8, "couldnt fix": -1.8, "didn't fix": -1.5, "didnt fix": -1.5, "couldn't solve": -1.8,
        "couldnt solve": -1.8, "didn't solve": -1.5, "didnt solve": -1.5, "couldn't resolve": -1.8, "didn't resolve": -1.5,
        // A polite "no" to an offer is no grievance ("não obrigado", "no thanks").
        "no thank": 0.8,
        // Things that will not let one in, power cuts, accidents, and things stuck pending
        // ("a catraca não libera", "faltou luz", "bati o carro", "refill still says pending").
        "nao libera": -1.8, "nao liberou": -1.8, "faltou luz": -2, "acabou luz": -2,
        "faltou energia": -2, "sem energia": -1.8, "bati carro": -1.8, "bateram carro": -1.8, "still pending": -1.8,
        "says pending": -1.5, "still says": -1.5, "check engine": -1.5, "power outage": -2,
        // A plan's name or a polite wish, not praise ("the premium plan", "i'd like to cancel").
        // Exasperation and waiting ("PELO AMOR DE DEUS", "esperando desde ontem", "nobody
        // answering"), mockery ("vcs são uma piada"; "me conta uma piada" is chat), things
        // that stay broken, double charges, money wanted back, slang verdicts ("kinda mid").
        "amor deus": -1.5, "esperando desde": -1.5, "aguardando desde": -1.5, "uma piada": -2.5, "conta uma": 0,
        "continua mesma": -1.5, "continua igual": -1.5, "dinheiro volta": -1.8, "money back": -1.8,
        "caiu duas": -1.8, "cobrou duas": -1.8, "cobraram duas": -1.8, "cobrado duas": -1.8, "cobrada duas": -1.8,
        "charged twice": -1.8,
        "nobody answering": -2, "nobody picks": -2, "hasn't updated": -0.8, "hasnt updated": -0.8,
        "hasn't changed": -1.5, "hasnt changed": -1.5, "kinda mid": -2, "pretty mid": -2, "lowkey mid": -2,
        // A site that went down, things that are not working, zero stars; "meu deus" (mds)
        // is surprise, not praise; "sorted" is British for solved.
        "site caiu": -2, "app caiu": -2, "sistema caiu": -2, "caiu site": -2, "caiu app": -2, "caiu sistema": -2,
        "isn't working": -2.2, "isnt working": -2.2, "aren't working": -2.2, "wasn't working": -2.2,
        "zero stars": -3, "0 stars": -3, "zero estrelas": -3, "0 estrelas": -3, "meu deus": 0,
        "sorted now": 1.5, "all sorted": 1.5, "got sorted": 1.5,
        // Said to be delivered, and nothing came ("there's nothing here").
        "nothing here": -1.8, "nothing there": -1.5,
        // Impatience and exasperation without a word of trouble ("faz duas semanas que espero
        // esse reembolso", "vou ter que explicar de novo", "impressionante como ninguém lê o
        // que eu escrevo", "this is not ok"); an app that would not open; "so now i just
        // wait?" asks; a parcel with a piece missing.
        "espero esse": -1.5, "espero essa": -1.5, "espero meu": -1.5, "espero minha": -1.5, "espero pelo": -1.5,
        "espero pela": -1.5, "explicar novo": -1.8, "everything again": -1.5,
        "ninguem le": -2, "ninguem leu": -2, "nobody reads": -2, "nobody read": -2, "impressionante como": 0,
        "amazing how": 0, "nao abria": -2, "not ok": -1.8, "just wait": 0,
        // "nem pra avisar", "couldn't even tell me"; "would recommend" praises, it wishes nothing.
        "nem pra": -1.8, "couldn't even": -1.5, "couldnt even": -1.5, "would recommend": 2.5,
        "peca menos": -1.8, "pecas menos": -1.8, "item menos": -1.8, "piece missing": -1.8, "part missing": -1.8,
        // Marked as delivered and not there; "I'm done" gives up; a break that is a holiday.
        "says delivered": -1.5, "shows delivered": -1.5, "i'm done": -1.5, "im done": -1.5, "summer break": 0,
        "spring break": 0, "winter break": 0, "lunch break": 0, "coffee break": 0,
        // Candour is no criticism ("not gonna lie, you nailed it", "não vou mentir"); nobody
        // bothering is.
        "gonna lie": 0, "won't lie": 0, "wont lie": 0, "vou mentir": 0,
        "nobody bothered": -2, "didn't bother": -2, "didnt bother": -2, "never bothered": -2,
        // Pain gone is relief ("a dor passou, obrigada"); "salvou meu dia" thanks, "salva meu
        // domingo" praises.
        "dor passou": 1.5, "passou dor": 1.5, "salvou meu": 2.5, "salvou minha": 2.5, "salva meu": 2.5, "salva minha": 2.5,
        "salvando meu": 2.5, "salvando minha": 2.5,
        // Read and not answered ("left on read", "leaving me on read").
        "on read": -1.5,
        // Slang verdicts: another level, nothing to correct, hitting hard; praise capped ("mid
        // at best").
        "outro nivel": 2.5, "no notes": 2, "go hard": 2, "goes hard": 2, "at best": -2,
        // Texting's "ill" is "I'll" ("ill pay rn"); a card saved in an app is no rescue.
        "ill pay": 0, "ill be": 0, "ill take": 0, "ill send": 0, "ill wait": 0, "ill call": 0, "ill check": 0, "ill try": 0,
        "ill get": 0, "ill do": 0, "ill come": 0, "ill buy": 0, "saved in": 0, "saved on": 0, "saved to": 0,
        // A charge one does not know; a product unlike its listing ("não condiz com a foto",
        // "veio diferente do anunciado").
        "nao reconheco": -1.5, "nao condiz": -2, "diferente do": -1.2, "diferente da": -1.2,
        // Smaller than it looked or was expected ("menor do que parece", "achei menor que na foto").
        "menor do": -1.2, "menor que": -1,
        // Praise that lasted only a while ("ótimo enquanto funcionou", "foi bom enquanto durou").
        "enquanto funcionou": -2, "enquanto durou": -1.5,
        // Idioms of praise around a negation ("nada mal", "sem dúvida o melhor", "zero
        // problemas", "no issues so far"); "não sei se vale a pena" doubts, it does not deny;
        // loving to wait is sarcasm ("adorei esperar 40 minutos", "love waiting on hold").
        "nada mal": 1.8, "sem duvida": 0, "nao sei": 0, "don't know": 0, "dont know": 0,
        "zero problemas": 1.5, "zero problema": 1.5, "no issues": 1.5, "no problems": 1.5,
        // Chat's speed ("a internet nova tá voando").
        "ta voando": 2, "esta voando": 2,
        // Missing an appointment is a fact ("can't make it tomorrow"); "a joke" mocks ("you
        // guys are a joke", "joke of a company", not "tell me a joke"); credit that never showed;
        // no signal; someone who didn't show.
        "can't make": 0, "cant make": 0, "a joke": -2.5, "joke of": -2.5, "me a": 0, "never showed": -1.2, "no signal": -2,
        "didn't show": -1.5, "didnt show": -1.5,
        "adorei esperar": -2.5, "amei esperar": -2.5, "adoro esperar": -2.5, "love waiting": -2.5, "loved waiting": -2.5,
        "premium plan": 0, "plano premium": 0, "to upgrade": 0, "i'd like": 0, "would like": 0,
        // Something else in place of what was sold ("mandaram outro modelo", "veio outra cor"),
        // parts and money that never come ("os brindes não vieram", "o pedido nunca chega",
        // "ainda sem estorno"); less than was sold is `shortfalls`.
        "veio outro": -1.8, "veio outra": -1.8, "vieram outros": -1.8, "vieram outras": -1.8, "chegou outro": -1.8,
        "chegou outra": -1.8, "chegaram outros": -1.8, "chegaram outras": -1.8, "mandaram outro": -1.8,
        "mandaram outra": -1.8, "enviaram outro": -1.8, "enviaram outra": -1.8, "recebi outro": -1.8, "recebi outra": -1.8,
        "entregaram outro": -1.8, "entregaram outra": -1.8,
        "veio trocado": -1.8, "veio trocada": -1.8, "chegou trocado": -1.8, "chegou trocada": -1.8,
        // Things that keep failing ("o roteador vive reiniciando", "the wifi keeps dropping"),
        // that do not last, that fade in the first wash; curly hair is no stalling ("cabelo
        // enrolado"); "been trying to reach someone".
        "vive caindo": -2, "vive travando": -2, "vive reiniciando": -2, "vive desligando": -2, "vive quebrando": -2,
        "vive atrasando": -2, "vive falhando": -2, "nao dura": -1.8, "dura pouco": -1.8, "primeira lavagem": -1.2,
        "cabelo enrolado": 0, "cabelos enrolados": 0,
        // A cleaner is someone who cleans, or a machine ("the cleaner didn't show up", "vacuum
        // cleaner"), not praise.
        "the cleaner": 0, "a cleaner": 0, "my cleaner": 0, "our cleaner": 0, "vacuum cleaner": 0,
        "keeps dropping": -1.8, "keeps disconnecting": -1.8, "keeps restarting": -1.8, "keeps rebooting": -1.8,
        "keeps failing": -1.8, "been trying": -1.5, "doesn't last": -1.8, "doesnt last": -1.8, "didn't last": -1.8,
        "didnt last": -1.8,
        "nao vieram": -2.2, "nunca chega": -2.2, "sem estorno": -1.8, "sem reembolso": -1.8,
        "only received": -1.5, "only sent": -1.5, "only got": -1.2, "different from": -1.2, "different model": -1.5,
        // Money that came in ("finalmente caiu o estorno", "the transfer finally came through";
        // "o pix caiu duas vezes" stays trouble); offers not honoured.
        "caiu estorno": 1.5, "estorno caiu": 1.5, "caiu reembolso": 1.5, "reembolso caiu": 1.5, "came through": 1.5,
        "propaganda enganosa": -2.5, "nao aceitam": -1.5, "nao aceitou": -1.5, "nao aceitaram": -1.5,
        "won't take": -1.5, "wont take": -1.5,
        // Being misunderstood ("caio num robô que não entende nada").
        "nao entende": -1.8, "nao entendem": -1.8,
        // Formal letters: a cancellation asked for ("peço que seja cancelada"), an attachment
        // sent "conforme solicitado" and a billing address neither grieve nor praise.
        "seja cancelada": 0, "seja cancelado": 0, "sejam cancelados": 0, "conforme solicitado": 0,
        "conforme solicitacao": 0, "endereco cobranca": 0,
        // Quality called low.
        "baixa qualidade": -2.5,
        // Business days are a unit of time, not useful ones ("fica pronto em 3 dias úteis"),
        // and burnt cement is a floor finish, not damage.
        "dias uteis": 0, "dia util": 0, "cimento queimado": 0,
        // Worth it, in the past ("valeu a pena"; "valeu" alone thanks), and a fair price.
        "valeu pena": 2, "preco justo": 1.5, "precos justos": 1.5,
        // An invoice is no grade, a cheaper option is no praise ("qual o plano mais barato?"),
        // and "mal posso esperar" is eagerness, not trouble.
        "nota fiscal": 0, "mais barato": 0, "mais barata": 0, "mal posso": 2.5, "mal vejo": 2.5,
        // Words of praise or trouble inside a plain name or request (and `kinds`: "lactose
        // free", "pet friendly"): an account or trial that costs nothing, a gift card, a
        // waiting room, haste asked for ("as soon as", "o mais rápido possível"), a quick
        // question in Portuguese. ("quick question" and "make sure" keep their praise:
        // without it, "quick question, how much is the fee?" and "make sure my booking is
        // canceled" read negative.)
        "free account": 0, "free trial": 0, "gift card": 0, "gift cards": 0,
        "waiting room": 0, "as soon": 0, "how soon": 0,
        "rapido possivel": 0, "duvida rapida": 0, "pergunta rapida": 0, "sala espera": 0,
        // Nobody came ("três dias sem gás, ninguém aparece").
        "ninguem aparece": -2, "ninguem apareceu": -2, "ninguem veio": -2, "nobody showed": -2, "nobody came": -2,
        // Nothing beats it: praise (`SentimentAnalyzer` reads "nada melhor", "ninguém supera").
        "nothing beats": 2.5, "nobody beats": 2.5, "nothing compares": 2.5,
        // Left unanswered ("me deixaram no vácuo"; vacuum-packed is "a vácuo"), no way to go
        // on ("sem condições esse atendimento").
        "no vacuo": -2, "sem condicoes": -2,
        // Stars given; hair, a cloth or pet food may be wet (what a parcel should not be).
        "5 stars": 2.5, "five stars": 2.5, "five star": 2.5, "world class": 2.5, "cinco estrelas": 2.5, "1 star": -2.5, "one star": -2.5, "1 estrela": -2.5,
        "wet food": 0, "wet wipes": 0, "wet hair": 0, "wet cloth": 0, "cabelo molhado": 0, "cabelos molhados": 0,
        "pano molhado": 0,
        // A product that looks or arrives used ("recebi um produto usado"), a shop that only
        // knows how to charge ("vocês só sabem cobrar"). ("era pra" was left out: "era pra ser
        // surpresa", "isso era pra você".)
        "parece usado": -2, "parece usada": -2, "produto usado": -2, "veio usado": -2, "veio usada": -2, "chegou usado": -2,
        "chegou usada": -2, "nao chega": -1.2, "so sabem": -1.8,
        // Manners and workmanship called bad ("super mal educado", "mal acabado"), an internet
        // as slow as a slug, trying and nothing ("liguei três vezes e nada").
        "mal educado": -2.5, "mal educada": -2.5, "mal educados": -2.5, "mal humorado": -2, "mal humorada": -2,
        "mal feito": -2.5, "mal feita": -2.5, "mal acabado": -2, "mal acabada": -2, "uma lesma": -1.8, "e nada": -1,
        // Just what was wanted ("exactly what I needed"; "not exactly what I ordered" denies it).
        "exactly what": 1.8,
        // Praise alone ("nothing but praise"), early, a fit or a battery's life, sense, a wish
        // come true, help or trouble (mess, hassle, stress, complaints) at zero, food poisoning,
        // a bargain, a rip-off.
        "nothing but": 0, "false advertising": -2.5, "day early": 1.8, "days early": 2, "week early": 2, "arrived early": 2,
        "doesn't fit": -1.8, "didn't fit": -1.8, "doesnt fit": -1.8, "didnt fit": -1.8, "don't fit": -1.8, "dont fit": -1.8,
        "not fit": -1.5, "no sense": -1.8, "come true": 2, "lasts all": 2, "lasts long": 1.5, "last long": 1.5,
        "zero help": -2, "zero support": -2, "food poisoning": -3, "zero issues": 1.5, "zero problems": 1.5,
        "zero mess": 1.5, "zero hassle": 1.5, "zero stress": 1.5, "zero complaints": 1.5, "zero estresse": 1.5,
        "zero reclamacao": 1.5, "zero reclamacoes": 1.5,
        "just works": 1.8, "a steal": 2, "ripped off": -2.5,
        // Below what was expected, money thrown away, quality that fell, a complaint site, a
        // hard time ("tá osso"). ("toda hora" was left out: "a gente se fala toda hora".)
        "abaixo do": -1.8, "dinheiro fora": -2.5, "qualidade caiu": -2, "reclame aqui": -2, "ta osso": -2,
        // Surprise either way, nothing left to wish for, best beyond words ("me surpreendi
        // negativamente", "não deixa nada a desejar", "melhor impossível").
        "surpreendeu negativamente": -2, "surpreendi negativamente": -2, "surpreendeu positivamente": 2.5,
        "surpreendi positivamente": 2.5, "nada desejar": 2, "melhor impossivel": 3,
        // Food without salt, a promise kept, satisfaction whole.
        "sem sal": -1.5, "cumpriram prometido": 2, "cumpriu prometido": 2, "satisfacao total": 2.5, "total satisfacao": 2.5,
        // Quick, top marks, not even an answer, a scent that lasts or not, a fit that is off.
        "nao demorou": 2, "nem demorou": 2, "nota dez": 3, "nem respondem": -2, "nem responde": -2, "nem respondeu": -2,
        "nao fixa": -2, "fixa bem": 2, "fixa dia": 2, "ficou largo": -1.5, "ficou larga": -1.5, "ficou apertado": -1.5,
        "ficou apertada": -1.5,
        // Laughing so as not to cry, a joke made flesh, shoddy service, a hopeless case.
        "nao chorar": -2, "piada pronta": -2, "servico porco": -2.5, "trabalho porco": -2.5, "atendimento porco": -2.5,
        "servico quinta": -2, "atendimento quinta": -2, "quinta categoria": -2, "uma negacao": -1.5,
        // Fandom ("sou muito fã desse programa", "virei fã da loja", "já virei cliente").
        "sou fa": 2.5, "virei fa": 2.5, "virei cliente": 2,
        // Making sure is no praise ("quero ter certeza antes de comprar").
        "ter certeza": 0,
        // Rescue and legal threats ("vocês salvaram meu dia", "vou processar vocês", "vou entrar
        // na justiça").
        "salvaram meu": 2.5, "salvaram minha": 2.5, "processar voces": -2.5, "na justica": -2,
        // "vocês tão de brincadeira", "só pode ser brincadeira", "zero respeito com o cliente".
        "tao brincadeira": -2, "estao brincadeira": -2, "ser brincadeira": -2, "zero respeito": -2.5,
        // Slang verdicts: "me amarrei nesse produto", "mandou bem", "que gato", "tô pistola".
        "me amarrei": 2.5, "me amarro": 2, "mandou bem": 2.5, "mandaram bem": 2.5, "mandou mal": -2,
        "mandaram mal": -2, "que gato": 2, "que gata": 2, "to pistola": -2.5, "fiquei pistola": -2.5,
        "estou pistola": -2.5,
        "esta osso": -2,
        // A battery's or a product's useful life is a measure, not praise ("tempo útil da
        // bateria"); no sense ("que pessoa sem noção"); as described or pictured, which a
        // negation denies ("não é como diz a propaganda", "veio igual à foto").
        "vida util": 0, "tempo util": 0, "sem nocao": -2, "igual foto": 1.5, "igual anuncio": 1.5,
        "como anunciado": 1.5, "como descrito": 1.5, "conforme anunciado": 1.5, "conforme descrito": 1.5,
        "como foto": 1.2, "como diz": 1, "como mostra": 1.2, "sem manual": -1.2, "duracao curta": -1.5,
        // A polite close ("fico no aguardo"), a grade of one, a queue or a case that does not
        // move ("a fila não anda").
        "no aguardo": 0, "nota 1": -2.5, "nao anda": -1.5, "nao andou": -1.5,
        // A product unlike its description ("não corresponde à descrição"); making do is no
        // breakage ("quebra um galho", "quebrou o galho").
        "nao corresponde": -2, "nao correspondeu": -2, "nao correspondem": -2, "quebrou galho": 1.5,
        // Eagerness ("really looking forward to the weekend"; "not looking forward to it"),
        // loathing ("I can't stand his voice"), joy in tears ("crying tears of joy").
        // Done for no reason ("bloqueou meu cartão sem motivo"), no use complaining ("nem
        // adianta reclamar", "não adianta nada").
        "sem motivo": -1.8, "sem explicacao": -1.8, "sem justificativa": -1.8, "nem adianta": -2, "nao adianta": -1.8,
        // Things that keep nagging ("the app keeps asking me to log in"); praise idioms.
        "keeps asking": -1, "keeps saying": -1, "keeps telling": -1, "keeps charging": -1.8, "keeps sending": -1.2,
        "life saver": 3, "game changer": 2.5,
        "looking forward": 1, "look forward": 1, "can't stand": -2.5, "cant stand": -2.5, "of joy": 3, "for joy": 3,
        // Tears or a fit of laughter ("chorei de emoção", "chorei de rir", "morri de rir").
        "de emocao": 2.5, "de alegria": 3, "de felicidade": 3, "de rir": 2.5, "of laughter": 2.5,
        // Laughs a show brings ("esse programa me faz rir"); disbelief at service ("are you
        // serious?"); effort that got nothing back.
        "faz rir": 2, "fez rir": 2, "you serious": -1.5, "got nothing": -1.5,
        // A view that takes one's breath away; traffic at a standstill; a team or a service
        // with no standard.
        "tirar folego": 3, "tira folego": 3, "transito parado": -2, "sem padrao": -1.5,
        // Money well spent, done like a pro.
        "every penny": 2.5, "every cent": 2.5, "like pro": 2, "like pros": 2,
    ].merging((slips + kinds + lukewarm.filter { $0.contains(" ") }).map { ($0, 0) }) { listed, _ in listed }
        .merging(declines.map { ($0, 0.8) }) { listed, _ in listed }
        .merging(shortfalls.map { ($0, -1.5) }) { listed, _ in listed }

    /// A lukewarm verdict: middling, so-so, it makes do, nothing special, for the price. A
    /// message with one and no more than mild praise or criticism is neutral, as a
    /// three-star review is ("razoável, nada excepcional", "quebra um galho", "pelo preço
    /// até que é bom"); strong words still tell ("pelo preço, péssimo").
    static let lukewarm = [
        "razoavel", "razoaveis", "mediano", "mediana", "medianos", "medianas", "ou menos", "um galho", "quebra galho",
        "pro gasto", "pelo preco", "pelo valor", "de especial", "nada especial", "nada demais", "nada alem", "nem tanto",
        "parcialmente", "regular", "regulares",
    ]

    /// A polite "no" to an offer ("não, valeu", "no thanks"), which ends its clause: before
    /// more words the negation denies them ("não valeu a pena", "no thanks to you").
    static let declines = ["nao obrigado", "nao obrigada", "nao valeu", "no thanks"]

    /// The name of a kind of product or place, not praise: "free" as "without" ("lactose
    /// free"), "friendly" as "welcoming" ("pet friendly").
    static let kinds: [String] =
        ["lactose", "gluten", "sugar", "dairy", "fat", "caffeine", "alcohol", "nut", "meat", "smoke", "cruelty"].map { "\($0) free" }
        + ["pet", "dog", "kid", "family"].map { "\($0) friendly" }

    /// Less than was sold: "só", "apenas" or "somente" on either side of an arrival ("só
    /// vieram 2", "recebi apenas uma", "chegou somente 6").
    static let shortfalls: [String] = ["so", "apenas", "somente"].flatMap { only in
        ["veio", "vieram", "chegou", "chegaram", "recebi", "mandaram", "enviaram"].flatMap { arrival in
            ["\(only) \(arrival)", "\(arrival) \(only)"]
        }
    }

    /// Emoji and their valences (by code point).
    static let emoji: [UInt32: Double] = {
        var table: [UInt32: Double] = [:]
        let positive: [UInt32: Double] = [
            0x1F600: 2, 0x1F603: 2, 0x1F604: 2, 0x1F601: 2, 0x1F606: 1.5, 0x1F60A: 2, 0x1F642: 1, 0x1F643: 0.3, 0x1F609: 1,
            0x1F60D: 3, 0x1F970: 3, 0x1F618: 2.5, 0x1F917: 2, 0x1F929: 3, 0x1F60E: 1.5, 0x1F602: 1, 0x1F923: 1, 0x1F44D: 2,
            // Folded hands plead as often as they thank ("podem checar? 🙏"): mild.
            0x1F44F: 2, 0x1F64F: 1, 0x1F4AA: 1.5, 0x1F389: 2, 0x1F38A: 2, 0x2764: 3, 0x1F496: 3, 0x1F495: 3, 0x1F499: 2.5,
            0x1F49A: 2.5, 0x1F49C: 2.5, 0x1F49B: 2.5, 0x1F5A4: 1.5, 0x2728: 1.5, 0x1F31F: 2, 0x2B50: 2, 0x1F525: 1.5,
            0x1F44C: 1.5, 0x270C: 1, 0x1F91D: 1.5, 0x1F60B: 1.5, 0x263A: 2, 0x1F973: 2.5, 0x2705: 1.5, 0x1F4AF: 2,
            0x2665: 3, 0x2661: 2.5, 0x1F497: 3, 0x1F493: 3, 0x1F49E: 3, 0x1F9E1: 2.5, 0x1F60C: 1.5, 0x1F607: 2,
        ]
        let negative: [UInt32: Double] = [
            0x1F620: -3, 0x1F621: -3, 0x1F92C: -3.5, 0x1F624: -2.5, 0x1F61E: -2, 0x1F622: -2, 0x1F62D: -2.5, 0x1F614: -2,
            0x1F61F: -2, 0x1F615: -1.2, 0x1F641: -1.5, 0x2639: -2, 0x1F623: -2, 0x1F616: -2, 0x1F62B: -2, 0x1F629: -2,
            0x1F44E: -2.5, 0x1F494: -2.5, 0x1F644: -1.5, 0x1F612: -1.5, 0x1F611: -0.8, 0x1F610: -0.3, 0x1F92E: -3,
            0x1F922: -2.5, 0x1F4A9: -2.5, 0x1F631: -1.5, 0x1F630: -1.5, 0x1F625: -1.5, 0x1F613: -1, 0x1F480: -0.5,
            0x1F926: -1.5, 0x1F937: -0.3, 0x274C: -1.5, 0x1F4A2: -2, 0x1F62C: -0.8, 0x1F97A: -0.5, 0x1F928: -0.5,
            // The clown: mockery of whoever it follows ("sério que vcs fizeram isso? 🤡").
            0x1F921: -1.5,
        ]
        for (k, v) in positive { table[k] = v }
        for (k, v) in negative { table[k] = v }
        return table
    }()
}
