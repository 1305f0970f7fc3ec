import Foundation
import Shared

/// A multinomial logistic regression over hashed word unigrams and bigrams (and 5-letter
/// stems, and whether the message asks), for intent; one per language (English,
/// Portuguese). Trained by `talkhub train` on data whose licence allows it (see
/// `Resources/intent_model.md`); its weights are package resources loaded once.
public struct IntentModel: Sendable {
    public static let buckets = 1 << 14
    /// The model's answer is taken when its probability reaches this; below, the rules'.
    public static let trustAbove = 0.5
    public let labels: [String]
    /// `labels.count × buckets` weights, then one bias per label.
    let weights: [Float]
    /// Which buckets carry any weight, 64 to an entry, with how many the entries before hold
    /// (most buckets never occurred in training, and their weights are all zero). A feature
    /// in an empty bucket is skipped without reading weights; the 4 KB stay in the
    /// first-level cache.
    private let index: [(bits: UInt64, before: Int)]
    /// The weights of the buckets that carry any, bucket by bucket (`labels.count` each, so a
    /// feature's weights for every label share a cache line), then one bias per label.
    private let rows: [Float]

    public init(labels: [String], weights: [Float]) {
        self.labels = labels
        self.weights = weights
        let n = labels.count
        var index: [(bits: UInt64, before: Int)] = []
        var rows: [Float] = []
        if weights.count == n * Self.buckets + n {
            for start in stride(from: 0, to: Self.buckets, by: 64) {
                var bits: UInt64 = 0
                let before = rows.count / n
                for f in start..<(start + 64) where (0..<n).contains(where: { weights[$0 * Self.buckets + f] != 0 }) {
                    bits |= 1 << UInt64(f - start)
                    for k in 0..<n { rows.append(weights[k * Self.buckets + f]) }
                }
                index.append((bits, before))
            }
            rows += weights[(n * Self.buckets)...]
        } else {
            index = Array(repeating: (0, 0), count: Self.buckets / 64)
            rows = Array(repeating: 0, count: n)
        }
        self.index = index
        self.rows = rows
    }

    /// Below this probability, the Portuguese model does not override rules that found no cue.
    public static let portugueseWithoutCue = 0.8

    /// The committed English model, or nil when the resource is absent.
    public static let shared = committed("intent_en")
    /// The committed Portuguese model, or nil when the resource is absent.
    public static let sharedPortuguese = committed("intent_pt")

