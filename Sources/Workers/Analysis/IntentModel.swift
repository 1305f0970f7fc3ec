import Foundation
import Shared

/// A multinomial logistic regression over hashed word unigrams and bigrams (and 5-letter
/// stems), for intent. Trained by `talkhub train` on data whose licence allows it (see
/// `Resources/intent_model.md`); its weights are a package resource loaded once.
public struct IntentModel: Sendable {
    public static let buckets = 1 << 14
    /// The model's answer is taken when its probability reaches this; below, the rules'.
    public static let trustAbove = 0.5
    public let labels: [String]
    /// `labels.count × buckets` weights, then one bias per label.
    var weights: [Float]

    public init(labels: [String], weights: [Float]) {
        self.labels = labels
        self.weights = weights
    }

    /// The committed model, or nil when the resource is absent.
    public static let shared: IntentModel? = {
        guard let url = Bundle.module.url(forResource: "intent_en", withExtension: "model", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "intent_en", withExtension: "model"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? IntentModel(serialized: data)
    }()

    // MARK: features

    static func hash(_ s: String) -> Int {
        var h: UInt32 = 2_166_136_261
        for b in s.utf8 {
            h ^= UInt32(b)
            h = h &* 16_777_619
        }
        return Int(h % UInt32(buckets))
    }

    public static func features(_ words: [String]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(words.count * 3)
        for (i, w) in words.enumerated() {
            out.append(hash("u:" + w))
            if w.count > 5 { out.append(hash("s:" + w.prefix(5))) }
            if i > 0 { out.append(hash("b:" + words[i - 1] + " " + w)) }
        }
        return out
    }

    // MARK: prediction

    public func probabilities(_ features: [Int]) -> [Double] {
        let n = labels.count
        var logits = [Double](repeating: 0, count: n)
        for k in 0..<n {
            var z = Double(weights[n * Self.buckets + k])
            let base = k * Self.buckets
            for f in features { z += Double(weights[base + f]) }
            logits[k] = z
        }
        let m = logits.max() ?? 0
        let e = logits.map { Foundation.exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    // MARK: training

    /// Deterministic SGD with L2, over `examples` (features, label index).
    public static func train(labels: [String], examples: [([Int], Int)], epochs: Int = 25, learningRate: Double = 0.3, l2: Double = 1e-5, seed: UInt64 = 7) -> IntentModel {
        let n = labels.count
        var w = [Float](repeating: 0, count: n * buckets + n)
        var order = Array(examples.indices)
        var rng = SplitMix64(seed: seed)
        for epoch in 0..<epochs {
            order.shuffle(using: &rng)
            let rate = learningRate / (1 + Double(epoch) * 0.2)
            for index in order {
                let (features, gold) = examples[index]
                let model = IntentModel(labels: labels, weights: w)
                let p = model.probabilities(features)
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
        return IntentModel(labels: labels, weights: w)
    }

    // MARK: serialisation (labels line, then little-endian Float32 weights)

    public func serialized() -> Data {
        var data = Data((labels.joined(separator: ",") + "\n").utf8)
        weights.withUnsafeBufferPointer { data.append(contentsOf: UnsafeRawBufferPointer($0)) }
        return data
    }

    public init(serialized data: Data) throws {
        guard let newline = data.firstIndex(of: 0x0A) else { throw CocoaError(.fileReadCorruptFile) }
        labels = String(decoding: data[data.startIndex..<newline], as: UTF8.self).split(separator: ",").map(String.init)
        let body = data[(newline + 1)...]
        let count = labels.count * Self.buckets + labels.count
        guard body.count == count * 4 else { throw CocoaError(.fileReadCorruptFile) }
        var w = [Float](repeating: 0, count: count)
        _ = w.withUnsafeMutableBytes { body.copyBytes(to: $0) }
        weights = w
    }
}
