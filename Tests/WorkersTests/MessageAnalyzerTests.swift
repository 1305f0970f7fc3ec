import Foundation
import Testing

@testable import Workers

@Suite("Message analysis: hard cases in Portuguese and English")
struct MessageAnalyzerTests {
    /// Texts and the sentiment each must read as. Typed, so that the compiler need not infer
    /// the type of a literal this long.
    static let sentimentCases: [(String, String)] = [
        ("não gostei", "negative"),
        ("nao gostei do produto", "negative"),
        ("não é ruim", "positive"),
        ("nada bom", "negative"),
        ("not bad at all", "positive"),
        ("not good", "negative"),
        ("o produto é bom mas a entrega foi péssima", "negative"),
        ("a entrega atrasou mas o produto é excelente", "positive"),
        ("VOCÊS SÃO UM LIXO, QUERO MEU DINHEIRO DE VOLTA", "negative"),
        ("THIS IS THE WORST SERVICE EVER", "negative"),
        ("😍😍😍", "positive"),
        ("😡😡", "negative"),
        ("👍", "positive"),
        ("ótimo, mais um atraso 🙄", "negative"),
        ("adorei sqn", "negative"),
        // Applause for praise and criticism together is sarcasm; for praise alone, or with
        // laughter, it is applause.
        ("parabéns pela organização, a pizza chegou fria e faltando o refri 👏👏", "negative"),
        ("great job losing my bag again 👏👏", "negative"),
        ("parabéns pelo atendimento, resolveram rapidinho 👏", "positive"),
        ("amei muitoooo, chegou rapidinho", "positive"),
        ("obrigadoooo vcs são demais kkkk", "positive"),
        ("the app keeps crashing, I'm so frustrated", "negative"),
        ("I love it, great job!", "positive"),
        ("qual o horário de funcionamento?", "neutral"),
        ("ok", "neutral"),
        ("produto ok", "neutral"),
        ("nunca fui tão bem atendida", "positive"),
        ("I have never been so pissed off", "negative"),
        ("the flight was fine :(", "negative"),
        ("see you tomorrow :D", "positive"),
        ("chegou hoje <3", "positive"),
        ("bonito, mas o touch é péssimo e o controle é ruim", "negative"),
        // A reservation after praise that names no fault is still one.
        ("gostei, mas esperava outra cor", "neutral"),
        ("não comprem gente, péssimo produto", "negative"),
        ("can you help with my seat? thanks!", "neutral"),
        ("I would love it if someone could call me back", "neutral"),
        ("a conta não abre", "negative"),
        ("tô sem sinal desde ontem", "negative"),
        ("o site tá fora do ar", "negative"),
        ("o app tá todo zoado", "negative"),
        ("a encomenda chegou aberta", "negative"),
        ("this is taking forever", "negative"),
        ("tô puto com vcs", "negative"),
        ("vcs são 10", "positive"),
        ("quanto tempo demora pra chegar?", "neutral"),
        ("vale muito a pena", "positive"),
        ("chegou no dia certo, perfeito", "positive"),
        ("fiquei no prejuízo", "negative"),
        ("quero cancelar meu plano", "neutral"),
        ("o frete é cobrado à parte?", "neutral"),
        ("o boleto venceu, como pago agora?", "neutral"),
        ("the app won't open", "negative"),
        ("my package hasn't arrived", "negative"),
        ("i want to cancel my subscription", "neutral"),
        ("please cancel my order", "neutral"),
        ("i want to cancel, this service is terrible", "negative"),
        ("why did you cancel my flight", "negative"),
        ("não poderia ser melhor", "positive"),
        ("couldn't be happier with the service", "positive"),
        ("i can't thank you enough", "positive"),
        ("can't recommend them enough", "positive"),
        ("nada a reclamar, chegou rapidinho", "positive"),
        ("não tenho do que reclamar", "positive"),
        ("nothing to complain about", "positive"),
        ("no complaints so far, great service", "positive"),
        ("not good enough", "negative"),
        ("não poderia estar pior", "negative"),
        ("cancel my membership please", "neutral"),
        ("i can't get enough of this", "positive"),
        ("this is fucking great", "positive"),
        ("you guys rock!", "positive"),
        ("friendliest staff in town", "positive"),
        ("thanks for the update #sarcasm", "negative"),
        ("still haven't heard back from anyone", "negative"),
        ("fucking terrible service", "negative"),
        ("they hung up on me twice", "negative"),
        ("i can't get through to anyone", "negative"),
        ("the app keeps logging me out", "negative"),
        ("boa tarde", "neutral"),
        ("good morning", "neutral"),
        ("foi mal, mandei no grupo errado", "neutral"),
        ("so fed up with this", "negative"),
        ("o aplicativo vive dando pau", "negative"),
        ("a internet cai toda noite, não dá mais", "negative"),
        ("já é a quinta vez que eu explico a mesma coisa", "negative"),
        ("desculpa, mensagem errada", "neutral"),
        ("sorry, wrong message", "neutral"),
        ("it's raining so hard here", "neutral"),
        // Custom withdrawn, and its lookalikes.
        ("não compro mais aqui", "negative"),
        ("parei, não peço mais de vcs", "negative"),
        ("I'm never ordering from you again", "negative"),
        ("won't be back", "negative"),
        ("nunca mais compro nessa loja", "negative"),
        ("não dói mais, obrigada", "positive"),
        ("não, volto mais tarde", "neutral"),
        // Plain questions and answers are no verdict.
        ("how do I cancel tomorrow's appointment?", "neutral"),
        ("how much is the monthly fee?", "neutral"),
        ("tá bom", "neutral"),
        ("tá bom demais esse lanche", "positive"),
        ("good morninggg", "neutral"),
        ("por favor cancelem meu pedido, comprei errado", "neutral"),
        // A negation does not reach past punctuation; a polite "no" is no grievance.
        ("não, obrigado", "neutral"),
        ("no, it's great", "positive"),
        ("não dói mais, obrigada", "positive"),
        ("não, volto mais tarde", "neutral"),
        ("no thanks", "neutral"),
        ("não obrigado", "neutral"),
        // Strong praise opening a message that then only criticises is sarcasm; "ok, aguardo"
        // is not.
        ("que maravilha, chegou quebrado", "negative"),
        ("oh great, it arrived broken", "negative"),
        ("adorei esperar 2 horas na linha 🙃", "negative"),
        ("ok, aguardo o retorno", "neutral"),
        ("thank you. They are processing my refund.", "neutral"),
        // Slang verdicts.
        ("o produto é meia boca", "negative"),
        ("ficou daora o corte", "positive"),
        ("vale cada centavo", "positive"),
        ("left a lot to be desired", "negative"),
        ("the room smelled like smoke and the AC didn't work", "negative"),
        // Answers and bare commands are no verdict.
        ("sim", "neutral"),
        ("beleza então", "neutral"),
        ("yes", "neutral"),
        ("cancel", "neutral"),
        ("cancelar pedido", "neutral"),
        ("cancel everything, I want nothing more to do with you", "negative"),
        ("boleto vencido, como pago?", "neutral"),
        // Praise beside an eye-roll is sarcasm, however mild the grievance.
        ("ótimo atendimento, só demorou 3 horas pra alguém responder 🙄", "negative"),
        // A polite wish and a plan's name are no praise; power cuts and payments that bounce
        // are trouble.
        ("I'd like to cancel my subscription, I'm moving abroad", "neutral"),
        ("I want to upgrade to the premium plan", "neutral"),
        ("faltou luz na rua toda", "negative"),
        ("my card payment bounced", "negative"),
        ("the refund still says pending", "negative"),
        // The last time one buys, exasperation, mockery; a request in a later clause asks.
        ("essa é a última vez que peço aqui", "negative"),
        ("that was the last time I fly with you", "negative"),
        ("a última vez que comprei aqui veio certinho", "positive"),
        ("PELO AMOR DE DEUS ME RESPONDAM", "negative"),
        ("vocês são uma piada mesmo", "negative"),
        ("me conta uma piada", "neutral"),
        ("desisti da compra, pode cancelar", "neutral"),
        ("o valor caiu duas vezes na fatura", "negative"),
        // An intensifier belongs to its own clause; hesitation is no verdict; sites go down.
        ("não quero mais, pode cancelar", "neutral"),
        ("hmm, vou ver", "neutral"),
        ("hmm let me check", "neutral"),
        ("mds, o app caiu de novo", "negative"),
        ("the discount code isn't working", "negative"),
        ("zero stars if I could", "negative"),
        ("não tô conseguindo entrar no app", "negative"),
        ("apareceu uma cobrança que eu não reconheço", "negative"),
        // Negation inside an idiom; loving to wait; "só que não".
        ("nada mal esse hambúrguer", "positive"),
        ("sem dúvida a melhor pizzaria do bairro", "positive"),
        ("não sei se vale a pena, alguém já usou?", "neutral"),
        ("amei esperar uma hora pelo técnico", "negative"),
        ("love waiting on hold for an hour", "negative"),
        ("entrega rápida só que não", "negative"),
        ("never had such friendly staff", "positive"),
        // A show one goes to; a greeting before a request; a product unlike its listing.
        ("quero 2 ingressos pro show de sábado", "neutral"),
        ("two tickets for the show on friday please", "neutral"),
        ("hi, i need to cancel my july trip, how do i do that?", "neutral"),
        ("veio com a cor diferente da foto", "negative"),
        // A long mixed review whose criticism only just outweighs its praise is three stars;
        // short chat with the same contrast reports trouble.
        ("A mochila é bonita e do tamanho certo, chegou no prazo, porém a alça não é muito resistente, é bem fraquinha.", "neutral"),
        ("gostei do produto mas a entrega atrasou", "negative"),
        // Trouble that a question names as the service's object is asked about, not reported.
        ("vocês consertam tela quebrada de iphone?", "neutral"),
        ("qual o prazo pra trocar um produto com defeito?", "neutral"),
        ("do you sell cat food for kidney problems?", "neutral"),
        ("what happens if I pay the bill late?", "neutral"),
        // Impatience without a word of trouble.
        ("faz duas semanas que eu espero esse reembolso", "negative"),
        ("impressionante como ninguém lê o que eu escrevo", "negative"),
        ("you promised to call yesterday and nothing", "negative"),
        ("e aí, vai chegar ou não vai?", "negative"),
        ("so is it coming or not?", "negative"),
        ("nem pra avisar que ia atrasar", "negative"),
        ("didn't disappoint, would recommend", "positive"),
        ("what's your refund policy for sale items?", "neutral"),
        ("suave, sem pressa", "neutral"),
        ("paia demais esse atendimento", "negative"),
        ("package says delivered but it's not at my door", "negative"),
        ("do the classes run during the summer break?", "neutral"),
        ("no issues at all", "positive"),
        ("o atendimento tá longe de ser bom", "negative"),
        ("far from perfect", "negative"),
        // Missing an appointment is a fact; "please" opening a later clause asks; "a joke"
        // mocks, "tell me a joke" does not; an English "SIM" is no Portuguese "sim".
        ("can't make it on Friday, please cancel my booking", "neutral"),
        ("you guys are a joke", "negative"),
        ("tell me a joke", "neutral"),
        ("my SIM card arrived today", "neutral"),
        // Asking for the best is no praise; supposing trouble is no report; "beleza," opens
        // a reply.
        ("qual a melhor forma de pagamento?", "neutral"),
        ("which one is the best for kids?", "neutral"),
        ("o seguro cobre roubo?", "neutral"),
        ("does it cover water damage?", "neutral"),
        ("beleza, passo aí amanhã", "neutral"),
        ("ok, waiting for your reply", "neutral"),
        ("ok, mas até agora nada chegou", "negative"),
        // Slips in the chat; asking the bot's taste.
        ("mandei a foto errada, pode ignorar", "neutral"),
        ("wrong pic, ignore that", "neutral"),
        ("qual sua comida favorita?", "neutral"),
        ("qual seu filme favorito", "neutral"),
        // "pouco" before praise denies it, "um pouco" softens; regret a negation turns; an
        // answer withheld is trouble, one awaited is not.
        ("a mochila é pouco resistente", "negative"),
        ("ficou um pouco melhor depois da troca", "neutral"),
        ("pode comprar, não vai se arrepender", "positive"),
        ("me arrependo de ter comprado aqui", "negative"),
        ("mandei três e-mails e ninguém me deu resposta", "negative"),
        ("aguardo retorno", "neutral"),
        ("never got a reply to my email", "negative"),
        ("nobody ever got back to me", "negative"),
        // Less than was sold, or something else; a copy; money back that came in, and money
        // taken twice, which did not.
        ("comprei 5 e só vieram 4", "negative"),
        ("recebi apenas metade do pedido", "negative"),
        ("mandaram outra cor", "negative"),
        ("o tênis não é original", "negative"),
        ("finalmente caiu o estorno", "positive"),
        ("o pix caiu duas vezes", "negative"),
        ("i only received half of my order", "negative"),
        ("the transfer finally came through", "positive"),
        // What was left unsaid, damage, low quality, nobody coming; words whose sense here is
        // not their valence: business days, an invoice, a cheaper option, eagerness, and
        // praise inside a plain name or request ("gluten free", "gift card", "as soon as").
        ("o anúncio não informa a voltagem", "negative"),
        ("a caixa chegou com avaria", "negative"),
        ("o tecido é de baixa qualidade", "negative"),
        ("the signal is weak in my bedroom", "negative"),
        ("o exame fica pronto em 3 dias úteis", "neutral"),
        ("preciso da nota fiscal do pedido 4432", "neutral"),
        ("quero o plano mais barato", "neutral"),
        ("mal posso esperar pra usar", "positive"),
        ("do you have gluten free bread", "neutral"),
        ("i want to buy a gift card for my sister", "neutral"),
        ("call me as soon as the car is ready", "neutral"),
        ("me avisa o mais rápido possível quando o carro ficar pronto", "neutral"),
        ("tô há 3 dias sem gás, ninguém aparece", "negative"),
        ("o prazo de entrega não foi informado", "negative"),
        ("quero saber se o seguro cobre roubo", "neutral"),
        ("não sei se recomendo, ainda estou testando", "neutral"),
        ("let me know if the blue one is perfect for a gift", "neutral"),
        ("quero saber se vocês vão resolver esse absurdo", "negative"),
        ("não sei se volto mais nessa loja", "negative"),
        ("a descrição não tem informação nenhuma sobre o tamanho", "negative"),
        ("não precisa informar o cpf?", "neutral"),
        ("a tela do celular veio trincada", "negative"),
        ("a camiseta desbotada na primeira lavagem", "negative"),
        ("a internet tá oscilando desde ontem", "negative"),
        ("quero um piso de cimento queimado na sala, vocês fazem?", "neutral"),
        ("the app keeps freezing when I open the cart", "negative"),
        ("the mug came chipped", "negative"),
        // Nothing better exists: praise, not a denial; an improvement denied and boredom stay
        // negative, and a question asks.
        ("nada melhor que receber antes do prazo", "positive"),
        ("ninguém faz melhor que vocês", "positive"),
        ("não existe loja melhor", "positive"),
        ("there's no better place to shop", "positive"),
        ("nobody does it better", "positive"),
        ("nothing beats your service", "positive"),
        ("depois da troca não ficou nada melhor", "negative"),
        ("the new version is no better than the old one", "negative"),
        ("i have nothing better to do than wait on hold", "negative"),
        ("nobody better touch my bike", "negative"),
        ("não tem um tamanho melhor?", "neutral"),
        // Left unanswered; vacuum-packed is no grievance.
        ("ninguém me ligou de volta", "negative"),
        ("nobody replied to my email", "negative"),
        ("me deixaram no vácuo", "negative"),
        ("o café vem embalado a vácuo?", "neutral"),
        ("que perrengue pra falar com alguém", "negative"),
        // Sarcasm in English too; stars given; a parcel soaked, hair wet.
        ("great, another delay. thanks a lot", "negative"),
        ("five stars, would order again", "positive"),
        ("the package was left in the rain and everything got wet", "negative"),
        ("a caixa chegou toda molhada", "negative"),
        ("the hair mask works best on wet hair", "positive"),
        // A polite "no" ends its clause; before more words its negation denies them.
        ("não valeu a pena", "negative"),
        ("não valeu o preço", "negative"),
        ("não, valeu", "neutral"),
        ("valeu a pena cada centavo", "positive"),
        ("preço justo", "positive"),
        ("o pedido veio trocado", "negative"),
        ("o limite do cartão diminuiu sem aviso", "negative"),
        // Steps a payment waits for, denied; things that keep failing or do not last.
        ("o boleto não foi gerado", "negative"),
        ("o boleto foi gerado, tudo certo", "positive"),
        ("o roteador vive reiniciando", "negative"),
        ("a bateria não dura nada", "negative"),
        ("vocês são muito enrolados", "negative"),
        ("meu cabelo é enrolado, serve?", "neutral"),
        ("o lanche chegou murcho", "negative"),
        ("the wifi keeps dropping every night", "negative"),
        ("the battery doesn't last at all", "negative"),
        ("you guys keep stalling", "negative"),
        // An answer of two words opening its own clause acknowledges; it does not praise.
        ("tá bom, vou esperar", "neutral"),
        ("ok então, aguardo o retorno", "neutral"),
        // A phrase with a valence stays within its clause: an answer "não," before praise.
        ("não é ruim não, gostei", "positive"),
        ("não, gostei sim", "positive"),
        ("não. funciona perfeitamente", "positive"),
        ("nao, chegou sim, obrigada", "positive"),
        ("sorry, wrong chat", "neutral"),
        ("não, obrigado", "neutral"),
        // Codes that never come, services not done, promises not kept, a used look.
        ("o código de verificação não chega", "negative"),
        ("paguei por um serviço que não foi prestado", "negative"),
        ("quero desistir da compra, ainda não foi enviado?", "neutral"),
        ("o produto parece usado", "negative"),
        ("vocês só sabem cobrar", "negative"),
        ("a internet tá uma lesma hoje", "negative"),
        ("liguei três vezes e nada", "negative"),
        ("vocês arrasaram", "positive"),
        ("ri muito com a entrevista de hoje", "positive"),
        // A neutral phrase yields to a valenced one on its last word, not on an article.
        ("o atendente foi super mal educado", "negative"),
        ("foi mal, mandei no grupo errado", "neutral"),
        ("tell me a joke", "neutral"),
        // One strong word closing a statement is its verdict; a closing thanks is politeness.
        ("eliminaram a melhor pessoa da competição, revoltada", "negative"),
        ("can I get one online? Thanks!", "neutral"),
        // A stretched word known only with its double letter ("afff" is "aff", not "af").
        ("afff", "negative"),
        // Verdicts without a listed word before: food, fit, below expectations, custom withdrawn
        // "de novo", money thrown away, promises not kept, a rip-off, a complaint site.
        ("the food was inedible", "negative"),
        ("exactly what I needed", "positive"),
        ("not exactly what I ordered", "negative"),
        ("bem abaixo do esperado", "negative"),
        ("vcs sao lentos demais", "negative"),
        ("não compraria de novo", "negative"),
        ("joguei dinheiro fora", "negative"),
        ("a qualidade caiu muito", "negative"),
        ("o suporte é inexistente", "negative"),
        ("a loja não honra o prazo", "negative"),
        ("esse frete é um assalto", "negative"),
        ("vou colocar no reclame aqui", "negative"),
        ("tá osso", "negative"),
        ("o relógio atrasa 5 minutos por dia", "negative"),
        // A lukewarm verdict with mild words around it is neutral; strong words still tell.
        ("razoável, nada excepcional", "neutral"),
        ("produto mediano", "neutral"),
        ("quebra um galho", "neutral"),
        ("pelo preço até que é bom", "neutral"),
        ("o produto é mais ou menos", "neutral"),
        ("quebrou o galho, obrigado", "positive"),
        ("pelo preço, é uma porcaria horrível", "negative"),
        ("não corresponde à descrição do site", "negative"),
        // Loathing, eagerness and its denial, slang praise.
        ("I can't stand his voice", "negative"),
        ("really looking forward to the weekend", "positive"),
        ("not looking forward to the exam tomorrow", "negative"),
        ("that concert last night was unreal", "positive"),
        // Done for no reason, no use complaining, thanks beyond words, melted food.
        ("o banco bloqueou meu cartão sem motivo", "negative"),
        ("o açaí chegou derretido", "negative"),
        ("nem adianta reclamar, ninguém faz nada", "negative"),
        ("não tenho palavras pra agradecer", "positive"),
        ("the app keeps asking me to log in again", "negative"),
        ("you're a lifesaver", "positive"),
        ("the new feature is a game changer", "positive"),
        // A wish for more or better is a reservation, unless denied or asked; a request is not.
        ("could have been better", "negative"),
        ("the food could have been a lot better", "negative"),
        ("o atendimento podia ser bem melhor", "negative"),
        ("produto bom, poderia ter um acabamento melhor", "neutral"),
        ("não poderia ser melhor!", "positive"),
        ("it couldn't have been better!", "positive"),
        ("poderia me passar mais detalhes sobre o plano", "neutral"),
        // A conceded clause weighs less than the rest; "vou embora" concedes nothing.
        ("ótimo produto, apesar da demora na entrega", "neutral"),
        ("apesar do atraso, amei o produto!", "positive"),
        ("despite the delay, the crew was amazing", "positive"),
        ("vou embora mais cedo hoje", "neutral"),
        // Praise that lasted only a while; trouble left unresolved, but no need denied.
        ("ótimo enquanto funcionou, depois de 2 dias travou", "negative"),
        ("o técnico veio e foi embora sem resolver nada", "negative"),
        ("não precisa resolver agora, pode ser amanhã", "neutral"),
        // Custom withdrawn in the infinitive after a verb of will; "mais tarde" is later.
        ("não vou mais comprar aqui", "negative"),
        ("não quero mais comprar com vocês", "negative"),
        ("não vou usar esse app de novo", "negative"),
        ("não vou comprar agora, só mais tarde", "neutral"),
        ("vou comprar mais um amanhã", "neutral"),
        // Fandom; praise expected in the conditional, then denied.
        ("sou muito fã desse programa", "positive"),
        ("achei que hoje estaria bom mas tá chato", "negative"),
        // A later state supersedes an earlier one; "antes do prazo" is no earlier state.
        ("antes era ruim, agora tá ótimo", "positive"),
        ("antes era bom, hoje só piora", "negative"),
        ("no começo foi ótimo, depois começou a travar", "negative"),
        ("I used to love this airline, now I hate it", "negative"),
        ("chegou antes do prazo, agora é só testar", "positive"),
        // What should have happened did not; making sure is no praise.
        ("era pra ter chegado ontem", "negative"),
        ("era pra ser surpresa kkk", "neutral"),
        ("quero ter certeza antes de comprar", "neutral"),
        // Love for someone, a rescue, legal threats, notices never sent.
        ("minha filha ama a professora", "positive"),
        ("vocês salvaram meu dia", "positive"),
        ("vou processar vocês", "negative"),
        ("vou entrar na justiça contra vocês", "negative"),
        ("a escola não manda nenhum comunicado pros pais", "negative"),
        ("não precisa aviso, pode mandar", "neutral"),
        // Praise and one mild reservation or denied praise after a contrast: three stars.
        // Trouble reported after mild words, and criticism of weight, keep their reading.
        ("é bom, mas não é ótimo", "neutral"),
        ("gostei muito, mas a montagem é complicada", "neutral"),
        ("o cartão novo chegou mas não consigo desbloquear", "negative"),
        ("o produto é bom mas a entrega atrasou", "negative"),
        // Lukewarm: for the money, partly, no more than that, not so much.
        ("pelo valor tá bom", "neutral"),
        ("atendeu parcialmente minhas expectativas", "neutral"),
        ("cumpre o que promete, nada além disso", "neutral"),
        ("o som é bom, o acabamento nem tanto", "neutral"),
        // "You must be joking" and no respect at all; a joke itself is no grievance.
        ("vcs tão de brincadeira né", "negative"),
        ("só pode ser brincadeira", "negative"),
        ("zero respeito com o consumidor", "negative"),
        ("foi só de brincadeira kkk", "neutral"),
        // Praise opening a report of trouble that happened again, or of an undue charge, is
        // sarcasm; praise before doing something again is not.
        ("maravilha, o técnico faltou de novo", "negative"),
        ("ótimo, mais uma cobrança indevida", "negative"),
        ("ótimo, vou comprar de novo", "positive"),
        // Slang verdicts; a neighbour's cat is no praise.
        ("me amarrei nesse produto", "positive"),
        ("mandou bem demais", "positive"),
        ("que gato esse ator", "positive"),
        ("to pistola com essa loja", "negative"),
        ("o gato da vizinha entrou aqui", "neutral"),
        // Trouble that never came praises mildly; trouble denied no having, or unresolved, or
        // before a "mas", does not.
        ("nunca me deu problemas", "positive"),
        ("não tive nenhum problema com o produto", "positive"),
        ("never had any issues with them", "positive"),
        ("não é problema da rede", "neutral"),
        ("o problema nunca foi resolvido", "negative"),
        ("sempre comprei aqui e nunca tive problema, mas dessa vez o pedido não chegou", "negative"),
        // "Até agora" before it means "so far"; "any", "outros", "maiores" may sit between.
        ("até agora não tive problemas", "positive"),
        ("fora isso não observei outros problemas", "positive"),
        ("sem maiores problemas", "positive"),
        ("não resolveram outros problemas", "negative"),
        // Thanks or praise for trouble or for nothing is sarcasm; for waiting, for trouble put
        // right, it is thanks.
        ("parabéns pela demora, hein", "negative"),
        ("obrigado pelo descaso", "negative"),
        ("thanks for the delay", "negative"),
        ("muito obrigado por nada", "negative"),
        ("obrigado pela espera", "positive"),
        ("obrigado pelo problema resolvido", "positive"),
        // "absolutely" before criticism stresses it and praises nothing.
        ("absolutely useless support", "negative"),
        ("you guys are lifesavers", "positive"),
        // A grade of one, a queue that does not move, hair burnt, doubt, a nice smell.
        ("nota 1", "negative"),
        ("a fila não anda", "negative"),
        ("queimaram meu cabelo", "negative"),
        ("produto original? duvido", "negative"),
        ("cheirosinho demais", "positive"),
        ("fui cobrada duas vezes no cartão", "negative"),
        // A polite close; an angel of a doctor, a devoted teacher.
        ("fico no aguardo", "neutral"),
        ("a doutora foi um anjo", "positive"),
        ("a professora é muito dedicada", "positive"),
        // "Deixa a desejar" is a mild reservation: after praise, three stars.
        ("produto bom, mas a entrega deixa a desejar", "neutral"),
        ("o atendimento deixa a desejar", "negative"),
        // As described or pictured, which a negation denies; no manual, no sense, a poor manual,
        // exasperation.
        ("não é como diz a propaganda", "negative"),
        ("veio igual à foto", "positive"),
        ("veio sem manual", "negative"),
        ("que atendente sem noção", "negative"),
        ("o manual é pobre", "negative"),
        ("misericórdia, que fila", "negative"),
        // Help withheld, an order made to vanish; help not needed is no grievance.
        ("ninguém me ajuda", "negative"),
        ("sumiram com meu pedido", "negative"),
        ("não precisa de ajuda", "neutral"),
        // A battery's useful life is a measure, not praise; what is said of it still tells.
        ("qual a vida útil da bateria?", "neutral"),
        ("a bateria tem uma ótima vida útil", "positive"),
        // A clause opening with "mais" misspelt for "mas" is a contrast; "mais um atraso" is not.
        ("Bom produto, mais fiquem atentos com as cores", "neutral"),
        ("o lanche é bom, mais veio frio", "negative"),
        ("Mais rápido do que eu imaginava, adorei", "positive"),
        ("lindo mais a cor veio errada", "negative"),
        ("cada vez mais o preço sobe", "neutral"),
        // A contrast opening the message has no first side here.
        ("Mas o pedido chegou quebrado", "negative"),
        // Praise in a condition, or in what was expected and did not come, is supposed.
        ("se for bom eu compro mais", "neutral"),
        ("se funcionar direitinho eu volto a comprar", "neutral"),
        ("se der certo, ótimo", "positive"),
        ("achei que hoje o programa estaria bom, mas tá chato", "negative"),
        ("pensei que fosse original", "neutral"),
        ("achei que ficou ótimo", "positive"),
        ("nunca pensei que ia gostar tanto", "positive"),
        // Room to improve.
        ("o atendimento precisa melhorar", "negative"),
        ("ficou devendo na qualidade", "negative"),
        ("não tem o que melhorar, perfeito", "positive"),
        // What one expected to get is supposed: better expected is a reservation, praise
        // expected is none; an expectation denied with "que" is surprise.
        ("Claro que eu não esperava um fone maravilhoso, mas o som é horrível", "negative"),
        ("esperava um atendimento melhor", "negative"),
        ("a gente esperava um retorno mais rápido", "negative"),
        ("não esperava que fosse tão bom", "positive"),
        // Portuguese needs a little more criticism: praise only just outweighed by a
        // reservation is neutral; one mild word of trouble is still negative.
        ("Móvel de boa qualidade, preço justo, mas pena que as gavetas são pequenas, poderiam ser maiores.", "neutral"),
        ("o produto é bom mas a entrega atrasou", "negative"),
        ("a médica nem olhou na minha cara", "negative"),
        // Made clear is no praise; embarrassment is criticism; a trustworthy shop is praise.
        ("deveriam deixar claro que não era original", "negative"),
        ("me senti constrangida na consulta", "negative"),
        ("loja idônea", "positive"),
        ("a tela apagou depois de uma semana", "negative"),
        ("voltou do conserto com toque fantasma", "negative"),
        ("a bateria acaba muito rápido", "negative"),
        ("o shampoo ressecou meu cabelo", "negative"),
        ("a camisa desfiou na primeira lavagem", "negative"),
        ("tem pastel de frango desfiado?", "neutral"),
        // "cara" is a face or a guy unless said of a price, or in one's face.
        ("ela é a cara da mãe", "neutral"),
        ("a mensalidade é cara", "negative"),
        ("o atendente desligou na minha cara", "negative"),
        // "é" folds to "e": "é nada ruim" denies; "liguei e nada" is still nothing done.
        ("não é nada ruim", "positive"),
        ("não tem nada de errado", "neutral"),
        ("não tem nada de bom nesse produto", "negative"),
        ("liguei e nada", "negative"),
        // Custom promised is praise; custom repeated in the past is not.
        ("10/10 would buy again", "positive"),
        ("I'd definitely order again", "positive"),
        ("will never buy again", "negative"),
        ("compraria de novo", "positive"),
        ("voltarei mais vezes", "positive"),
        ("comprei de novo e veio errado", "negative"),
        // A connection that keeps dropping, no account given, nobody ever answering.
        ("minha internet ta caindo toda hora", "negative"),
        ("caiu a ligação de novo", "negative"),
        ("my internet keeps cutting out", "negative"),
        ("ninguém me dá satisfação", "negative"),
        ("vcs nao respondem ngm", "negative"),
        ("nobody ever gets back to me", "negative"),
        // Nothing left to wish for, surprise either way, "nothing but" as "only".
        ("não deixa nada a desejar", "positive"),
        ("melhor impossível", "positive"),
        ("me surpreendi negativamente", "negative"),
        ("nothing but praise for the staff", "positive"),
        ("nothing but problems since day one", "negative"),
        ("arrived a day early", "positive"),
        ("doesn't fit", "negative"),
        ("battery lasts all day", "positive"),
        ("flimsy and cheap", "negative"),
        ("false advertising", "negative"),
        ("the instructions make no sense", "negative"),
        ("a recepcionista foi estúpida", "negative"),
        ("comida sem sal", "negative"),
        ("cumpriram o prometido", "positive"),
        ("satisfação total", "positive"),
        ("zero help from support", "negative"),
        ("food poisoning after eating there", "negative"),
        // Quick, top marks, no answer at all, scent that lasts, a fit that is off, a warm
        // school, generous portions; trouble denied by "not a single", praise in slang.
        ("atendimento nota dez", "positive"),
        ("nem demorou", "positive"),
        ("não demorou nada", "positive"),
        ("nem respondem", "negative"),
        ("o perfume não fixa nada", "negative"),
        ("fixa o dia todo", "positive"),
        ("chegou intacto", "positive"),
        ("novinho em folha", "positive"),
        ("ficou apertado", "negative"),
        ("ficou largo demais", "negative"),
        ("a escola é muito acolhedora", "positive"),
        ("capricharam no pedido", "positive"),
        ("porção miserável", "negative"),
        ("porção generosa", "positive"),
        ("zero issues", "positive"),
        ("not a single problem", "positive"),
        ("it just works", "positive"),
        ("what a steal", "positive"),
        ("I feel ripped off", "negative"),
        ("got the runaround for weeks", "negative"),
        ("spotless room", "positive"),
        ("snappy and responsive", "positive"),
        ("the new app is slick", "positive"),
        ("the support is unresponsive", "negative"),
        ("it didn't arrive", "negative"),
        // The clown mocks; shoddy service ("porco", "de quinta") but pork on the menu.
        ("sério que vcs fizeram isso? 🤡", "negative"),
        ("piada pronta esse atendimento", "negative"),
        ("serviço porco", "negative"),
        ("tem carne de porco?", "neutral"),
        ("serviço de quinta", "negative"),
        ("esse app é uma negação", "negative"),
        // Plural and feminine forms and verb inflections of lexicon words.
        ("os atendentes foram grosseiros", "negative"),
        ("os copos vieram rachados", "negative"),
        ("as peças vieram arranhadas e manchadas", "negative"),
        ("as vendedoras são atenciosas", "positive"),
        ("funcionários prestativos e educados", "positive"),
        ("the charger malfunctioned after a week", "negative"),
        ("they keep overcharging me", "negative"),
        ("I regretted buying it", "negative"),
        // Disappointment denied is praise; being let down is not.
        ("it never disappoints", "positive"),
        ("esse restaurante nunca me decepcionou", "positive"),
        ("I was never disappointed", "positive"),
        ("they let me down again", "negative"),
        // Common words of reviews and service chat.
        ("the staff was condescending and dismissive", "negative"),
        ("food was bland and greasy", "negative"),
        ("comida insossa", "negative"),
        ("essa loja é de picareta, evitem", "negative"),
        ("fiquei impressionada com a qualidade", "positive"),
        // "pretty" and "kind of" qualify what follows; support and care are departments.
        ("pretty slow delivery", "negative"),
        ("it's kind of slow", "negative"),
        ("called customer care twice", "neutral"),
        ("I need support with my account", "neutral"),
        ("comprei uma smart tv ontem", "neutral"),
        ("what's on the happy hour menu?", "neutral"),
        // Review verdicts.
        ("já vi melhores", "negative"),
        ("acima das expectativas", "positive"),
        ("not as described", "negative"),
        ("works as advertised", "positive"),
        ("do not buy", "negative"),
        ("honestly underwhelmed", "negative"),
        ("the service fell short", "negative"),
        ("material de quinta", "negative"),
        ("zero noção esse atendente", "negative"),
        // Something worse, expected, did not come.
        ("achei que ia ser pior", "positive"),
        // Slang and plain praise that was missing.
        ("the new menu is dope", "positive"),
        ("a loja é muito chique", "positive"),
        ("the packaging is really appealing", "positive"),
        // "no more" turns trouble away; a refund withheld is trouble.
        ("no more problems since the update", "positive"),
        ("the agent went above and beyond", "positive"),
        ("it's been two weeks and no refund", "negative"),
        // Trouble put right is no criticism; left unsolved it still is.
        ("problema resolvido", "positive"),
        ("finalmente resolveram meu problema", "positive"),
        ("my issue was resolved", "positive"),
        ("they fixed my problem fast", "positive"),
        ("não resolveram meu problema", "negative"),
        ("my issue is still not resolved", "negative"),
        // Nobody explained; cheap that came out dear.
        ("fiquei sem entender nada e ninguém me explicou", "negative"),
        ("o barato saiu caro", "negative"),
        // English verdicts in a few words.
        ("cheap but falls apart", "negative"),
        ("took forever", "negative"),
        ("didn't live up to the hype", "negative"),
        ("lived up to the hype", "positive"),
        ("time well spent", "positive"),
        ("don't bother", "negative"),
        ("hard pass", "negative"),
        // Asking how long or what it costs is no grievance; a command opening a message of
        // any length is a request; an angry question still tells.
        ("a entrega pra zona norte demora quanto tempo?", "neutral"),
        ("is there a fee to cancel?", "neutral"),
        ("cancel my order #5521, I changed my mind", "neutral"),
        ("why is there a fee to cancel? this is a ripoff", "negative"),
        // A negation a phrase has read withdraws no custom; exasperation; waiting for ages.
        ("can't wait to order again", "positive"),
        ("fala sério, cadê meu pedido?? já são 2h", "negative"),
        ("took ages to arrive", "negative"),
        // The worse after a modal: denied, the worst; granted, a consolation.
        ("couldn't be worse", "negative"),
        ("the service couldn't have been worse", "negative"),
        ("it could be worse", "neutral"),
        ("poderia ser pior", "neutral"),
        // What came denied as what was ordered or expected.
        ("não é o que eu pedi", "negative"),
        ("this is not what I ordered", "negative"),
        ("não sei o que eu pedi", "neutral"),
        // A smart device's name is no praise.
        ("the smart lock you installed keeps beeping", "neutral"),
        // General words of feeling, beyond service.
        ("such a depressing day", "negative"),
        ("she is so talented", "positive"),
        ("que coragem dessa mulher", "positive"),
        ("tenho pavor de barata", "negative"),
        ("the plot was dull and the ending creepy", "negative"),
        ("overjoyed with the news", "positive"),
        // Doing nothing, said with Portuguese negative concord or in English.
        ("a administração não faz nada", "negative"),
        ("não resolveram nada", "negative"),
        ("management does nothing", "negative"),
        ("não é nada demais", "neutral"),
        // Done or going well; not so.
        ("we played so well tonight", "positive"),
        ("it didn't go well", "negative"),
        // Praise before a contrast is a verdict, not an answer; "regular" is lukewarm.
        ("Bom, mas nada excepcional.", "neutral"),
        ("Produto regular.", "neutral"),
        ("feeling unstoppable", "positive"),
        // A short English question without its question mark still asks.
        ("how do i cancell my subscripton", "neutral"),
        ("como faço pra cancelar minha assinatura", "neutral"),
        ("tem como cancelar", "neutral"),
        ("como assim atrasou de novo", "negative"),
        // Three words of answer alone answer.
        ("tá bom então", "neutral"),
        ("nada funciona nesse app", "negative"),
        ("nothing worked, I tried everything", "negative"),
        // Damage on arrival.
        ("my burger came completely squished", "negative"),
        ("o bolo chegou todo esmagado", "negative"),
        ("the bag was ripped when it arrived", "negative"),
        // Love declared for a wait is sarcasm.
        ("adorei a demora de 40 minutos", "negative"),
        ("love the delay, great job guys", "negative"),
        ("amei a fila enorme", "negative"),
        // A good word in an English question without its mark asks.
        ("is the pasta good there", "neutral"),
        // Would recommend, denied; a clause opening "já o" contrasts; an apology for one's
        // own delay complains of nothing.
        ("não recomendaria esse produto", "negative"),
        ("jamais indicaria essa loja", "negative"),
        ("a comida é ótima, já o atendimento deixa muito a desejar", "negative"),
        ("desculpe a demora, estava no trabalho", "neutral"),
        // Inflected forms of listed words.
        ("já recomendei pra todo mundo", "positive"),
        ("estamos muito satisfeitos com o serviço", "positive"),
        ("minha esposa odiou", "negative"),
        ("veio com a data vencida", "negative"),
        ("minha filha aprovou", "positive"),
        ("as crianças odiaram", "negative"),
        // A greeting that asks after the reader, mark or not, praises nothing; chat's speed
        // praises; something else in place of what was ordered.
        ("oi tudo bom por aí", "neutral"),
        ("boa tarde tudo certo", "neutral"),
        ("a nova fibra tá voando", "positive"),
        ("recebi outro modelo no lugar do meu", "negative"),
        // Folded hands after a request plead; after thanks, they still thank.
        ("quero cancelar minha assinatura 🙏", "neutral"),
        ("podem ver meu pedido por favor 🙏", "neutral"),
        ("obrigada pela ajuda 🙏", "positive"),
        // Good for nothing else; a practical class is no praise.
        ("esse app só serve pra gastar bateria", "negative"),
        ("a aula prática é amanhã às 8h", "neutral"),
        // Not working properly; a doubt is no praise; what one did not quite grasp is no fault.
        ("a porta do armário não fecha direito", "negative"),
        ("não sei dizer se o perfume é bom, foi presente", "neutral"),
        ("não entendi direito, pode explicar?", "neutral"),
        ("ainda não usei direito, depois conto", "neutral"),
        // "um pouco" after a word softens it.
        ("o frete demorou um pouco, mas veio como eu esperava", "neutral"),
        // Slang praise, a low mood, as good as new; a fire is none of them.
        ("that new song is fire", "positive"),
        ("been feeling down all week", "negative"),
        ("the warehouse is on fire", "neutral"),
        ("lavei e ficou como novo", "positive"),
        // "até agora" before trouble denied is "so far"; before an answer withheld it waits.
        ("usei a semana toda e até agora sem nenhum defeito", "positive"),
        ("até agora sem resposta do suporte", "negative"),
        // A small flaw beside praise is a three-star mix.
        ("bonito e chegou rápido, mas veio com um pequeno defeito na alça", "neutral"),
        // Tears of laughter or joy are no sorrow; tears of anger still are.
        ("chorei de rir com o final do programa", "positive"),
        ("literally crying laughing at this", "positive"),
        ("chorei de raiva com esse atendimento", "negative"),
        // A series that drags; photos that come out crisp.
        ("essa série tá arrastada demais", "negative"),
        ("photos come out really crisp", "positive"),
        // Room to improve denied is praise.
        ("não tem o que melhorar no atendimento de vocês", "positive"),
        // One word of praise closing criticism is sarcasm; closing good news it is praise.
        ("the app crashed twice today. fantastic.", "negative"),
        ("cobraram a taxa de novo. maravilha.", "negative"),
        ("arrived on time and works fine. great.", "positive"),
        // So is praise of a deed closing criticism, after punctuation or laughter; closing a
        // remedy it is praise.
        ("you lost my suitcase, great job", "negative"),
        ("the update broke my phone lol nice work", "negative"),
        ("sorted out my refund in minutes, great job", "positive"),
        ("the printer jammed again, perfect timing", "negative"),
        ("o carro quebrou, ótimo começo de semana", "negative"),
        ("got the promotion today, great start to the week", "positive"),
        // Illness is bad news; magic is praise.
        ("woke up with a migraine again", "negative"),
        ("that last goal was pure magic", "positive"),
        // Spilled or distorted goods.
        ("o perfume chegou derramado na caixa", "negative"),
        // Worked or lasted a short span, and no longer; long service is praise.
        ("comprei a batedeira e funcionou só uma semana", "negative"),
        ("the charger lasted two days", "negative"),
        ("durou 5 anos, excelente", "positive"),
        // A low mood.
        ("been feeling low all week", "negative"),
        // "Never" before emphasised praise emphasises it, a phrase too; doubt denied is no
        // criticism; candour opens praise; nobody bothering is a grievance.
        ("never been so well looked after", "positive"),
        ("the kids have never eaten so well", "positive"),
        ("never had such quick delivery", "positive"),
        ("not sure which plan suits me", "neutral"),
        ("não tenho certeza se cabe no meu carro", "neutral"),
        ("not gonna lie, the pasta was amazing", "positive"),
        ("nobody bothered to tell me the gate changed", "negative"),
        // A size or feel in excess, goods bent, a show that saves the week, an app that makes
        // things easier; "bom demais" praises.
        ("a calça veio comprida demais", "negative"),
        ("these boots are too tight", "negative"),
        ("the bike frame arrived bent", "negative"),
        ("essa série salva minha semana", "positive"),
        ("esse bolo é bom demais", "positive"),
        ("o app novo facilitou muito minha vida", "positive"),
        // Applause for praise beside a mild word applauds; something barely done, owed and at
        // zero, or read and not answered is criticism; a show that saves the week, a first
        // purchase that made a customer are praise.
        ("finally a customer service line that actually picks up 👏", "positive"),
        ("this charger barely charges my phone", "negative"),
        ("my headphones hardly last an hour", "negative"),
        ("they left me on read again", "negative"),
        ("three emails and zero answers", "negative"),
        ("organização zero nesse evento", "negative"),
        ("zero paciência com os clientes", "negative"),
        ("esse podcast tá salvando minha semana", "positive"),
        ("fiz a primeira compra e já virei cliente", "positive"),
        // Smaller than it looked; praise only supposed is none; an outcome as expected or
        // better than expected stays praise.
        ("achei bem menor do que na foto", "negative"),
        ("they charged me for a drink that was supposed to be free", "negative"),
        ("delivered as expected, thanks", "positive"),
        ("better than expected, love it", "positive"),
        // "Cruelty free" names a kind of product.
        ("is the shampoo cruelty free?", "neutral"),
        // A price or bill that went up is a grievance; the same verb elsewhere is not.
        ("o aluguel subiu de novo esse mês", "negative"),
        ("our rent increased again", "negative"),
        ("o gato subiu na mesa", "neutral"),
        // Nothing of what was expected or ordered came.
        ("o sofá não é nada daquilo que eu comprei", "negative"),
        ("this is nothing like what i ordered", "negative"),
        // Slang: praise that goes hard, has no notes, is another level, "hitou"; "zuado" is
        // broken, being ghosted a grievance, praise "at best" a shrug; "cool" answers.
        ("the burgers here go hard", "positive"),
        ("the fit is 10/10, no notes", "positive"),
        ("the food was decent at best", "negative"),
        ("the seller ghosted me after i paid", "negative"),
        ("cool, i will swing by tomorrow", "neutral"),
        ("o site tá todo zuado hoje", "negative"),
        ("o clipe novo hitou demais", "positive"),
        ("o atendimento de vocês é outro nível", "positive"),
        // An apology for bothering is politeness, not a mood.
        ("sorry to bother you", "neutral"),
        ("desculpe o incômodo", "neutral"),
        ("sorry for the trouble, what time do you close?", "neutral"),
        // More slang: addictive things, a great goal, vibing, a bop, a shop that never misses
        // are praise; "ew" and a bricked phone are not.
        ("esse jogo de celular é viciante", "positive"),
        ("viciei nesse hidratante", "positive"),
        ("que golaço do camisa 10 ontem", "positive"),
        ("this puzzle app is addictive", "positive"),
        ("been vibing to this playlist all day", "positive"),
        ("this bakery never misses", "positive"),
        ("the new single is a bop", "positive"),
        ("ew the salad had a hair in it", "negative"),
        ("my phone got bricked after the update", "negative"),
        // Disbelief takes the valence of what follows "how".
        ("can't believe how comfy these sneakers are", "positive"),
        ("can't believe how rude the driver was", "negative"),
        // Deserving to win; talent wasted.
        ("a cantora merecia ganhar o prêmio", "positive"),
        ("que desperdício de talento nesse elenco", "negative"),
        // A price raised, said verb first.
        ("aumentaram o preço do frete de novo", "negative"),
        ("reajustaram a anuidade do cartão", "negative"),
        // Something missing on arrival is a grievance; what a product comes without, or is
        // asked about, is not.
        ("o lanche chegou sem a batata", "negative"),
        ("my parcel arrived without the remote", "negative"),
        ("o celular vem sem carregador", "neutral"),
        ("vem sem juros?", "neutral"),
        // Patience is praise; nobody who knew, being logged out, are not.
        ("a recepcionista foi muito paciente comigo", "positive"),
        ("the trainer was so patient with me", "positive"),
        ("ninguém soube me informar o prazo", "negative"),
        ("nobody could explain the charge", "negative"),
        ("o app me desloga o tempo todo", "negative"),
        // Made to do it again and again, a queue, mould; sooner than promised is praise.
        ("tive que ir na loja três vezes", "negative"),
        ("had to chase them for a week", "negative"),
        ("fiquei meia hora na fila da farmácia", "negative"),
        ("the bathroom had mold everywhere", "negative"),
        ("the parcel came quicker than promised", "positive"),
        // Words: hooked is praise; unbearable weather, a stuffy crowded room, a filthy one, a
        // leak, a flood are not.
        ("i'm hooked on this podcast", "positive"),
        ("the humidity today is unbearable", "negative"),
        ("the waiting room was stuffy and overcrowded", "negative"),
        ("o quarto tava imundo", "negative"),
        ("tem goteira no teto do quarto", "negative"),
        ("the basement flooded again", "negative"),
        // Disappointment and regret that never came are praise, whatever the verb's person.
        ("compro com eles desde 2019 e nunca me decepcionei", "positive"),
        ("os pedreiros nunca me decepcionaram", "positive"),
        ("nunca me arrependi de ter feito a matrícula", "positive"),
        // Love for a stay spent waiting is sarcasm; love for a stay is not.
        ("adorei ficar uma hora e meia esperando o motoboy", "negative"),
        ("loved spending my whole lunch break on hold", "negative"),
        ("amei passar a tarde no spa de vocês", "positive"),
        // "joke of a" mocks.
        ("total joke of an airline", "negative"),
        // A room or a ride that reeks; work done right (and none done right).
        ("the hotel room reeked of smoke", "negative"),
        ("o uber fedia a cigarro", "negative"),
        ("the plumber got it done right the first time", "positive"),
        ("nothing was done right", "negative"),
        // Killing it is praise; a device that won't even start, slow couriers are not.
        ("the band killed it last night", "positive"),
        ("a impressora nem liga mais", "negative"),
        ("my new speaker won't even pair with my phone", "negative"),
        ("os entregadores são lerdos demais", "negative"),
        // A fault left as it was; messages sent and nothing back.
        ("the mechanic couldn't fix the brakes", "negative"),
        ("the update didn't fix it", "negative"),
        ("emailed twice last week and nothing", "negative"),
        // A "though" closing a clause makes that clause the one that leads.
        ("the pasta was nice, the service was painfully slow though", "negative"),
        ("the room was tiny, the view was stunning though", "positive"),
        // Scratches, and a product sold as new that arrives used.
        ("a geladeira veio com vários arranhões na porta", "negative"),
        ("me mandaram um produto usado", "negative"),
        // Unfair judges; a shameless overcharge.
        ("os jurados foram injustos com ele", "negative"),
        ("a loja cobrou descaradamente a mais", "negative"),
        // A comeback is praise.
        ("what a comeback in the second half", "positive"),
        // "never" before a degree of praise, or before a comparative that no comparison
        // follows, emphasises; it still denies what it negates.
        ("the garden has never looked this beautiful", "positive"),
        ("honestly never been happier with a phone", "positive"),
        ("a loja nunca esteve melhor", "positive"),
        ("i never liked this app", "negative"),
        ("this was never my favorite restaurant", "negative"),
        ("nunca foi o melhor da cidade", "negative"),
        // Trouble at zero is praise.
        ("zero hassle returning it", "positive"),
        ("o check-in foi zero estresse", "positive"),
        // Someone who didn't show; a cleaner is a person, not praise; an uneven cut.
        ("the cleaner didn't show up today", "negative"),
        ("my haircut came out uneven", "negative"),
        // Care that welcomes, dedication, being treated like family.
        ("the nurses treated my dad like family", "positive"),
        ("a equipe de enfermagem é muito humanizada", "positive"),
        ("our account manager is incredibly dedicated", "positive"),
        ("me senti muito acolhido na clínica", "positive"),
        // "melhor" before an infinitive advises; the best so far; better than one imagined,
        // for the price; laughs and unforgettable nights; a modal wish to last longer; disbelief.
        ("é melhor ligar amanhã cedo, hoje já fechou", "neutral"),
        ("melhor hambúrguer da cidade", "positive"),
        ("melhor lugar pra tomar café", "positive"),
        ("o melhor álbum do ano até agora", "positive"),
        ("ficou bem melhor do que imaginava pelo valor", "positive"),
        ("essa série me fez rir do começo ao fim", "positive"),
        ("que final inesquecível", "positive"),
        ("somos campeões!!", "positive"),
        ("o fone podia durar mais", "negative"),
        ("the battery could last longer", "negative"),
        ("@united you moved my flight to 6am, are you serious", "negative"),
        ("I emailed them twice and got nothing", "negative"),
        // Changes no one told of; losing; a cancellation someone else made.
        ("nobody told us the gym would be closed", "negative"),
        ("perdendo de novo pro último colocado", "negative"),
        ("o restaurante cancelou minha reserva", "negative"),
        // No way not to: the praise insisted on; slang for shoddy and for slow.
        ("não tem como não amar esse lugar", "positive"),
        ("impossível não gostar dessa série", "positive"),
        ("impossible not to love this show", "positive"),
        ("não dá pra não gostar", "positive"),
        ("não gostei nada", "negative"),
        ("que edição porca", "negative"),
        ("o wifi do hotel é uma carroça", "negative"),
        // A breathtaking view, traffic at a standstill, no standard, Friday at last.
        ("que paisagem de tirar o fôlego", "positive"),
        ("trânsito parado desde as 7 da manhã", "negative"),
        ("uma loja sem padrão de atendimento", "negative"),
        ("sextou, finalmente descanso", "positive"),
        // Praise exclaimed, then a loss or a charge: sarcasm; praise stated stays a verdict.
        ("great, they lost my luggage", "negative"),
        ("perfeito, perderam meu pedido", "negative"),
        ("ficou linda! só a alça que é meio fraca", "positive"),
        // Love for what goes wrong is sarcasm; for what goes right, praise.
        ("love it when my train gets cancelled", "negative"),
        ("adoro quando o app trava na hora de pagar", "negative"),
        ("amo quando vocês acertam o pedido", "positive"),
        // Money well spent, an easy app, done like a pro.
        ("expensive, but worth every cent", "positive"),
        ("the new app is a breeze to use", "positive"),
        ("she handled the rush like a pro", "positive"),
    ]

