/// Finds cue phrases (one or more normalised words) in a token sequence, indexed by their
/// first word so a message is read once, whatever the number of cues.
struct PhraseIndex<Value: Sendable>: Sendable {
    private var byFirstWord: [String: [(rest: [String], value: Value)]] = [:]

    init(_ entries: [(String, Value)]) {
        for (phrase, value) in entries {
            let words = phrase.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            byFirstWord[first, default: []].append((Array(words.dropFirst()), value))
        }
    }

    /// Every match: its start, length and value.
    func matches(in words: [String]) -> [(start: Int, length: Int, value: Value)] {
        var found: [(Int, Int, Value)] = []
        for (i, word) in words.enumerated() {
            guard let candidates = byFirstWord[word] else { continue }
            for candidate in candidates where i + candidate.rest.count < words.count || candidate.rest.isEmpty {
                var ok = true
                for (k, w) in candidate.rest.enumerated() where i + 1 + k >= words.count || words[i + 1 + k] != w {
                    ok = false
                    break
                }
                if ok { found.append((i, candidate.rest.count + 1, candidate.value)) }
            }
        }
        return found
    }
}
