import Testing

@testable import Workers

@Suite("Opt-out and opt-in words")
struct OptWordsTests {
    @Test("opt-out words in any case, with accents, spaces, punctuation and emoji", arguments: ["SAIR", "sair", "Sair!", "  parar. ", "STOP", "stop 🛑", "Descadastrar", "DESCADASTRÁR", "sáir"])
    func optOut(text: String) {
        #expect(OptWords.classify(text) == .optOut)
    }

    @Test("opt-in words", arguments: ["VOLTAR", "voltar", "Start", "vóltar!"])
    func optIn(text: String) {
        #expect(OptWords.classify(text) == .optIn)
    }

    @Test("other messages, CANCELAR included, change nothing", arguments: ["cancelar", "quero sair do plano", "stop it please", "", "sair sair", "parar?? não, continuar", "DESCADASTRARR", "ok", "👍"])
    func other(text: String) {
        #expect(OptWords.classify(text) == nil)
    }
}
