/// The eight intents of API.md from cue phrases in Portuguese and English, with weights,
/// plus two rules for messages without a cue: a clearly negative message is a complaint,
/// anything else is "other". Greetings and thanks weigh little, so "oi, meu pedido não
/// chegou" is about the order, not a greeting.
public enum IntentClassifier {
    public static let intents = ["support", "purchase", "information", "complaint", "cancellation", "greeting", "thanks", "other"]

    /// Cue phrases (normalised words) with their intent and weight; `Vocabulary` indexes
    /// them by first word.
    static let cueList: [(String, (String, Double))] = {
        var entries: [(String, (String, Double))] = []
        func add(_ intent: String, _ weight: Double, _ phrases: [String]) {
            for p in phrases { entries.append((p, (intent, weight))) }
        }
        add("cancellation", 5, [
            "cancelo", "cancelem", "rescindir", "rescisao", "parar de pagar", "dar baixa", "nao vou mais precisar", "cancelar", "cancela", "cancelamento", "cancele", "cancelado", "desistir", "desisti", "encerrar", "encerrem",
            "nao quero mais", "excluir minha conta", "excluir conta", "apagar minha conta", "descadastrar", "estornar a compra",
            "cancel", "cancelling", "canceling", "cancellation", "terminate", "close my account", "delete my account",
            "delete account", "remove my account", "unsubscribe", "stop my", "revoke", "undo the transfer", "reverse the transfer",
            "end my", "drop the", "remove my", "changed my mind", "don't send", "quit my", "mudei de ideia", "nao envie",
            "desmarcar", "desmarca", "desmarque", "excluir meu cadastro", "exclui meu cadastro", "exclua meu cadastro",
            "apaguem minha conta", "apague minha conta", "deletar minha conta", "sair do plano", "quero sair", "suspender",
            "suspende", "trancar a matricula", "parar de receber", "nao vou continuar", "nao quero continuar", "distrato",
            "stop the", "encerra", "encerre", "excluir", "exclui", "exclua", "back out", "withdraw from", "withdraw my", "pull out of",
            "want out of", "get out of my",
            "tirar meu numero", "tira meu numero", "tirem meu numero", "lista de transmissao", "me tira da lista", "me tirem da lista",
            "desiste", "desistam", "desisto da", "desisto do", "desisto de", "scrap my", "scrap the",
            "don't renew", "dont renew", "do not renew", "nao renovar", "nao quero renovar", "nao renove",
            "nao renovem", "nao renova", "descadastra", "descadastre", "descadastrem",
            "para de me mandar", "pare de me mandar", "parem de me mandar", "para de mandar", "parem de mandar", "stop texting",
            "stop messaging", "stop sending", "call off", "won't need", "will not need", "wont need", "stop messages",
            "stop all messages", "no more messages",
            "trancar o semestre", "trancar o curso", "trancar a faculdade",
            "tirar o debito automatico", "cancelar o debito automatico", "turn off autopay", "turn off auto",
            "nao vou renovar", "won't be renewing", "will not be renewing", "not renewing", "won't renew", "wont renew",
            "don't want to renew", "dont want to renew", "do not want to renew",
            "don't want to receive", "dont want to receive", "do not want to receive", "stop receiving",
            // Off a list ("me tira dessa lista", "take me off your list", "opt out").
            "me tira dessa lista", "me tirem dessa lista", "me remove da lista", "me remova da lista", "me removam da lista",
            "me remove dessa lista", "me tira do grupo", "me tira desse grupo", "sair da lista", "sair dessa lista",
            "take me off", "opt out", "opt me out",
            // Switching one's account or service off ("quero desativar minha conta"); not a
            // product's feature ("dá pra desativar o visor").
            "desativar minha", "desativar meu", "desativar minhas", "desativar meus", "desativa minha", "desativa meu",
            "desativa minhas", "desative minha", "desative meu", "desativar a conta", "desativar o cadastro",
            "desativar as notificacoes", "desativa as notificacoes",
            // An account or record to close or erase, an automatic renewal to switch off ("quero
            // fechar minha conta", "apaga meu cadastro", "desativa a renovação automática"); "fechar
            // a conta" of a table is paying.
            "fechar minha conta", "apaga meu cadastro", "apaga minha conta", "apagar meu cadastro", "apague meu cadastro",
            "deleta minha conta", "deleta meu cadastro", "desativa a renovacao", "desativar a renovacao",
            "desliga a renovacao", "desligar a renovacao", "tira a renovacao", "tirar a renovacao",
            // A number taken to another carrier leaves this one.
            "pra outra operadora", "para outra operadora", "to another carrier", "to a different carrier",
        ])
        // A price or bill that went up (`Lexicon.priceRises`) is a grievance, not a question
        // about prices ("o preço subiu de novo", "my bill increased again").
        add("complaint", 3, Lexicon.priceRiseCues)
        add("complaint", 3, [
            "reclamacao", "reclamar", "reclamando", "reclame aqui", "procon", "absurdo", "descaso", "vergonha", "pessimo", "pessima",
            "horrivel", "lixo", "palhacada", "desrespeito", "enganado", "enganada", "propaganda enganosa", "falta de respeito",
            "complaint", "complain", "file a claim", "lodge a claim", "file a complaint", "lodge a complaint", "make a claim",
            "claim against", "terrible", "worst", "horrible", "unacceptable", "rude", "disgusting", "ridiculous", "awful",
            "lost my bag", "lost luggage", "lost my luggage", "damaged", "delayed", "late flight", "cancelled flightled",
            "no one answers", "ninguem responde", "ninguem atende", "nunca mais compro", "not happy", "disappointed",
            "piada", "grosso", "grossa", "grosseiro", "enganaram", "enganacao", "enrolacao", "nao fazem nada", "ninguem resolve",
            "nao respeitam", "porco", "mal atendido", "mal atendida", "indignado", "indignada", "revoltante", "lesado", "lesada",
            "inadmissivel", "de brincadeira", "decepcionado", "decepcionada", "insatisfeito", "insatisfeita",
            "not acceptable", "fed up", "outages",
            "desligou na minha cara", "desligaram na minha cara", "hung up on me", "legal action", "entrar na justica",
            "processar voces",
            "mal educado", "mal educada", "laughed at me", "riu da minha cara", "riram da minha cara", "debochou",
            "perdi a confianca", "business elsewhere", "done with you", "done with this", "done with your",
            "serio isso", "ninguem explica", "for no reason", "unbelievable", "inacreditavel",
            "cada atendente", "every agent", "each agent", "terceira vez que", "third time i",
            "ou nao vai", "vai chegar ou nao", "coming or not", "explicar tudo de novo", "explicar de novo",
            "explain everything again", "repeat myself", "voces prometeram", "you promised", "ninguem le", "nobody reads",
            "falar com o gerente", "speak to the manager", "talk to the manager", "nao vai ficar assim",
            "nao tem condicoes", "nao tem condicao", "nem pra avisar", "nem pra responder", "nem pra dar", "couldn't even",
            "couldnt even", "nao acredito que voces", "nao acredito que cancelaram", "can't believe you", "cant believe you",
            "nao valeu a pena", "nao valeu muito a pena",
        ])
        // Asking for help alone is support; next to what the help is for, that decides
        // ("i need help to buy an item", "help me cancel").
        add("support", 1.2, ["ajuda", "ajudar", "me ajuda", "help"])
        add("support", 2.5, [
            "problema", "nao consigo", "nao funciona", "nao funcionou", "erro", "deu erro", "travou",
            "senha", "login", "acessar", "acesso", "entrar na conta", "rastrear", "rastreio", "rastreamento", "cade meu", "cade o",
            "onde esta meu", "onde esta o", "nao chegou", "nao recebi", "ainda nao chegou", "atendente", "falar com", "humano",
            "meu pedido", "segunda via", "reembolso", "estorno", "trocar o endereco", "mudar o endereco", "alterar", "atualizar",
            "bloqueado", "bloqueada", "nao passa", "recusado", "recusou", "cade", "estornar", "endereco", "nao achou", "defeito",
            "falhou", "sumiu", "nao saiu", "demorando", "nao acho", "transferencia", "nao aparece", "caiu duas", "cobranca em dobro",
            "issue", "problem", "not working", "doesn't work", "won't work", "isn't working", "error", "password",
            "reset", "recover", "can't log", "cannot log", "sign in", "log in", "track", "tracking", "where is my",
            "where's my", "has not arrived", "hasn't arrived", "still hasn't", "refund", "invoice", "human", "agent",
            "representative", "speak to", "talk to", "change my", "change the", "update my", "edit my", "switch", "declined",
            "blocked", "stolen", "lost my card", "activate", "pin", "swallowed", "transfer failed", "failed", "stuck", "bill",
            "payment issue", "charged twice", "shipping address", "register", "registration", "my order",
            "nao abre", "nao abriu", "nao carrega", "nao carregou", "nao liga", "nao conecta", "nao conectou", "nao entra",
            "sem sinal", "sem internet", "sem acesso", "fora do ar", "caiu de novo", "remarcar", "reagendar", "fecha sozinho",
            "travando", "trava", "ta parada", "ta parado", "nao atualiza", "nao compensou", "nao caiu", "nao gera", "lentidao",
            "codigo de verificacao", "podem olhar", "pode olhar", "won't open", "won't load", "is down", "not loading", "keeps crashing", "stopped working",
            "verification code", "receipt", "didn't get", "didn't arrive", "didn't generate", "what do i do", "copy of my",
            "call me back", "reschedule", "logging me out", "been down", "comprovante", "recibo", "nota fiscal",
            "waiting on my", "waiting for my", "never arrived", "passcode", "wrong with my", "wrong with the",
            "nao estou conseguindo", "nao to conseguindo", "pode verificar", "consegue verificar", "poderia verificar",
            "verificar pra mim", "verifica pra mim", "verificar meu", "verificar minha", "pode checar", "altero", "mudar a data",
            // Someone asked to come and look at the trouble ("conseguem ver hoje?").
            "dar uma olhada", "da uma olhada", "conseguem ver", "consegue ver", "podem ver",
            "conseguem olhar",
            "trocar a data", "mudar o horario", "trocar o horario", "mudar o dia", "trocar o dia", "recuperar", "como recupero",
            "resetar", "redefinir", "nao mostra", "nao foi feito", "nao foi realizado",
            "nao foi processado", "status do", "protocolo", "desbloquear", "desbloqueio", "desbloqueado", "configurar", "titular",
            "2a via",
            "can you check", "look into", "won't let me", "fix it", "fix my", "statement", "hasn't shown up", "not showing",
            "o que aconteceu", "oq aconteceu", "mandar alguem", "continua aguardando", "aguardando pagamento", "consta como",
            "dando erro", "nao encontrada", "contestar", "contesto", "never got", "never received", "expired",
            "em aberto", "ilegivel", "nao ficou pronto", "corrigir", "reenviar", "reenvia", "mandar de novo",
            // Returns and exchanges of something bought ("quero devolver, não serviu").
            "devolver", "devolvo", "devolucao do produto", "fazer a devolucao", "quero trocar", "queria trocar",
            "como faco pra trocar", "como faco para trocar", "como faco a troca", "como troco", "sem funcionar",
            // A payment or an app that fails ("deu falha no pix", "the app crashes when I pay").
            "deu falha", "da falha", "dando falha", "crashes", "crashed", "crashing",
            // A refund wanted is no purchase ("quero um reembolso"); a document about what exists.
            "quero um reembolso", "quero o reembolso", "quero meu reembolso", "queria um reembolso", "quero um estorno",
            "quero o estorno", "quero meu estorno", "uma declaracao", "declaracao de",
            "gostaria de trocar", "preciso trocar", "fazer a troca",
            "trocar o produto", "trocar por outro", "trocar de tamanho", "nao serviu", "return this", "return it",
            "return the item", "return my order", "send it back", "send back", "exchange it", "exchange this",
            // Charges the customer does not recognise, and payments that will not go through.
            "nao reconheco", "cobranca indevida", "nao fiz essa compra", "compra que nao fiz", "don't recognize",
            "don't recognise", "didn't make this", "expirou", "expirado", "expirada", "pagamento expirou", "link expirou",
            "mudar a forma de pagamento", "trocar a forma de pagamento", "alterar a forma de pagamento",
            "alterar forma de pagamento", "mudar forma de pagamento", "trocar forma de pagamento", "nao consigo finalizar",
            "nao consigo pagar", "nao consigo comprar", "link expired", "payment link expired", "can't complete",
            "cannot complete", "can't check out", "can't checkout",
            // An app that freezes, a link that will not open, the wrong goods sent ("app keeps
            // freezing at checkout", "wrong item delivered").
            "keeps freezing", "freezes", "froze", "doesn't open", "doesnt open", "does not open", "not opening",
            "isn't opening", "broken link", "wrong item", "wrong size", "wrong product",
            // Something that exists and is late or slow: an exam result, a connection.
            "resultado do exame", "resultado dos exames", "ja saiu", "internet lenta", "internet ta lenta", "ta lenta",
            "esta lenta", "ta lento", "esta lento", "sinal fraco", "test results", "lab results", "my results",
            "internet is slow", "internet is so slow", "internet is super slow", "internet is really slow", "slow internet",
            "connection is slow", "wifi is slow", "locked out", "can't get into my account",
            // Marked as delivered, not there; a card or code the reader refuses.
            "says delivered", "marked as delivered", "shows delivered", "shows as delivered", "aparece como entregue",
            "consta entregue", "won't read", "won't scan", "nao le", "nao leu",
            "clonado", "clonada", "clonaram", "cloned", "valor errado", "wrong amount", "cobrado errado",
            "pessoa de verdade", "pessoa real", "alguem de verdade",
            "2 via", "acionar o seguro", "abrir um sinistro", "abrir sinistro",
            "perdi meu cartao", "perdi o cartao", "bloquear o cartao", "bloquear meu cartao", "preciso bloquear",
            "roubaram meu cartao", "furtaram meu cartao", "aumentar o limite", "aumentar meu limite", "aumento de limite",
            "increase my limit", "raise my limit", "limit increase",
            "parou de funcionar", "parou de pegar", "parou do nada",
            "resultado do meu", "meu resultado", "ja ta disponivel", "ja esta disponivel", "atualizar o cadastro",
            "atualizar meu cadastro", "update no cadastro", "dar update", "get it back", "get that back", "get my money back", "wrong account", "conta errada", "no signal",
            "o site caiu", "site caiu", "app caiu", "sistema caiu", "caiu o site", "caiu o app", "caiu o sistema",
            "nao ta funcionando", "nao esta funcionando", "nao tava funcionando",
            "aciono o seguro", "acionar meu seguro", "bati o carro", "bateram no meu carro", "ja ta pronto", "ja esta pronto",
            "ja ficou pronto", "faltou luz", "falta de luz", "acabou a luz", "sem energia", "faltou energia", "check engine",
            "warning light", "came back on", "acting up", "power outage", "power is out", "no power", "voltou o problema",
            "localizar o pedido", "localizarem o pedido", "localizar meu pedido", "o que eu faco", "o que faco agora",
            "antecipar a consulta", "antecipar minha consulta", "antecipar o horario", "adiantar a consulta",
            "move my appointment up", "move up my appointment",
            "acabei de pagar", "just paid",
            // A coupon or discount code that will not apply ("o cupom não tá aplicando o
            // desconto", "promo code isn't working").
            "cupom nao", "nao ta aplicando", "nao esta aplicando", "nao ta aceitando o cupom",
            "coupon isn't", "coupon isnt", "coupon doesn't", "coupon doesnt", "coupon didn't", "coupon didnt",
            "code isn't working", "code isnt working", "code doesn't work", "code doesnt work", "code didn't work",
            // Billed after a cancellation, a device that keeps restarting ("i was billed after i
            // cancelled", "a tv box fica reiniciando sozinha").
            "billed after", "charged after", "still being charged", "still getting charged", "still charging me",
            "cobrado depois", "cobrada depois", "cobrando depois", "continuo sendo cobrado", "continuo sendo cobrada",
            "keeps rebooting", "keeps restarting", "restarts by itself", "restarts on its own", "fica reiniciando",
            "reiniciando sozinho", "reiniciando sozinha", "reinicia sozinho", "reinicia sozinha", "can you look at",
            // A technician asked to come ("o técnico pode vir amanhã?").
            "o tecnico pode", "tecnico pode vir", "mandar um tecnico", "mandar o tecnico", "manda um tecnico",
            "send a technician", "send a tech", "send someone out",
            "foi despachado", "ja foi enviado", "foi postado", "has it shipped", "if it has shipped", "has it been shipped",
            // Said to be delivered, not there ("o entregador disse que deixou na portaria").
            "disse que deixou", "disse que entregou", "falou que deixou", "falou que entregou", "diz que entregou",
            "says he left", "said he left", "says they left", "said they left", "says it was left", "left it at", "nothing here",
            // An exchange of size or colour, a chip or card that does not take, an appeal, a
            // call back ("alguém pode me ligar?").
            "trocar o tamanho", "trocar a cor", "trocar o numero", "trocar a numeracao", "nao pega", "recorrer",
            "me ligar", "me ligue", "me liga", "me liguem", "ring me", "phone me",
            // A code or discount that does not apply; a swap of what came.
            "isn't applying", "not applying", "won't apply", "didn't apply", "nao aplicou", "nao foi aplicado",
            "nao foi aplicada", "nao aplica", "swap it", "swap this", "swap for", "exchange for",
            // What one forgot of an account; a service billed that was never taken.
            "nao lembro", "esqueci qual", "esqueci o email", "esqueci meu email", "esqueci meu usuario", "don't remember",
            "dont remember", "can't remember", "forgot my", "forgot which", "nao contratei", "nao solicitei", "nunca contratei",
            "nunca solicitei", "didn't sign up", "never signed up", "didn't subscribe", "never subscribed",
            // A bill asked for is a copy of one that exists ("me manda o boleto por email").
            "manda o boleto", "mandar o boleto", "mande o boleto", "envia o boleto", "enviar o boleto", "envie o boleto",
            "manda a fatura", "mandar a fatura", "envia a fatura", "enviar a fatura",
            // Something owed that never came ("o contador ainda não me mandou a guia"); a
            // utility cut off ("tá sem água desde ontem", "caiu a energia aqui"); a warning
            // light or a car that will not start; something broken to be mended.
            "nao me mandou", "nao me mandaram", "nao me enviou", "nao me enviaram", "sem agua", "sem luz", "sem gas",
            "falta de agua", "faltou agua", "acabou a agua", "caiu a energia", "caiu a luz", "caiu a internet", "internet caiu",
            "energia caiu", "luz do motor", "luz da injecao", "luz de injecao", "won't start", "wont start", "won't turn on",
            "roadside assistance", "da pra consertar", "pode consertar", "consegue consertar", "conseguem consertar",
            "preciso consertar", "mandar consertar", "da pra arrumar", "pode arrumar", "consegue arrumar", "conseguem arrumar",
            // A signal that comes and goes ("a internet cai toda noite", "a internet tá caindo toda
            // hora", "my wifi keeps dropping"); a charge the customer does not know.
            "internet cai", "internet caindo", "cai a internet", "conexao cai", "conexao caindo", "wifi cai", "wifi caindo",
            "internet ta caindo", "internet esta caindo", "sinal ta caindo", "caindo toda hora", "cai toda hora",
            "caindo direto", "vive caindo", "ligacao caindo", "ligacao cai", "keeps dropping", "keeps disconnecting",
            // A payment that stays pending, a record that shows the wrong date or name ("the app
            // shows the wrong date", "o pagamento continua pendente").
            "pending payment", "still pending", "says pending", "shows pending", "pagamento pendente", "ainda pendente",
            "continua pendente", "consta pendente", "wrong date", "wrong name", "wrong address", "data errada",
            "nome errado", "endereco errado", "horario errado",
            // A payment refused or charged twice ("meu pagamento não passou", "fui cobrado duas vezes"),
            // a site that will not let one in.
            "nao passou", "nao me deixa", "nao deixa eu", "cobrado duas", "cobrada duas", "cobraram duas", "cobrou duas",
            "cobrado em dobro", "cobrada em dobro",
            // Access lost or refused ("I can't access my account", "unable to access the portal").
            "can't access", "cant access", "cannot access", "unable to access", "can't get into", "cant get into",
            "cant log", "can't login", "cant login", "can't sign in", "cant sign in", "lost access", "is locked",
            "account locked", "got locked", "was locked", "locked my", "conta travada", "conta bloqueada",
            "sinal cai", "sinal caindo", "oscilando", "compra estranha", "cobranca estranha", "lancamento estranho", "valor estranho",
        ])
        add("purchase", 2.5, [
            "comprar", "quero comprar", "gostaria de comprar", "quero assinar", "assinar", "contratar", "adquirir", "quero o plano",
            "fazer um pedido", "fazer pedido", "fazer a matricula", "encomendar", "quero pedir", "vou levar", "quero levar", "reservar", "quero um",
            "buy", "purchase", "place an order", "place order", "make an order", "order a", "order some", "order the",
            "i want to order", "book a", "book me", "book the", "reserve", "subscribe to", "sign up for", "get me a", "shop",
            "acquire", "earn several", "purchase some", "vou querer", "quero pegar", "quero adicionar", "me ve", "me vende", "manda",
            "fechar", "finalizar a compra", "link de pagamento", "eu pago", "quanto fica pra levar", "quero agendar", "quero o",
            "quero a", "separar", "quero fazer a matricula", "me inscreve", "renovar", "renovacao", "quero renovar",
            "matricular", "quero matricular", "me matricular", "quero me inscrever", "inscrever", "querendo comprar",
            "querendo pegar", "querendo contratar", "querendo assinar",
            "renew", "create an account", "create account", "criar uma conta", "criar conta", "abrir uma conta", "abrir conta",
            "i'll take", "i'll buy", "i'll get", "i'll have", "gonna get", "gonna buy", "sign me up", "open an account",
            "open a new", "open a savings", "open a checking", "enroll", "add to my order", "add the", "how do i order",
            "how do i pay", "checkout", "vou comprar",
            "eu levo", "fechado", "pode emitir", "quero marcar", "portabilidade", "quero contratar",
            "ready to pay", "put me down for", "check out", "let me get", "can i get the", "can i get it", "place the order", "i want the",
            // An order by size or count ("can i get a large pepperoni?", "could i get two lattes").
            "can i get a large", "can i get a medium", "can i get a small", "can i get a dozen", "can i get two", "can i get 2",
            "can i get three", "can i get 3", "could i get a large", "could i get a medium", "could i get a small", "could i get two",
            "can i have a large", "can i have a medium", "can i have a small", "can i have two",
            "orcamento", "eu fecho", "ingresso", "ingressos", "payment link", "i'm paying", "get a quote",
            "me separa", "fazer o pedido", "me encaixar", "me encaixa", "consegue encaixar", "encaixar um horario", "encaixar uma",
            // Carts, waiting lists, plans chosen, sign-ups and pre-orders.
            "coloca no carrinho", "bota no carrinho", "ao carrinho", "meu carrinho", "vou ficar com", "fico com", "me cadastra",
            "me cadastrar", "pre venda", "reserva uma", "reserva um", "reserva pra mim", "me coloca na lista", "toma meu dinheiro",
            "take my money",
            // Interest declared in an offer, and how to enrol ("tenho interesse no apartamento",
            // "I'm interested in the yoga classes, how do I sign up?").
            "tenho interesse", "interessado no", "interessado na", "interessado em", "interessada no", "interessada na",
            "interessada em", "i'm interested in", "im interested in", "faco a inscricao", "fazer a inscricao", "how do i sign up",
            "quero 1", "quero 2", "quero 3", "queria 1", "queria 2", "queria 3", "queria um de", "queria uma de",
            "pode agendar", "pode marcar", "pode reservar",
            "my cart", "to cart", "to the cart", "pre order", "preorder", "i'll go with", "put me on the list",
            "port my number", "transfer my number", "switch my number",
            "queria marcar", "gostaria de marcar", "posso marcar", "marcar um horario", "queria agendar", "gostaria de agendar",
            "agenda uma", "agenda um", "agenda pra mim", "me agenda", "marca uma", "marca um", "marca pra mim", "me marca",
            "add a side", "add an extra", "add extra", "side of", "book it", "let's book", "lets book", "reserve it",
            // Joining a plan; something put aside to collect ("separa 2kg de picanha que passo aí").
            "aderir", "quero aderir", "separa", "separe", "eu assino", "me coloca", "fecha comigo", "fechar comigo",
            "deixar pago", "deixo pago", "i'll pay", "i will pay",
        ])
        add("information", 2, [
            "quanto custa", "qual o preco", "qual o valor", "preco", "valor do", "valor da", "valor dos", "valor das",
            "prazo de entrega", "qual o prazo", "quanto tempo",
            "horario", "funcionamento", "aceita", "aceitam", "formas de pagamento", "forma de pagamento", "parcela", "parcelar",
            "politica", "como funciona", "voces entregam", "entregam", "frete gratis", "qual", "quais", "informacao",
            "informacoes", "duvida", "saber", "gostaria de saber", "abrem", "fazem", "atendem", "funciona no", "acima de",
            "voces consertam", "voces vendem", "voces trabalham com", "voces trocam", "estao abertos", "esta aberto",
            "esta aberta", "ta aberto", "ta aberta",
            "tao abertos", "aberto hoje", "abre hoje", "abrem hoje", "do you have", "in stock", "have this in",
            "tem em estoque", "tem no tamanho", "tem disponivel",
            "precisa de", "cobre", "veste", "tem desconto", "tem loja", "tem opcao", "tem versao",
            "price", "cost", "do you accept", "can i use",
            "policy", "options", "delivery options", "delivery period", "how many days", "exchange rate", "fee", "fees", "limit",
            "limits", "supported", "support for", "countries", "age", "requirements",
            "visa or mastercard", "atm", "payment methods", "methods of payment",
            // The business's own facts: hours, place, programmes, terms.
            "opening hours", "business hours", "open on", "are you open", "you open", "you close", "located", "parking",
            "discount", "discounts", "installments", "deadline", "difference between", "loyalty", "warranty", "guarantee",
            "estacionamento", "onde fica", "garantia", "prazo para",
            "included", "include", "includes", "return window", "minimum", "maximum", "inclui", "incluso", "incluido",
            "cutoff", "come with", "comes with",
            "interest rate", "taxa de juros", "rate on",
            "quais documentos", "que documentos", "documentos necessarios", "melhor horario", "best time to",
            "abre no feriado", "abrem no feriado", "aberto no feriado", "abre feriado", "abre domingo", "abre aos domingos",
            "abre sabado", "abre aos sabados", "abre amanha", "que horas abre", "que horas fecha", "abre que horas",
            "fecha que horas",
            "pagar metade", "pay half", "half by card", "half on card",
            // Room for how many ("how many people can the room fit?", "cabem quantas pessoas?").
            "how many people", "how many guests", "quantas pessoas", "quantos convidados",
            // An indirect question ("I was wondering if you have vegan options").
            "wondering if", "wondering whether",
            // Information asked for by name ("gostaria de informações sobre os planos").
            "informacoes sobre", "informacao sobre", "mais informacoes", "saber mais", "information about",
            "info about",
            // Stock, and how many days.
            "estoque", "back in stock", "quantos dias",
            // What a product comes in, when it returns, what a place allows ("what sizes does it
            // come in", "when do you restock", "are pets allowed").
            "what sizes", "which sizes", "what colors", "what colours", "which colors", "restock",
            "restocking", "pets allowed", "dogs allowed", "kids allowed", "do you allow", "is it allowed",
            // What the products are, asked by word order ("are your products cruelty free").
            "are your products", "are the products", "is this product",
        ])
        // Question words alone: any question has them, so they only lean towards
        // information and leave the decision to the model.
        add("information", 0.5, ["tem como", "how much", "how long", "what are", "what is", "which", "do you", "information", "info", "know", "check"])
        // What leaving costs is a question about terms, however much "cancel" it holds.
        add("information", 6, [
            "cancellation fee", "cancellation fees", "cancellation charge", "cancellation charges", "cancellation penalty",
            "termination fee", "termination charge", "early termination", "refund policy", "taxa de cancelamento",
            "multa de cancelamento", "multa rescisoria", "politica de reembolso",
            "is there a fee", "is there a charge", "tem taxa", "tem alguma taxa", "cobram taxa", "cobra taxa",
            // So is what a cancellation would bring ("se eu cancelar agora pago multa?").
            "se eu cancelar", "caso eu cancele", "se eu cancelo", "if i cancel", "if i cancelled", "if i canceled",
            "pago multa", "tem multa", "cobram multa", "cobra multa",
        ])
        add("greeting", 1, [
            "oi", "ola", "bom dia", "boa tarde", "boa noite", "e ai", "eai", "salve", "tudo bem", "tudo bom", "opa", "hey",
            "hi", "hello", "good morning", "good afternoon", "good evening", "how are you", "how's it going", "howdy", "greetings",
            "what's up", "sup", "nice to meet", "hola", "oii", "oie", "oiee", "eae", "fala pessoal",
            "heyo", "hiya", "yo", "ahoy", "how is your day", "how's your day", "how are things", "what's happening",
            "whats up", "good day", "how do you do", "how have you been", "long time no see", "alo", "salve salve", "heya", "fala ai",
            "saudacoes", "top of the morning", "wassup",
            "afternoon all", "morning all", "evening all",
        ])
        add("thanks", 3, [
            "agradecer", "pra agradecer", "pela ajuda", "a ajuda", "pelo atendimento", "pela atencao", "pelo retorno", "tenha um bom dia", "great help",
            "big help", "a help", "so helpful", "very helpful", "been helpful", "help is appreciated", "ajudou muito",
            "ajudaram muito", "super prestativo", "super prestativa", "muito prestativo", "muito prestativa",
            // What the thanks are for is done ("thanks for the help with the refund!").
            "for the help", "for your help", "for helping", "for sorting", "for fixing", "for solving", "for resolving",
            "for taking care",
        ])
        add("thanks", 1.2, [
            "obrigado", "obrigada", "obg", "valeu", "agradeco", "grato", "grata", "muito obrigado", "brigado", "gratidao",
            "thanks", "thank", "thx", "thnx", "ty", "tysm", "tks", "appreciate", "appreciated", "grateful", "cheers", "gracias", "brigadao", "obrigadao",
            "agradecido", "agradecida", "muito obrigada", "agradecemos", "brigadu", "obrigadu",
            "gratitude", "good job", "great job", "owe you", "so kind", "very kind", "kind of you", "much obliged", "you rock",
            "you're the best", "lifesaver", "valeu demais", "salvou", "me salvou", "voce e demais", "sao demais",
            "valeuzao", "tyvm", "bless you", "thanks heaps", "tirou um peso",
        ])
        // Chat that is not for the business: slips in the chat itself, questions to the bot
        // itself, small talk, news.
        add("other", 2, Lexicon.slips)
        // Worth it, not thanks ("valeu a pena").
        add("other", 2, ["valeu a pena", "valeu muito a pena"])
        // Custom promised in a review is praise, not an order ("great product, would
        // definitely buy again", "compraria de novo").
        add("other", 2, [
            "would buy again", "would order again", "would definitely buy", "would definitely order", "would buy from",
            "would order from", "will buy again", "will order again", "will definitely buy", "will definitely order",
            "would fly again", "would book again", "would stay again", "would happily buy",
            "compraria de novo", "compraria novamente", "compraria outra vez", "compro de novo", "compro novamente",
            "compraria outro", "compraria outra",
            // So is custom kept ("love your store, always shop here", "sempre compro com vocês").
            "always shop here", "always shop with", "always shop at", "always buy from", "always buy here",
            "always order from", "always order here", "sempre compro aqui", "sempre compro com", "sempre compro na",
            "sempre compro no", "sempre peco aqui", "sempre peco com",
        ])
        // Asking one's own people first defers; it reaches nobody at the business ("let me talk
        // to my husband first", "vou ver com meu sócio").
        add("other", 2, [
            "talk to my husband", "talk to my wife", "talk to my partner", "talk to my boss", "check with my", "run it by",
            "ask my husband", "ask my wife", "falar com meu marido", "falar com minha esposa", "falar com minha mulher",
            "falar com meu socio", "falar com minha socia", "falar com meu chefe", "ver com meu", "ver com minha",
            "perguntar pro meu", "perguntar pra minha", "consultar meu marido", "consultar minha esposa",
        ])
        add("other", 2, [
            "robo", "bot", "quem ganhou", "conta uma piada", "futebol", "novela", "bbb", "resultado do jogo", "who won",
            "tell me a joke", "nevermind", "hiring", "job opening", "estao contratando", "vagas de emprego",
            "curriculo", "trabalhar com voces",
            "seu nome", "your name", "vai chover", "going to rain",
            // Asking the bot's own taste is chat ("vc gosta de pagode?", "na sua opinião").
            "sua opiniao", "voce gosta", "your opinion", "do you like", "sua cor favorita", "seu favorito", "sua favorita",
            "your favorite", "your favourite",
            // Asking whether a person answers is chat too, not a wish to reach one.
            "humano ou robo", "e humano", "are you human", "human or bot",
            "voce e de onde", "voce e de qual", "where are you from", "previsao do tempo", "weather forecast",
            // Questions to the bot about itself or the world ("quem te criou?", "que horas são?").
            "quem te criou", "quem criou voce", "who made you", "who created you", "who built you", "que horas sao",
            "what time is it",
            "ignora", "desconsidera", "desconsidere",
            "esse numero e da", "esse numero e do", "esse numero e de", "is this the number for", "is this number for",
            "meme", "didn't mean to", "didnt mean to",
            // "Sem problema, eu espero" agrees; it reports no problem.
            "sem problema", "sem problemas", "no problem", "no problems",
            // A hard day is chat about oneself ("que dia difícil hoje, tô exausta").
            "dia dificil", "dia puxado", "dia cansativo", "rough day", "long day", "tough day",
            // So is a low mood ("feeling down today", "tô meio pra baixo").
            "feeling down", "feel down", "felt down", "feeling low", "feeling blue", "feeling really down", "feeling so down",
            "feeling pretty down", "meio pra baixo", "me sentindo pra baixo",
            "que calor", "que frio", "calor hoje", "frio hoje", "so hot today", "so cold today",
            // Boredom is chat about oneself; "sounds good" agrees.
            "i'm bored", "im bored", "so bored", "to entediado", "to entediada", "que tedio",
            "sounds good", "sounds great", "sounds perfect", "sounds fine",
            "e uma pessoa de verdade", "e uma pessoa real", "voce e uma pessoa", "are you a real person", "real person or",
        ])
        return entries
    }()