    @Test("negation, contrast, capitals, emoji and sarcasm", arguments: sentimentCases)
    func sentiment(text: String, expected: String) {
        let analysis = MessageAnalyzer.analyze(text)
        #expect(analysis.sentiment == expected, "\(text): \(analysis.sentimentScore)")
        #expect((-1...1).contains(analysis.sentimentScore))
    }

    @Test("intents", arguments: [
        ("Oi, meu pedido ainda não chegou e já faz 10 dias. Preciso de ajuda!", "support"),
        // A connection that keeps dropping is a fault to fix.
        ("a internet cai todo dia no fim da tarde", "support"),
        ("o sinal cai quando entro no elevador", "support"),
        // Trouble denied as it is named asks for no help.
        ("comprei mês passado e até agora sem nenhum problema", "other"),
        // A purchase denied is none; a renewal refused ends one.
        ("não quero comprar nada agora, só tô olhando", "other"),
        ("i don't want to renew my membership next year", "cancellation"),
        // A post with hashtags, addressed to no one, asks nothing of a business; a question
        // to one, or a cue, still does.
        ("esse jurado não perdoa ninguém #TheVoiceBrasil", "other"),
        ("alguém sabe o nome da música do intervalo? #MasterChefBR", "other"),
        ("that halftime show was everything #SuperBowl", "other"),
        ("vocês entregam no domingo? #ansiosa", "information"),
        ("@united where is my bag? #lost", "support"),
        ("esse programa tá cada vez pior #Domingao", "other"),
        ("@loja que ridículo, cobraram duas vezes #revoltada", "complaint"),
        // An order by size or count is a purchase, whatever the model makes of "can i get";
        // a document asked for is not.
        ("can i get a large veggie pizza delivered to 22 elm street?", "purchase"),
        ("can i get three bagels with cream cheese?", "purchase"),
        ("could i get a small poke bowl delivered?", "purchase"),
        ("could i get the receipt emailed to me?", "support"),
        // A cancellation someone else made asks for none; one asked for beside it still does.
        ("o restaurante cancelou minha reserva", "complaint"),
        ("they cancelled my flight", "complaint"),
        ("a loja cancelou meu pedido, quero cancelar o resto também", "cancellation"),
        // Praise of delivery and price states, it does not ask; a question word still asks.
        ("produto excelente, entrega rápida e preço justo", "other"),
        ("adorei a loja! qual o horário de sábado", "information"),
        ("great service, how much is delivery to Boston", "information"),
        // A low mood is chat about oneself, not a complaint to the business.
        ("been feeling pretty down lately", "other"),
        // Interest declared in an offer buys; declined, it does not.
        ("tenho interesse na casa de praia do anúncio", "purchase"),
        ("I'm interested in the studio apartment on 5th street", "purchase"),
        ("não tenho interesse no plano", "other"),
        // Goods not delivered, stated and asking nothing, are a complaint.
        ("mercadoria não entregue", "complaint"),
        ("esqueci minha senha e não consigo entrar", "support"),
        // Enrolment is a school's sale; "tô querendo pegar" wants to buy.
        ("quero matricular meu filho no integral", "purchase"),
        ("tô querendo pegar o combo de 3 meses", "purchase"),
        // Trouble that never came asks for no help.
        ("nunca tive problema com vocês", "other"),
        ("não tive nenhum problema com o produto", "other"),
        // An error message quoted is a fact, not anger: help is asked for.
        ("não consigo entrar no app, diz senha inválida", "support"),
        // Chat with a word of let-down is no complaint when nothing is owed.
        ("era pra ser surpresa kkk", "other"),
        ("a gente se fala toda hora", "other"),
        ("quero devolver o produto, não serviu", "support"),
        ("i want to return this, it doesn't fit", "support"),
        ("recebi uma cobrança que não reconheço", "support"),
        ("meu cartão foi clonado depois que comprei no site de vcs", "support"),
        ("o boleto veio com valor errado", "support"),
        ("desculpa, mensagem errada", "other"),
        ("is there a fee to change the name on a ticket?", "information"),
        ("I need to call off the moving booking for the 22nd", "cancellation"),
        ("o link de pagamento expirou", "support"),
        ("quero renovar meu plano", "purchase"),
        ("não quero renovar a assinatura", "cancellation"),
        ("brigadu", "thanks"),
        ("i can't complete my purchase", "support"),
        ("i want to return my order", "support"),
        ("are you hiring?", "other"),
        ("oi, vcs consertam celular?", "information"),
        ("minha internet tá lenta demais", "support"),
        ("para de me mandar mensagem", "cancellation"),
        ("i'm locked out of my account", "support"),
        ("my internet is slow", "support"),
        ("do you have this in a size 10?", "information"),
        ("quero falar com um atendente", "support"),
        ("Quanto custa o plano anual? Quero assinar hoje.", "purchase"),
        ("quero comprar dois fones", "purchase"),
        ("vocês aceitam pix? qual o prazo de entrega pra SP?", "information"),
        ("quero cancelar minha assinatura", "cancellation"),
        ("I want to cancel my order", "cancellation"),
        ("vou reclamar no procon, que descaso", "complaint"),
        ("bom dia!", "greeting"),
        ("hello there", "greeting"),
        ("muito obrigado pela ajuda", "thanks"),
        ("thanks a lot!", "thanks"),
        ("where is my package? tracking says nothing", "support"),
        ("how much is the premium plan?", "information"),
        ("o jogo ontem foi muito bom", "other"),
        ("an hour at the carousel and still no luggage??", "complaint"),
        ("parei, não compro mais nessa loja, que decepção", "complaint"),
        ("comprei faz um mês e não recebi nada, estou muito chateada, dinheiro perdido", "complaint"),
        ("comprei faz um mês e não recebi nada, estou muito chateada, podem ver?", "support"),
        ("a tv não liga", "support"),
        ("quero remarcar minha consulta", "support"),
        ("lanche chegou frio", "complaint"),
        ("nada a reclamar", "other"),
        ("nothing to complain about", "other"),
        ("quero fazer uma reclamação", "complaint"),
        ("thank you for ruining my vacation, two bags lost", "complaint"),
        ("ok i'll take the blue one", "purchase"),
        // A chat cue stands against the model ("do you like" is chat, not a question to answer).
        ("do you like pizza?", "other"),
        ("vc é humano ou robô?", "other"),
        ("is the store open on sundays?", "information"),
        ("i want to open a complaint", "complaint"),
        ("hiya!", "greeting"),
        ("i need help to buy two tickets", "purchase"),
        ("need assistance closing my fucking account", "cancellation"),
        ("i didn't get the verification code", "support"),
        ("is there a cancellation fee?", "information"),
        ("qual a multa de cancelamento?", "information"),
        ("can i cancfel my order", "cancellation"),
        ("vc é um robô?", "other"),
        ("foi mal, mandei no grupo errado", "other"),
        ("tell me a joke", "other"),
        ("never mind", "other"),
        ("quero desmarcar meu horário de amanhã", "cancellation"),
        ("quero sair do plano", "cancellation"),
        ("não estou conseguindo gerar a 2ª via", "support"),
        ("tem como eu comprar pelo site?", "purchase"),
        ("can you check my payment? it went out twice", "support"),
        ("não compro mais aqui", "complaint"),
        ("I'll take my business elsewhere", "complaint"),
        ("I'm done with you guys", "complaint"),
        ("mandei pra pessoa errada, desculpa", "other"),
        ("me passa pra uma pessoa de verdade por favor", "support"),
        ("how do I turn off autopay?", "cancellation"),
        ("não, obrigado", "thanks"),
        ("no thanks", "thanks"),
        ("pix?", "information"),
        ("valor?", "information"),
        ("2 via", "support"),
        ("não vou renovar o seguro esse ano", "cancellation"),
        ("I won't be renewing my policy this year", "cancellation"),
        ("como faço pra acionar o seguro? bateram no meu carro", "support"),
        ("vou ficar com o plano premium", "purchase"),
        ("reserva uma vaga pra mim na aula das 19h", "purchase"),
        ("vc é uma pessoa de verdade?", "other"),
        ("produto de pessima qualidade, o volante nao fixa no carrinho", "complaint"),
        ("the attendant said there was no ice left on the cart, so rude", "complaint"),
        ("perdi meu cartão, preciso bloquear", "support"),
        ("quero aumentar o limite do cartão", "support"),
        ("what's the interest rate on personal loans?", "information"),
        ("meu chip parou de funcionar do nada", "support"),
        ("quero trancar o semestre", "cancellation"),
        ("sinistro esse desconto kkkk", "other"),
        // Opening hours, bookings, a finished repair, power cuts, a hard day.
        ("oi, boa tarde! vcs abrem no feriado?", "information"),
        ("bom dia, que horas abre a loja?", "information"),
        ("gostaria de marcar uma consulta pra quinta", "purchase"),
        ("deixei o notebook pra conserto semana passada, já tá pronto?", "support"),
        ("faltou luz de novo aqui na rua", "support"),
        ("the check engine light is on again", "support"),
        ("que dia puxado, tô só o pó", "other"),
        ("nossa que frio hoje", "other"),
        ("o site caiu na hora do pagamento", "support"),
        ("meu cupom não tá funcionando", "support"),
        // A greeting or thanks around a clear request leaves the request.
        ("Oi, tudo bem? Queria saber se vocês trabalham com convênio", "information"),
        ("Good morning, I need to cancel my appointment on Friday. Thank you", "cancellation"),
        ("Oi! Só passando pra agradecer, ficou tudo lindo", "thanks"),
        ("thanks for your help", "thanks"),
        ("quais documentos preciso levar pra matrícula?", "information"),
        ("o resultado do meu exame já tá disponível?", "support"),
        ("I want to port my number to your network", "purchase"),
        ("my phone has no signal since this morning", "support"),
        ("sem problema, pode ser semana que vem", "other"),
        ("mandei a foto errada kkk", "other"),
        // "valeu a pena" is worth it, not thanks.
        ("valeu muito a pena, recomendo", "other"),
        ("não valeu a pena", "complaint"),
        ("quem te criou?", "other"),
        ("que horas são aí agora?", "other"),
        ("oops, wrong tab", "other"),
        ("o motoboy disse que deixou na portaria mas não tem nada aqui", "support"),
        ("pode me tirar da lista de transmissão?", "cancellation"),
        ("me tira dessa lista de mensagens", "cancellation"),
        ("take me off your list", "cancellation"),
        // Custom promised in a review is praise, not an order.
        ("great product, would definitely buy again", "other"),
        ("10/10 would order again", "other"),
        ("I want to buy again the same shoes", "purchase"),
        ("Oi, foi engano, era pra outra pessoa. Desculpa!", "other"),
        // Asking a business to stop writing is a cancellation, whatever the model says.
        ("stop sending me messages", "cancellation"),
        ("the courier says he left it at the door but there's nothing here", "support"),
        ("quero falar com o gerente, isso não vai ficar assim", "complaint"),
        ("seriously, i have to explain everything again?", "complaint"),
        ("perfeito, pode agendar pra terça às 10", "purchase"),
        ("não tem condições, três dias sem internet", "complaint"),
        ("I CAN'T BELIEVE YOU CANCELLED MY ORDER AGAIN", "complaint"),
        // Custom kept and disappointment denied are praise, not an order or a complaint.
        ("love your store, always shop here", "other"),
        ("sempre compro com vocês, nunca decepciona", "other"),
        ("I was never disappointed", "other"),
        // Exchanges of size, a chip without signal, an appeal, a call back; an order by weight.
        ("queria trocar o tamanho do tênis, ficou pequeno", "support"),
        ("o chip novo não pega sinal", "support"),
        ("meu plano de saúde negou o exame, como faço pra recorrer?", "support"),
        ("alguém pode me ligar? prefiro resolver por telefone", "support"),
        ("vcs tem bolo de chocolate pra hoje? queria um de 2kg", "purchase"),
        // A code that does not apply, an addition to an order, a question of room.
        ("the promo code isn't applying at checkout", "support"),
        ("can you add a side of fries to my order?", "purchase"),
        ("how many people can the room fit?", "information"),
        // Agreeing and boredom are chat; agreeing before a booking is the booking.
        ("sounds good", "other"),
        ("so bored right now", "other"),
        ("sounds good, let's book it for Friday", "purchase"),
        // An account detail forgotten, a service billed that was never taken.
        ("não lembro qual email usei no cadastro", "support"),
        ("minha fatura veio com um serviço que eu não contratei", "support"),
        ("I was billed for a plan I never signed up for", "support"),
        // A stretched "hey"; backing out of what was bought cancels it.
        ("heyy", "greeting"),
        ("I'd like to back out of the purchase", "cancellation"),
        // Asking one's own people first is chat; praise with no cue is no request for help;
        // a bill asked for is support; withdrawing a purchase cancels it.
        ("let me talk to my husband first", "other"),
        ("vou ver com meu sócio e te aviso", "other"),
        ("loving the new app design", "other"),
        ("pode me mandar o boleto por email?", "support"),
        ("I'd like to withdraw my purchase before it ships", "cancellation"),
        // A cancellation denied keeps what exists; one that befell asks for none (read
        // negative, it complains); one supposed asks about its terms. Trouble cancelling still
        // cancels.
        ("não quero cancelar, só quero pausar a assinatura por um mês", "support"),
        ("don't cancel my order", "support"),
        ("meu voo foi cancelado, como fica minha passagem?", "complaint"),
        ("se eu cancelar agora pago multa?", "information"),
        ("why can't I cancel?", "cancellation"),
        // Thanks for help given, not a request for it.
        ("thanks for the help with the refund!", "thanks"),
        // Greetings stacked before a request step back, however many; alone they greet.
        ("oi bom dia! queria saber o valor do plano familia", "information"),
        ("oi, boa tarde, tudo bem? queria saber o preço da mensalidade", "information"),
        ("olá bom dia, vcs entregam em niterói?", "information"),
        ("oi boa tarde tudo bem", "greeting"),
        // A short question without its mark still asks; praise so opened exclaims.
        ("até que horas funciona o delivery hoje", "information"),
        ("a que horas começa a aula de pilates", "information"),
        ("como eu amo esse programa", "other"),
        // Chat abbreviations of question words; a price asked by any article.
        ("qto ta o kg do contra file", "information"),
        ("me fala o valor da diaria", "information"),
        // A bare fact before a contrast is no praise to mix with: damage complains.
        ("chegou, mas todo amassado", "complaint"),
        // Wanting to know a price buys nothing yet; not knowing how to order does.
        ("I'd like to know the price of the family plan", "information"),
        ("quero saber o preço da entrega pra niterói", "information"),
        ("I don't know how to place an order on your site", "purchase"),
        // Nothing working is a grievance, not a neutral remark.
        ("nd funciona nesse app", "complaint"),
        ("nothing works on your website", "complaint"),
        // A neutral question about the business's own facts, read clearly by the rules, is
        // no chatter; nor is a question about stock or days to deliver.
        ("que horas abre amanhã", "information"),
        ("what time do you close tonight", "information"),
        ("do you have this in a size L", "information"),
        ("em quantos dias chega em recife", "information"),
        ("ainda tem estoque do azul", "information"),
        ("comprei errado, queria trocar por um tamanho maior", "support"),
        // "methods" alone is no cue ("payment methods" is).
        ("what are some good methods for cooking rice", "other"),
        // A purchase that will not go through asks for help; an indirect question asks;
        // wanting out of a contract cancels it.
        ("o link de pagamento não abre", "support"),
        ("hello, I was wondering if you have gluten free options", "information"),
        ("I want out of my phone contract", "cancellation"),
        // A short question without its mark asks the model too.
        ("qual o endereço de vocês", "information"),
        // A cancellation that befell, asked with its subject between.
        ("why was my class cancelled with no notice", "complaint"),
        // Information asked for by name, after a greeting of its own.
        ("oi, boa tarde. gostaria de informações sobre a matrícula", "information"),
        // Someone asked to come and look at the trouble.
        ("a geladeira tá fazendo um barulho esquisito, conseguem ver amanhã?", "support"),
        // Short questions to a business without their mark.
        ("vcs trabalham com entrega expressa", "information"),
        ("tem na cor preta", "information"),
        // Switching an account off; joining a plan; something put aside; a renewal refused.
        ("oi, quero desativar meu cadastro", "cancellation"),
        ("quero aderir ao plano de 200 mega", "purchase"),
        ("separa 2kg de picanha que passo aí buscar", "purchase"),
        ("não renovem minha assinatura", "cancellation"),
        // How to exchange what came wrong; payments and apps that fail.
        ("como faço para trocar, veio pequeno demais", "support"),
        ("the app crashed when I tried to pay", "support"),
        ("deu falha no pagamento por pix", "support"),
        ("mudar o horário da minha aula de sábado, tem como", "support"),
        // The bot's own taste is chat.
        ("qual a sua cor favorita", "other"),
        // A greeting of two words before a question; a greeting before an order the model reads.
        ("boa noite, vocês tem bolo de pote hoje", "information"),
        ("oi, queria uma pizza meia calabresa meia frango", "purchase"),
        // A refund wanted; a deal closed; a document about what exists.
        ("quero um reembolso", "support"),
        ("fecha comigo o plano anual então", "purchase"),
        ("preciso de uma declaração de vínculo", "support"),
        // A closing plea does not make a question longer.
        ("que horas a farmácia fecha no domingo pfv", "information"),
        // Greetings before a request, however many, do not make it a greeting; before chat or
        // alone they still greet.
        ("olá bom dia tudo bem, tem vaga pra estacionar aí", "information"),
        ("oi, boa tarde. me descadastra dessa lista por favor", "cancellation"),
        ("hello, good afternoon! how much is the premium plan?", "information"),
        ("oi, boa tarde! tudo certo?", "greeting"),
        ("bom dia, com quem eu falo?", "greeting"),
        // Something owed that never came, a utility cut off, a warning light, a repair, a
        // charge the customer does not know, a car that will not start.
        ("a imobiliária ainda não me mandou o contrato", "support"),
        ("tô sem água aqui no prédio desde cedo", "support"),
        ("caiu a internet de novo aqui em casa", "support"),
        ("acendeu a luz da injeção no painel", "support"),
        ("o zíper da mochila estragou, dá pra consertar?", "support"),
        ("apareceu uma cobrança estranha no meu cartão", "support"),
        ("the van won't start this morning", "support"),
        ("descadastre meu email de vocês", "cancellation"),
        // A connection that keeps dropping asks for a repair.
        ("o wifi tá caindo toda hora aqui em casa", "support"),
        // A payment that stays pending, a record with the wrong name or date.
        ("o pagamento continua pendente mesmo depois de pago", "support"),
        ("a receita saiu com o nome errado", "support"),
        ("the booking shows the wrong date", "support"),
        // Access refused or locked is support, not the account's cancellation the model reads.
        ("I can't access my account", "support"),
        ("unable to access the parent portal since this morning", "support"),
        ("the account is locked", "support"),
        // Short Portuguese requests in their plain words: a charge made twice, an appointment
        // booked by command, an account to close or erase ("fechar a conta" of a table pays).
        ("fui cobrada em dobro na fatura", "support"),
        ("me agenda uma avaliação pra segunda", "purchase"),
        ("apaga minha conta de vocês", "cancellation"),
        ("quero fechar minha conta no banco", "cancellation"),
        ("pode fechar a conta da mesa 4?", "purchase"),
        ("mudar forma de pagamento", "support"),
        ("stop all messages please", "cancellation"),
        // What a product comes in, what a place allows, when stock returns; the wrong size sent.
        ("which sizes do the jackets come in", "information"),
        ("are dogs allowed on the patio", "information"),
        ("when will you restock the blue one", "information"),
        ("got the wrong size, need to swap", "support"),
        // A coupon that will not apply.
        ("cupom não tá aplicando no carrinho", "support"),
        // A device that keeps restarting; a bill after a cancellation already made is about what
        // it left behind, not a request to cancel; what the products are, asked by word order.
        ("the router keeps restarting every hour", "support"),
        ("a maquininha fica reiniciando sozinha", "support"),
        ("we got a bill after we cancelled the gym membership", "support"),
        ("are your products tested on animals", "information"),
        // A price that went up is a complaint, not a question about prices.
        ("the subscription fee doubled overnight", "complaint"),
        ("a anuidade do cartão aumentou sem aviso", "complaint"),
        // An apology for bothering before "mas"/"but" leaves the request a request.
        ("desculpe incomodar, mas a fatura ainda não chegou", "support"),
        ("sorry to bother you again, but the refund still hasnt arrived", "support"),
        // A technician asked to come; a number taken to another carrier leaves this one.
        ("o técnico pode passar aqui sexta?", "support"),
        ("vou levar meu número pra outra operadora", "cancellation"),
        // Giving up a course or an order; scrapping one.
        ("desisto do curso, não tenho mais tempo", "cancellation"),
        ("scrap the order i placed this morning", "cancellation"),
        // A price raised, said verb first, is a complaint.
        ("they keep raising the rent every year", "complaint"),
        ("aumentaram o preço do frete de novo", "complaint"),
        ("reajustaram a anuidade do cartão", "complaint"),
    ])
    func intent(text: String, expected: String) {
        let analysis = MessageAnalyzer.analyze(text)
        #expect(analysis.intent == expected, "\(text)")
        #expect((0...1).contains(analysis.confidence))
        #expect(IntentClassifier.intents.contains(analysis.intent))
    }

