import ArgumentParser
import Crypto
import Foundation
import Workers

/// `talkhub bench-payloads`: signed WhatsApp Cloud API deliveries for the benchmark's `wrk`
/// script, one per line as `<hex signature>\t<body>`, each with its own message id, spread
/// over `--users` senders and the texts of a labelled file (or a built-in sample).
struct BenchPayloadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-payloads", abstract: "Write signed webhook deliveries for scripts/bench.")
    @Option(help: "Deliveries to write.") var count: Int = 10_000
    @Option(help: "Distinct senders.") var users: Int = 2_000
    @Option(help: "WHATSAPP_APP_SECRET the gateway checks signatures with.") var secret: String
    @Option(help: "A TSV of texts (the third column), e.g. shared/eval/sentiment_dev.tsv.") var texts: String?
    @Option(help: "Prefix of the message ids (distinct per run).") var prefix: String = "bench"
    @Option(help: "Output file.") var out: String

    func run() throws {
        guard count > 0, users > 0 else { throw ValidationError("--count and --users must be positive") }
        var sample = BenchAnalysisCommand.sample
        if let texts {
            sample = Evaluation.parse(try String(contentsOfFile: texts, encoding: .utf8)).map(\.text)
        }
        let key = SymmetricKey(data: Data(secret.utf8))
        let start = Int(Date().timeIntervalSince1970) - count / 50
        var output = ""
        output.reserveCapacity(count * 900)
        for index in 0..<count {
            let sender = 5511_900_000_000 + (index % users)
            let text = Self.jsonEscaped(sample[index % sample.count])
            let body = """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",\
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"5511400000000",\
                "phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Cliente \(index % users)"},\
                "wa_id":"\(sender)"}],"messages":[{"from":"\(sender)","id":"wamid.\(prefix).\(index)",\
                "timestamp":"\(start + index / 50)","type":"text","text":{"body":"\(text)"}}]}}]}]}
                """
            let signature = HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: key)
            let digits = Array("0123456789abcdef".utf8)
            output += String(decoding: signature.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
            output += "\t"
            output += body
            output += "\n"
        }
        try output.write(toFile: out, atomically: true, encoding: .utf8)
    }

    static func jsonEscaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 { result += String(format: "\\u%04x", scalar.value) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
