import ArgumentParser
import Foundation
import Workers

/// `talkhub bench-analysis [FILE.tsv]`: messages analysed per second on one core (one
/// thread), over the texts of a labelled file or a built-in sample. With `--rounds N` it
/// measures N times and reports the best round (what the code does when nothing else takes
/// the core; on a shared machine other tenants only ever slow a round down) with the median
/// and every round beside it.
struct BenchAnalysisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-analysis", abstract: "Measure analysis throughput on one core.")
    @Argument(help: "A TSV of texts (the third column), e.g. shared/eval/sentiment_dev.tsv.") var file: String?
    @Option(help: "Seconds to run (per round).") var seconds: Double = 5
    @Option(help: "Rounds to run; the best is reported, with the median and every round.") var rounds: Int = 1

    static let sample = [
        "Oi, meu pedido ainda não chegou e já faz 10 dias. Preciso de ajuda!", "Quanto custa o plano anual? Quero assinar hoje.",
        "ótimo, mais um atraso 🙄", "amei o produto, chegou antes do prazo 😍", "quero cancelar minha assinatura",
        "my card was declined again, this is ridiculous", "thanks for the quick help!", "vcs aceitam pix ou boleto?",
    ]

    func run() throws {
        var texts = Self.sample
        if let file {
            texts = Evaluation.parse(try String(contentsOfFile: file, encoding: .utf8)).map(\.text)
        }
        var rates: [Int] = []
        var total = 0
        var checksum = 0.0
        let clock = ContinuousClock()
        let limit = Duration.milliseconds(Int64(seconds * 1000))
        for _ in 0..<max(1, rounds) {
            var count = 0
            let start = clock.now
            while clock.now - start < limit {
                for text in texts {
                    checksum += MessageAnalyzer.analyze(text).sentimentScore
                }
                count += texts.count
            }
            let elapsed = clock.now - start
            let perSecond = Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            rates.append(Int(perSecond))
            total += count
        }
        let sorted = rates.sorted()
        let median = sorted[sorted.count / 2]
        print(
            #"{"analysis_msgs_per_s": \#(sorted.last!), "median_msgs_per_s": \#(median), "rounds": [\#(rates.map(String.init).joined(separator: ", "))], "#
                + #""messages": \#(total), "checksum": \#(checksum.isFinite ? 1 : 0)}"#
        )
    }
}