    @Test("one typing slip from a key word reads as that word; other forms of it do not", arguments: [
        ("cancfel", "cancel"), ("edlete", "delete"), ("deleet", "delete"), ("padsword", "password"), ("pessino", "pessimo"),
        ("pesimo", "pessimo"), ("purcchase", "purchase"), ("purchased", nil), ("compras", nil), ("terribly", nil),
        ("refuse", nil), ("cancek", nil), ("orderr", nil), ("ordr", nil), ("cancl", "cancel"), ("delet", nil),
    ] as [(String, String?)])
    func typoCorrection(word: String, expected: String?) {
        let v = Vocabulary.shared
        let id = Array(word.utf8).withUnsafeBufferPointer { v.lookup($0) >= 0 ? -2 : v.correction($0) }
        #expect(id != -2, "\(word) is a known word")
        #expect((id >= 0 ? String(decoding: v.bytes(id), as: UTF8.self) : nil) == expected, "\(word)")
    }

    @Test("every vocabulary word is found by its bytes, and words that differ from it in a byte are not")
    func vocabularyLookup() {
        let v = Vocabulary.shared
        var longer = 0
        for id in 0..<Int32(v.bounds.count) {
            let word = Array(v.bytes(id))
            #expect(word.withUnsafeBufferPointer { v.lookup($0) } == id, "\(String(decoding: word, as: UTF8.self))")
            if word.count > 8 { longer += 1 }
            // The same word with its last byte changed, with one byte added, and one dropped.
            var variants = [word + [0x7E], Array(word.dropLast())]
            var changed = word
            changed[changed.count - 1] ^= 0x40
            variants.append(changed)
            for variant in variants {
                let found = variant.withUnsafeBufferPointer { v.lookup($0) }
                #expect(found < 0 || Array(v.bytes(found)) == variant, "\(String(decoding: variant, as: UTF8.self))")
            }
        }
        #expect(longer > 100, "long words are looked up too")
        #expect([UInt8]().withUnsafeBufferPointer { v.lookup($0) } < 0)
    }

