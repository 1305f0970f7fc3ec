import Foundation
import Testing

@testable import Workers

@Suite("Intent model")
struct IntentModelTests {
    @Test("the committed model loads and answers English requests")
    func committedModel() throws {
        let model = try #require(IntentModel.shared)
        #expect(model.labels == IntentClassifier.intents)
        #expect(MessageAnalyzer.analyze("I would like to purchase a couple of your products").intent == "purchase")
        #expect(MessageAnalyzer.analyze("I need to close my account, please").intent == "cancellation")
    }

    @Test("training is reproducible, learns a toy task, and survives serialisation")
    func trainsAndSerialises() throws {
        let labels = ["greeting", "thanks"]
        let examples: [([Int], Int)] = [
            (IntentModel.features(["hello", "there"]), 0), (IntentModel.features(["hi"]), 0), (IntentModel.features(["hey", "you"]), 0),
            (IntentModel.features(["thanks", "a", "lot"]), 1), (IntentModel.features(["thank", "you"]), 1), (IntentModel.features(["cheers"]), 1),
        ]
        let a = IntentModel.train(labels: labels, examples: examples, epochs: 30)
        let b = IntentModel.train(labels: labels, examples: examples, epochs: 30)
        #expect(a.serialized() == b.serialized())
        #expect(a.probabilities(IntentModel.features(["hello"]))[0] > 0.5)
        #expect(a.probabilities(IntentModel.features(["thanks"]))[1] > 0.5)
        let copy = try IntentModel(serialized: a.serialized())
        #expect(copy.probabilities(IntentModel.features(["hi"])) == a.probabilities(IntentModel.features(["hi"])))
        #expect(throws: (any Error).self) { try IntentModel(serialized: Data("x\n123".utf8)) }
    }
}