    /// The intent and a confidence in 0…1; `cued` when a cue phrase decided it rather than
    /// the rules for messages without one.
    public static func classify(_ words: [Token], sentiment: Double, questions: Int = 0) -> (intent: String, confidence: Double, cued: Bool) {
        let v = Vocabulary.shared
        var scores = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        var matched: UInt8 = 0
        withUnsafeMutableBytes(of: &scores) { raw in
            let scores = raw.bindMemory(to: Double.self)
            for i in words.indices {
                let first = words[i].id
                guard v.starts(first, Vocabulary.Starts.cue) else { continue }
                // "nada a reclamar", "can't complain": no complaint.
                if v.has(first, Vocabulary.Role.grievance), words[max(0, i - 4)..<i].contains(where: { $0.id >= 0 && v.negation[Int($0.id)] }) {
                    continue
                }
                // "nunca tive problema", "never had any issues": no trouble to help with.
                if v.has(first, Vocabulary.Role.trouble), v.troubleDenial(at: i, in: words) != nil { continue }
                // A cancellation that befell ("meu voo foi cancelado") asks for none; one denied
                // ("não quero cancelar, só pausar", "don't cancel my order") is about something
                // that exists and stays.
                if v.has(first, Vocabulary.Role.cancelling) {
                    if v.cancellationBefell(at: i, in: words) { continue }
                    if v.cancellationDenied(at: i, in: words) {
                        scores[support] += 2.5
                        matched |= 1 << support
                        continue
                    }
                }
                v.cues.forEachMatch(at: i, in: words) { cue, rest in
                    // A greeting opens a message; later, "tudo bem?" asks whether all is well.
                    if cue.intent == greeting && i > 3 { return }
                    // A purchase denied ("I didn't buy this", "não quero comprar") asks for
                    // none; one that cannot go through ("can't buy") is left to the support cues.
                    if cue.intent == purchase, v.purchaseDenied(at: i, in: words) { return }
                    // Longer phrases are more specific.
                    scores[cue.intent] += cue.weight * (1 + 0.3 * Double(rest))
                    matched |= 1 << cue.intent
                }
            }
        }
        return withUnsafeMutableBytes(of: &scores) { raw in
            let scores = raw.bindMemory(to: Double.self)
            // A message that is only a greeting or thanks ("oi", "obrigado!") is one; with
            // other content, those cues step back. A greeting before other cues counts half,
            // however many greetings it stacks ("oi, bom dia! queria saber o valor do plano").
            if matched & (1 << greeting) != 0, matched & ~(1 << greeting | 1 << thanks) != 0 { scores[greeting] *= 0.5 }
            // Praise that names the business's facts states, it does not ask ("excelente produto,
            // entrega rápida e preço justo"); a question word or a wish to know still asks ("oi,
            // adorei a loja! qual o horário de sábado", "queria saber o valor do frete, obrigada").
            if questions == 0, sentiment >= SentimentAnalyzer.positiveThreshold, matched & (1 << information) != 0,
                !words.contains(where: { v.questionWords.contains($0.id) }), !v.wantsToKnow(words)
            {
                scores[information] = 0
                matched &= ~(1 << information)
            }
            var total = 0.0
            for k in 0..<intents.count where matched & (1 << k) != 0 { total += scores[k] }
            if total == 0 {
                if sentiment <= -0.45 { return ("complaint", min(0.9, 0.4 + abs(sentiment) / 2), false) }
                // A question with no other cue asks for information ("tem estacionamento?").
                // So does one word of the business's trade ("pix?", "valor?").
                if questions > 0 && (words.count >= 2 || words.count == 1 && v.starts(words[0].id, Vocabulary.Starts.topic)) {
                    return ("information", 0.5, false)
                }
                return ("other", 0.5, false)
            }
            // A purchase that will not go through asks for help ("o link de pagamento não abre",
            // "the checkout page won't load").
            if sentiment < 0, matched & (1 << support) != 0, matched & (1 << purchase) != 0 {
                scores[support] += scores[purchase]
            }
            // Strong negativity turns support cues into a complaint when the message states
            // rather than asks ("não recebi o produto, estou brigando pelo meu dinheiro");
            // with a question it stays a request unless complaint cues come close.
            if sentiment <= -0.6, matched & (1 << support) != 0 {
                scores[complaint] += scores[support] * (questions == 0 ? 1.2 : 0.6)
                matched |= 1 << complaint
            }
            // The highest score; of equal ones, the first in `intents`.
            var best = -1
            for k in 0..<intents.count where matched & (1 << k) != 0 && (best < 0 || scores[k] > scores[best]) { best = k }
            var confidence = min(0.99, 0.35 + 0.6 * scores[best] / (total + 1))
            // A greeting before words that no cue reads ("oi, queria uma pizza meia calabresa")
            // leaves them to the model, unless they read negative (a greeting around trouble is
            // a complaint: `MessageAnalyzer`).
            if matched == 1 << greeting && words.count >= 5 && sentiment > complaintBelow { confidence = min(confidence, 0.5) }
            return (intents[best], confidence, true)
        }
    }

    /// Whether every cancellation word of `words` befell or is denied: then the model's
    /// "cancellation" stands for none either.
    static func cancellationOnlyDenied(_ words: [Token]) -> Bool {
        let v = Vocabulary.shared
        var denied = false
        for i in words.indices where v.has(words[i].id, Vocabulary.Role.cancelling) {
            guard v.cancellationBefell(at: i, in: words) || v.cancellationDenied(at: i, in: words) else { return false }
            denied = true
        }
        return denied
    }

    /// A message with no other intent whose sentiment score is at or below this is a complaint.
    static let complaintBelow = -0.2
    /// Thanks or a greeting whose sentiment score is at or below this is a complaint.
    static let courtesyComplaintBelow = -0.25

    static let greeting = intents.firstIndex(of: "greeting")!
    static let thanks = intents.firstIndex(of: "thanks")!
    static let support = intents.firstIndex(of: "support")!
    static let purchase = intents.firstIndex(of: "purchase")!
    static let information = intents.firstIndex(of: "information")!
    static let complaint = intents.firstIndex(of: "complaint")!
}