    @Test("language", arguments: [
        ("oi tudo bem? preciso de ajuda com meu pedido", "pt"),
        ("vc pode me ajudar pfv", "pt"),
        ("kkkkk", "pt"),
        ("my card was declined again", "en"),
        ("super fast delivery, 10/10", "en"),
        ("wrong item delivered", "en"),
        ("o item veio errado", "pt"),
        ("pedi um delivery e veio frio", "pt"),
        ("where is my refund", "en"),
        ("hola, necesito ayuda con mi pedido por favor", "es"),
        ("¿dónde está mi dinero?", "es"),
        ("hola, buenos días", "es"),
        ("mi pedido no llegó", "es"),
        ("não", "pt"),
        ("vale a pena demais", "pt"),
        ("a loja fechou", "pt"),
        ("me ajuda", "pt"),
        ("o médico atende por convênio?", "pt"),
        // "a" and "de" are Portuguese as much as English or Spanish.
        ("queria contratar a assinatura da caixinha de livros", "pt"),
        ("gostaria de assinar a revista por 1 ano", "pt"),
        ("i need a refund for my order", "en"),
        ("tyvm", "en"),
        // Words only one language's lexicon lists lean towards that language.
        ("no complaints", "en"),
        ("terrible", "en"),
        ("péssimo", "pt"),
        ("hmm", "pt"),
        // Laughter only English writes.
        ("lol", "en"),
        ("lmao", "en"),
        ("maybe", "en"),
        // Past forms of short complaints; "to" and "no" are Portuguese too.
        ("took ages to arrive", "en"),
        ("paid twice", "en"),
        ("no luck", "en"),
    ])
    func language(text: String, expected: String) {
        #expect(MessageAnalyzer.analyze(text).language == expected, "\(text)")
    }