    static func committed(_ name: String) -> IntentModel? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "model", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: "model"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? IntentModel(serialized: data)
    }

    // MARK: features

    /// FNV-1a (32 bits), continued over `bytes`.
    @inline(__always)
    static func fnv<S: Sequence<UInt8>>(_ state: UInt32, _ bytes: S) -> UInt32 {
        var h = state
        for b in bytes {
            h ^= UInt32(b)
            h = h &* fnvPrime
        }
        return h
    }

    static let fnvSeed: UInt32 = 2_166_136_261
    static let fnvPrime: UInt32 = 16_777_619
    static let unigram = fnv(fnvSeed, "u:".utf8)
    static let stem = fnv(fnvSeed, "s:".utf8)
    static let bigram = fnv(fnvSeed, "b:".utf8)

    @inline(__always)
    static func bucket(_ h: UInt32) -> Int { Int(h % UInt32(buckets)) }

    /// Per word: the word ("u:"), its first five letters when longer ("s:"), and the pair
    /// with the word before ("b:" + before + " " + word), hashed into `buckets`.
    static func features(_ count: Int, word: (Int, (UnsafeBufferPointer<UInt8>) -> Void) -> Void) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(count * 3)
        // The seeds read once: each read of a computed global checks its one-time set-up.
        let (unigram, stem, bigram) = (Self.unigram, Self.stem, Self.bigram)
        var pairState: UInt32?
        for i in 0..<count {
            word(i) { w in
                // The word's own hash, the pair's and the next pair's start in one pass: three
                // independent multiply chains run side by side.
                var (own, pair, next) = (unigram, pairState ?? 0, bigram)
                var bits: UInt8 = 0
                for b in w {
                    own = (own ^ UInt32(b)) &* fnvPrime
                    pair = (pair ^ UInt32(b)) &* fnvPrime
                    next = (next ^ UInt32(b)) &* fnvPrime
                    bits |= b
                }
                out.append(bucket(own))
                if w.count > 5 {
                    if bits < 0x80 {
                        out.append(bucket(fnv(stem, UnsafeBufferPointer(rebasing: w[0..<5]))))
                    } else {
                        // Five characters, not bytes, of a word with letters beyond ASCII.
                        let text = String(decoding: w, as: UTF8.self)
                        if text.count > 5 { out.append(bucket(fnv(stem, text.prefix(5).utf8))) }
                    }
                }
                if pairState != nil { out.append(bucket(pair)) }
                pairState = (next ^ 0x20) &* fnvPrime
            }
        }
        return out
    }

    /// The feature of a message that asks ("x:question"): a question mark tells a request
    /// for information or help from chatter and statements, whatever the words.
    static let question = bucket(fnv(fnvSeed, "x:question".utf8))

    /// The features of a message's tokens, and whether it asks (with its question mark, or
    /// a short Portuguese question without it: `MessageAnalyzer.read`).
    static func features(_ words: [Token], in text: NormalizedText, asks: Bool) -> [Int] {
        var out = features(words.count) { i, body in text.withWord(words[i], body) }
        if asks { out.append(question) }
        return out
    }

    /// The features of words given as text.
    public static func features(_ words: [String]) -> [Int] {
        let words = words.map { Array($0.utf8) }
        return features(words.count) { i, body in words[i].withUnsafeBufferPointer(body) }
    }

    // MARK: prediction

    /// The most probable label and its probability, as `probabilities(features)` gives them,
    /// without an array of probabilities (the analyzer needs only the best).
    func best(_ features: [Int]) -> (label: Int, probability: Double) {
        guard labels.count == 8 else {
            let p = probabilities(features)
            let best = p.indices.max { p[$0] < p[$1] } ?? 0
            return (best, p.isEmpty ? 0 : p[best])
        }
        let z = sums8(features)
        // As `softmax`: the best label's probability is exp(0) / Σ exp(z − max), summed in
        // label order.
        var best = 0
        for k in 1..<8 where z[k] > z[best] { best = k }
        var total = 0.0
        for k in 0..<8 { total += Foundation.exp(z[k] - z[best]) }
        return (best, 1 / total)
    }

    public func probabilities(_ features: [Int]) -> [Double] {
        let n = labels.count
        if n == 8 {
            let z = sums8(features)
            var logits = (0..<8).map { z[$0] }
            Self.softmax(&logits)
            return logits
        }
        var logits = [Double](repeating: 0, count: n)
        index.withUnsafeBufferPointer { index in
            rows.withUnsafeBufferPointer { w in
                for k in 0..<n { logits[k] = Double(w[w.count - n + k]) }
                for f in features {
                    guard let base = Self.row(f, index, labels: n) else { continue }
                    for k in 0..<n { logits[k] += Double(w[base + k]) }
                }
            }
        }
        Self.softmax(&logits)
        return logits
    }

    /// Where a feature's row starts in `rows`, or nil for an empty bucket (its zeros are
    /// skipped: the sums are the same).
    @inline(__always)
    private static func row(_ f: Int, _ index: UnsafeBufferPointer<(bits: UInt64, before: Int)>, labels n: Int) -> Int? {
        let entry = index[f >> 6]
        let bit = UInt64(1) << UInt64(f & 63)
        guard entry.bits & bit != 0 else { return nil }
        return (entry.before + (entry.bits & (bit &- 1)).nonzeroBitCount) * n
    }

    /// The logits of a model of eight labels (both committed models): a feature's row is one
    /// vector add, lane by lane in the same order as label by label, so the sums are the same.
    @inline(__always)
    private func sums8(_ features: [Int]) -> SIMD8<Double> {
        index.withUnsafeBufferPointer { index in
            rows.withUnsafeBufferPointer { w in
                let raw = UnsafeRawPointer(w.baseAddress!)
                var sum = SIMD8<Double>(raw.loadUnaligned(fromByteOffset: (w.count - 8) * 4, as: SIMD8<Float>.self))
                for f in features {
                    guard let base = Self.row(f, index, labels: 8) else { continue }
                    sum += SIMD8<Double>(raw.loadUnaligned(fromByteOffset: base * 4, as: SIMD8<Float>.self))
                }
                return sum
            }
        }
    }

    /// In place, as exp(z − max) / Σ.
    static func softmax(_ z: inout [Double]) {
        let m = z.max() ?? 0
        var sum = 0.0
        for k in z.indices {
            z[k] = Foundation.exp(z[k] - m)
            sum += z[k]
        }
        for k in z.indices { z[k] /= sum }
    }

    /// Probabilities straight from weights in file order (training, where they change).
    static func probabilities(_ features: [Int], weights w: [Float], labels n: Int) -> [Double] {
        var logits = [Double](repeating: 0, count: n)
        for k in 0..<n {
            var z = Double(w[n * buckets + k])
            let base = k * buckets
            for f in features { z += Double(w[base + f]) }
            logits[k] = z
        }
        softmax(&logits)
        return logits
    }

    // MARK: training

    /// Deterministic SGD with L2, over `examples` (features, label index), run `runs` times
    /// with different shuffles and the weights averaged: one run's weights swing with the
    /// order it saw the examples in (a held-out message could flip between runs); the
    /// average is one linear model, as cheap to apply, whose answers no longer depend on
    /// an order.
    public static func train(
        labels: [String], examples: [([Int], Int)], epochs: Int = 25, learningRate: Double = 0.3, l2: Double = 1e-5, seed: UInt64 = 7,
        runs: Int = 5
    ) -> IntentModel {
        var sum: [Float] = []
        for run in 0..<max(1, runs) {
            let w = sgd(labels.count, examples, epochs: epochs, learningRate: learningRate, l2: l2, seed: seed &+ UInt64(run))
            if sum.isEmpty { sum = w } else { for j in sum.indices { sum[j] += w[j] } }
        }
        let scale = 1 / Float(max(1, runs))
        return IntentModel(labels: labels, weights: sum.map { $0 * scale })
    }

    static func sgd(_ n: Int, _ examples: [([Int], Int)], epochs: Int, learningRate: Double, l2: Double, seed: UInt64) -> [Float] {
        var w = [Float](repeating: 0, count: n * buckets + n)
        var order = Array(examples.indices)
        var rng = SplitMix64(seed: seed)
        for epoch in 0..<epochs {
            order.shuffle(using: &rng)
            let rate = learningRate / (1 + Double(epoch) * 0.2)
            for index in order {
                let (features, gold) = examples[index]
                let p = probabilities(features, weights: w, labels: n)
                for k in 0..<n {
                    let g = p[k] - (k == gold ? 1 : 0)
                    let base = k * buckets
                    for f in features {
                        w[base + f] -= Float(rate * (g + l2 * Double(w[base + f])))
                    }
                    w[n * buckets + k] -= Float(rate * g)
                }
            }
        }
        return w
    }

    // MARK: serialisation (labels line, then little-endian Float32 weights)

    public func serialized() -> Data {
        var data = Data((labels.joined(separator: ",") + "\n").utf8)
        weights.withUnsafeBufferPointer { data.append(contentsOf: UnsafeRawBufferPointer($0)) }
        return data
    }

    public init(serialized data: Data) throws {
        guard let newline = data.firstIndex(of: 0x0A) else { throw CocoaError(.fileReadCorruptFile) }
        let labels = String(decoding: data[data.startIndex..<newline], as: UTF8.self).split(separator: ",").map(String.init)
        let body = data[(newline + 1)...]
        let count = labels.count * Self.buckets + labels.count
        guard body.count == count * 4 else { throw CocoaError(.fileReadCorruptFile) }
        var w = [Float](repeating: 0, count: count)
        _ = w.withUnsafeMutableBytes { body.copyBytes(to: $0) }
        self.init(labels: labels, weights: w)
    }
}
