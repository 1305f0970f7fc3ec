/// Business topics a message touches, as canonical Portuguese names (so analytics group
/// pt and en traffic together): entrega, frete, rastreio, pagamento, pix, boleto, cartão,
/// reembolso, troca, cancelamento, preço, plano, login, senha, atendimento, produto, pedido.
public enum TopicExtractor {
    /// Topics and their cue phrases, in the order topics are reported when several start
    /// at the same word; `Vocabulary` indexes the cues by first word. At most 32 (`topics`
    /// marks those found in a `UInt32`).
    static let table: [(topic: String, cues: [String])] = [
        ("entrega", ["entrega", "entregue", "entregar", "entregaram", "chegou", "chegar", "prazo", "correios", "transportadora",
                 "entregador", "motoboy", "courier", "delivery", "delivered", "deliver", "shipping", "shipment", "arrive", "arrived",
                 "entregam", "entregou", "entregas", "envio", "despachado", "postado", "ship", "shipped", "ships", "package", "parcel"]),
        ("frete", ["frete", "freight", "shipping cost", "shipping fee"]),
        ("rastreio", ["rastreio", "rastrear", "rastreamento", "codigo de rastreio", "track", "tracking"]),
        ("pagamento", [
            "pagamento", "pagar", "paguei", "pago", "fatura", "cobranca", "cobraram", "cobrado", "cobrada", "payment", "pay",
            "paid", "charge", "charged", "invoice", "bill", "billing", "parcelar", "parcelo", "parcela", "parcelas",
            "parcelamento", "installment", "installments",
            "cobra", "cobram", "cobrar", "cobrarem", "cobrando", "pagando", "comprovante", "recibo", "receipt", "charges", "billed",
        ]),
        ("pix", ["pix"]),
        ("boleto", ["boleto", "segunda via"]),
        ("cartão", ["cartao", "credito", "debito", "card", "credit", "debit", "visa", "mastercard", "cartoes", "cards"]),
        ("reembolso", ["reembolso", "estorno", "devolucao do dinheiro", "dinheiro de volta", "refund", "money back", "reimburse"]),
        ("troca", ["troca", "trocar", "devolucao", "devolver", "exchange", "return", "replacement"]),
        ("cancelamento", [
            "cancelar", "cancelamento", "cancela", "cancelado", "cancelada", "cancele", "cancelem", "desistir", "desisti",
            "encerrar", "encerra", "encerramento", "rescindir", "rescisao", "desmarcar", "desmarca", "cancel", "cancellation",
            "cancelled", "canceled", "unsubscribe", "terminate", "close my account",
        ]),
        ("preço", [
            "preco", "valor", "caro", "barato", "custa", "desconto", "price", "cost", "expensive", "cheap", "discount", "fee",
            "quanto e", "quanto fica", "quanto sai", "quanto ta", "quanto esta", "how much is", "how much does", "how much for",
            "how much are",
            "taxa", "taxas", "tarifa", "tarifas", "juros", "multa", "precos", "valores", "orcamento", "fees", "prices", "pricing",
        ]),
        ("plano", ["plano", "assinatura", "mensalidade", "plan", "subscription", "membership"]),
        ("login", [
            "login", "logar", "entrar na conta", "acessar", "acesso", "conta bloqueada", "log in", "sign in", "account access",
            "locked out", "account locked", "account got locked", "can't access", "cant access", "cannot access",
            "access my account",
        ]),
        ("senha", ["senha", "password", "pin", "passcode"]),
        ("atendimento", [
            "atendimento", "atendente", "atendentes", "suporte", "sac", "gerente", "customer service",
            "agent", "support", "representative", "on hold", "real person", "manager",
            "recepcionista", "vendedor", "vendedora", "vendedores", "staff", "cashier", "receptionist",
        ]),
        ("produto", ["produto", "produtos", "product", "item"]),
        ("pedido", ["pedido", "pedidos", "compra", "encomenda", "order", "orders", "purchase"]),
    ]

    public static func topics(_ words: [Token]) -> [String] {
        let v = Vocabulary.shared
        var seen: [String] = []
        // The topics found so far, one bit each by their place in `table`.
        var found: UInt32 = 0
        for i in words.indices {
            let first = words[i].id
            guard v.starts(first, Vocabulary.Starts.topic) else { continue }
            v.topicCues.forEachMatch(at: i, in: words) { index, _ in
                guard found & 1 << UInt32(index) == 0 else { return }
                found |= 1 << UInt32(index)
                seen.append(table[index].topic)
            }
        }
        return seen
    }
}