    @Test("topics use canonical names across languages")
    func topics() {
        #expect(MessageAnalyzer.analyze("paguei o boleto e o pix não caiu, quero reembolso").topics.sorted() == ["boleto", "pagamento", "pix", "reembolso"])
        #expect(MessageAnalyzer.analyze("my credit card payment failed").topics.sorted() == ["cartão", "pagamento"])
        #expect(MessageAnalyzer.analyze("cadê o código de rastreio do frete?").topics.sorted() == ["frete", "rastreio"])
        // Cancellation, billing, service and lock-outs said without their usual noun.
        #expect(MessageAnalyzer.analyze("quero desistir do curso e encerrar o contrato").topics == ["cancelamento"])
        #expect(MessageAnalyzer.analyze("a fatura veio com cobrança em dobro").topics == ["pagamento"])
        #expect(MessageAnalyzer.analyze("I've been on hold for an hour, can I talk to a manager?").topics == ["atendimento"])
        #expect(MessageAnalyzer.analyze("my account got locked after too many attempts").topics == ["login"])
        #expect(MessageAnalyzer.analyze("I can't access my account").topics == ["login"])
        #expect(MessageAnalyzer.analyze("o motoboy sumiu com a minha encomenda").topics.sorted() == ["entrega", "pedido"])
        // Prices asked without the noun, and instalments.
        #expect(MessageAnalyzer.analyze("how much is the premium plan?").topics.sorted() == ["plano", "preço"])
        #expect(MessageAnalyzer.analyze("quanto tá o kg do tomate?").topics == ["preço"])
        #expect(MessageAnalyzer.analyze("quanto tempo demora?").topics.isEmpty)
        #expect(MessageAnalyzer.analyze("dá pra parcelar em 3x?").topics == ["pagamento"])
        // Fees, receipts, staff and parcels named in their own words.
        #expect(MessageAnalyzer.analyze("esse banco cobra taxa pra tudo").topics.sorted() == ["pagamento", "preço"])
        #expect(MessageAnalyzer.analyze("mandei o comprovante agora").topics == ["pagamento"])
        #expect(MessageAnalyzer.analyze("the cashier was so rude").topics == ["atendimento"])
        #expect(MessageAnalyzer.analyze("my package still hasn't shipped").topics == ["entrega"])
        #expect(MessageAnalyzer.analyze("").topics.isEmpty)
        // Each topic once, in the order first named; a bit per topic holds them.
        #expect(MessageAnalyzer.analyze("entrega atrasada, o frete caro e a entrega errada de novo").topics == ["entrega", "frete", "preço"])
        #expect(TopicExtractor.table.count <= 32)
    }

