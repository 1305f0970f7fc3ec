/// Business topics a message touches, as canonical Portuguese names (so analytics group
/// pt and en traffic together): entrega, frete, rastreio, pagamento, pix, boleto, cartão,
/// reembolso, troca, cancelamento, preço, plano, login, senha, atendimento, produto, pedido.
public enum TopicExtractor {
    static let index: PhraseIndex<String> = {
        let table: [String: [String]] = [
            "entrega": ["entrega", "entregue", "entregar", "entregaram", "chegou", "chegar", "prazo", "correios", "transportadora",
                        "delivery", "delivered", "deliver", "shipping", "shipment", "arrive", "arrived"],
            "frete": ["frete", "freight", "shipping cost", "shipping fee"],
            "rastreio": ["rastreio", "rastrear", "rastreamento", "codigo de rastreio", "track", "tracking"],
            "pagamento": ["pagamento", "pagar", "paguei", "pago", "payment", "pay", "paid", "charge", "charged"],
            "pix": ["pix"],
            "boleto": ["boleto", "segunda via"],
            "cartão": ["cartao", "credito", "debito", "card", "credit", "debit", "visa", "mastercard"],
            "reembolso": ["reembolso", "estorno", "devolucao do dinheiro", "dinheiro de volta", "refund", "money back", "reimburse"],
            "troca": ["troca", "trocar", "devolucao", "devolver", "exchange", "return", "replacement"],
            "cancelamento": ["cancelar", "cancelamento", "cancela", "cancel", "cancellation", "cancelled", "canceled"],
            "preço": ["preco", "valor", "caro", "barato", "custa", "desconto", "price", "cost", "expensive", "cheap", "discount", "fee"],
            "plano": ["plano", "assinatura", "mensalidade", "plan", "subscription", "membership"],
            "login": ["login", "logar", "entrar na conta", "acessar", "acesso", "log in", "sign in", "account access"],
            "senha": ["senha", "password", "pin", "passcode"],
            "atendimento": ["atendimento", "atendente", "suporte", "sac", "customer service", "agent", "support", "representative"],
            "produto": ["produto", "produtos", "product", "item"],
            "pedido": ["pedido", "pedidos", "compra", "order", "orders", "purchase"],
        ]
        return PhraseIndex(table.flatMap { topic, cues in cues.map { ($0, topic) } })
    }()

    public static func topics(_ words: [String]) -> [String] {
        var seen: [String] = []
        for match in index.matches(in: words) where !seen.contains(match.value) {
            seen.append(match.value)
        }
        return seen
    }
}
