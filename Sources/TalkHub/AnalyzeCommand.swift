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

    func run() throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        print(Evaluation.report(Evaluation.parse(text)), terminator: "")
    }
}