    @Test("normalisation: accents, stretched letters, laughter, URLs and handles")
    func normalisation() {
        var text = TextNormalizer.normalize("@loja Péssimooooo!!! https://x.co/a kkkkkk #fail")
        // Runs are cut to two letters; a doubled last vowel of a known word goes too.
        #expect(text.words == ["pessimo", "<laugh>", "fail"])
        #expect(text.tokens[0].elongated)
        #expect(TextNormalizer.normalize("bom diaa, valeuu! the mall, coffee").words == ["bom", "dia", "valeu", "the", "mall", "coffee"])
        #expect(text.exclamations == 3)
        #expect(text.laughter)
        // A hashtag is counted; an opening @handle addresses the message, a later one does not.
        #expect(text.hashtags == 1 && text.addressed)
        let post = TextNormalizer.normalize("  que final #MasterChefBR #top com @ana")
        #expect(post.hashtags == 2 && !post.addressed)
        let expanded = MessageAnalyzer.expand(&text, language: "pt")
        #expect(expanded.map(text.text) == ["pessimo", "<laugh>", "fail"])
        #expect(expanded.first?.elongated == true)
        // Abbreviations per language; unknown words keep their own bytes.
        var chat = TextNormalizer.normalize("VC viu q o xyzzy n chegou? thx")
        #expect(MessageAnalyzer.expand(&chat, language: "pt").map(chat.text) == ["voce", "viu", "que", "o", "xyzzy", "nao", "chegou", "thx"])
        var english = TextNormalizer.normalize("thx u r gr8")
        #expect(MessageAnalyzer.expand(&english, language: "en").map(english.text) == ["thanks", "you", "are", "great"])
        // Chunks end at spaces, tabs and line breaks ("\r\n" is one character, so a URL right
        // after it is inside the chunk); a chunk that is a URL or @handle is skipped whole.
        let chunks = TextNormalizer.normalize("a\r\nhttp://x b\n@c d\te https://g.h/i  www.j k @ l\n\n@m")
        #expect(chunks.words == ["a", "http", "x", "b", "d", "e", "k", "l"])
        // ASCII faces count as emoji; times, URLs and words after a colon do not.
        for (text, faces) in [(":) :-( :'( ;) =D :P <3 :/ </3", 9), ("às 10:30, veja http://x.co :Pedro", 0), (":))))", 1)] {
            #expect(TextNormalizer.normalize(text).emojiCount == faces, "\(text)")
        }
        #expect(TextNormalizer.normalize("</3").emojiValence < 0)
        // "\u2019" and "\u002c" left in the text by an export are an apostrophe and a comma,
        // and an accented letter's escape is its letter; other backslashes and escapes
        // separate words.
        let escaped = TextNormalizer.normalize(#"it\u2019s great\u002c isn\u2019t it? a\b \u00e9 c:\users caf\u00e9 P\u00c9SSIMO x\u2603y"#)
        #expect(escaped.words == ["it's", "great", "isn't", "it", "a", "b", "e", "c", "users", "cafe", "pessimo", "x", "y"])
        #expect(escaped.tokens[2].clauseStart)
        #expect(TextNormalizer.isLaughter("rsrsrs") && TextNormalizer.isLaughter("hahaha") && !TextNormalizer.isLaughter("casa"))
    }

    @Test("stepping over quiet words scores every message as reading every word does")
    func quietWords() throws {
        var texts = Self.sentimentCases.map(\.0)
        for name in ["pt_sentiment_train", "en_sentiment_train", "pt_intents_train", "en_intents_train", "pt_sentiment_test", "en_sentiment_test"] {
            texts += try AnalysisFiguresTests.rows("Fixtures/analysis/\(name).tsv").map(\.text)
        }
        for file in ["../shared/eval/sentiment_dev.tsv", "../shared/eval/intent_dev.tsv"] where FileManager.default.fileExists(atPath: file) {
            texts += Evaluation.parse(try String(contentsOfFile: file, encoding: .utf8)).map(\.text)
        }
        var stepped = 0
        for text in texts {
            var normalized = TextNormalizer.normalize(text)
            let language = LanguageDetector.detect(normalized)
            let words = MessageAnalyzer.expand(&normalized, language: language)
            let fast = SentimentAnalyzer.score(words, normalized, language: language)
            let full = SentimentAnalyzer.score(words, normalized, language: language, stepOverQuiet: false)
            #expect(fast == full, "\(text)")
            stepped += words.filter { $0.id >= 0 && Vocabulary.shared.quiet[Int($0.id)] }.count
        }
        #expect(texts.count > 1000 && stepped > texts.count, "most messages have quiet words")
    }

    @Test("empty and odd input never crashes")
    func oddInput() {
        for text in ["", " ", "\u{0}", "🙂", String(repeating: "a", count: 10_000), "ﷺ ⁂ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u{301}\u{301}"] {
            let a = MessageAnalyzer.analyze(text)
            #expect(["positive", "negative", "neutral"].contains(a.sentiment))
        }
    }
}
