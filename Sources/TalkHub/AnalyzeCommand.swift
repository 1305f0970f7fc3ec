import ArgumentParser
import Foundation
import Shared
import Workers

/// `talkhub analyze "texto"`: the analysis as JSON; without a text, one JSON object per
/// line of standard input, in order.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analyze", abstract: "Analyse messages (sentiment, intent, language, topics).")
    @Argument(help: "The message; omit to read one message per line from standard input.") var text: String?

    func run() throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let text {
            print(String(decoding: try encoder.encode(MessageAnalyzer.analyze(text)), as: UTF8.self))
            return
        }
        while let line = readLine() {
            print(String(decoding: try encoder.encode(MessageAnalyzer.analyze(line)), as: UTF8.self))
        }
    }
}

/// `talkhub eval FILE.tsv`: accuracy, macro-F1 and per-label F1 per language and per source.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Score the analyzer on a labelled TSV file.")
    @Argument(help: "lang<TAB>label<TAB>text<TAB>source, with a header line.") var file: String
    @Option(help: "An English intent model file to score instead of the bundled one (e.g. one `talkhub train` wrote).") var model: String?
    @Option(name: .customLong("pt-model"), help: "The same for the Portuguese intent model.") var portugueseModel: String?

    @Flag(help: "Also list each row the analyzer got wrong (gold, predicted, text).") var errors = false

    func run() throws {
        let rows = Evaluation.parse(try String(contentsOfFile: file, encoding: .utf8))
        func load(_ path: String?, or committed: IntentModel?) throws -> IntentModel? {
            try path.map { try IntentModel(serialized: Data(contentsOf: URL(fileURLWithPath: $0))) } ?? committed
        }
        let english = try load(model, or: IntentModel.shared)
        let portuguese = try load(portugueseModel, or: IntentModel.sharedPortuguese)
        let analyses = rows.map { MessageAnalyzer.analyze($0.text, englishModel: english, portugueseModel: portuguese) }
        print(Evaluation.report(rows, analyses: analyses), terminator: "")
        guard errors else { return }
        let sentiment = Evaluation.task(of: rows) == .sentiment
        for (row, analysis) in zip(rows, analyses) {
            let predicted = sentiment ? analysis.sentiment : analysis.intent
            if predicted != row.label { print("\(row.label)\t\(predicted)\t\(row.text)") }
        }
    }
}

/// `talkhub train [--language pt] --data FILE [--out MODEL]`: rebuilds a language's intent
/// model reproducibly (seeded) from its trainable rows and prints cross-validated figures.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "train", abstract: "Train the intent model and report cross-validated scores.")
    @Option(help: "Labelled intent TSV files (repeatable).") var data: [String] = []
    @Option(help: "Where to write the model (default: the committed resource of --language).") var out: String?
    @Option(help: "Cross-validation folds.") var folds: Int = 5
    @Option(help: "The seed that deals rows to folds (another seed shows how much a figure moves with the split).")
    var foldSeed: UInt64 = 11
    @Option(help: "The language whose rows train the model: en or pt.") var language: String = "en"
    @Option(help: "How many times each public row counts in training, against once for the project's own rows.")
    var publicWeight: Int = Evaluation.publicWeight
    @Flag(help: "Also list each row the cross-validated analyzer got wrong (source, gold, predicted and its confidence, text).")
    var errors = false

    func run() throws {
        guard !data.isEmpty else { throw ValidationError("give at least one --data file") }
        guard ["en", "pt"].contains(language) else { throw ValidationError("--language is en or pt") }
        var rows: [Evaluation.Row] = []
        for file in data { rows += Evaluation.parse(try String(contentsOfFile: file, encoding: .utf8)) }
        let (model, report, analyses) = Evaluation.trainIntentModel(
            rows, language: language, folds: folds, foldSeed: foldSeed, publicWeight: publicWeight
        )
        let path = out ?? "Sources/Workers/Analysis/Resources/intent_\(language).model"
        try model.serialized().write(to: URL(fileURLWithPath: path))
        print(report, terminator: "")
        print("wrote \(path)")
        guard errors else { return }
        for (row, analysis) in zip(rows, analyses) where analysis.intent != row.label {
            print("\(row.source)\t\(row.label)\t\(analysis.intent) \(analysis.confidence)\t\(row.text)")
        }
    }
}
