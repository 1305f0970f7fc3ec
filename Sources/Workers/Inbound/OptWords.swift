import Foundation

/// Opt-out and opt-in keywords (API.md, Opt-out): a message that is only `SAIR`, `PARAR`,
/// `STOP` or `DESCADASTRAR` opts the user out; only `VOLTAR` or `START` opts them back in.
/// Case, accents, spaces, punctuation and emoji around the word do not matter. `CANCELAR` is
/// not one: customers write it about orders.
public enum OptWords {
    public enum Choice: Sendable, Equatable { case optOut, optIn }

    static let optOut: Set<String> = ["SAIR", "PARAR", "STOP", "DESCADASTRAR"]
    static let optIn: Set<String> = ["VOLTAR", "START"]

    public static func classify(_ text: String) -> Choice? {
        // Every ASCII letter and digit survives the folding below, and the longest keyword
        // has 12 letters (the shortest 4): most messages are answered by one pass over bytes.
        var alphanumerics = 0
        var ascii = true
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
                alphanumerics += 1
                if alphanumerics > 12 { return nil }
            case 0x80...: ascii = false
            default: break
            }
        }
        if ascii && alphanumerics < 4 { return nil }
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "pt_BR"))
        let word = folded.unicodeScalars.filter { CharacterSet.letters.contains($0) || CharacterSet.decimalDigits.contains($0) || $0 == " " }
        let trimmed = String(String.UnicodeScalarView(word)).trimmingCharacters(in: .whitespaces).uppercased()
        guard !trimmed.isEmpty, !trimmed.contains(" ") else { return nil }
        if optOut.contains(trimmed) { return .optOut }
        if optIn.contains(trimmed) { return .optIn }
        return nil
    }
}
