import Foundation
import JWTKit
import NIOCore
import Testing

@testable import Gateway
@testable import Shared

/// Random and mutated inputs to the pure parsers: each must return or throw its typed error,
/// never crash or hang. A fixed seed makes a failure reproducible; the case counts are printed.
@Suite("Fuzzing the parsers")
struct FuzzTests {
    typealias Random = SplitMix64

    static let tokens: [[UInt8]] = ["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "null", "true", "1e999", "-0", "0x1",
                                    "\u{0}", "\u{FEFF}", "é", "😀", "\"entry\"", "\"messages\"", "\"update_id\"", "\"message\"", "\"from\"",
                                    "\"text\"", "\"id\"", "\"timestamp\"", "9999999999999999999999"].map { Array($0.utf8) }

    /// A mutation of `seed`: bytes flipped, deleted, duplicated, or JSON-ish tokens spliced in.
    static func mutate(_ seed: [UInt8], _ rng: inout Random) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            guard !bytes.isEmpty else { bytes = tokens.randomElement(using: &rng)!; continue }
            let i = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: bytes[i] = UInt8.random(in: 0...255, using: &rng)
            case 1: bytes.remove(at: i)
            case 2: bytes.insert(contentsOf: tokens.randomElement(using: &rng)!, at: i)
            case 3: bytes.insert(contentsOf: bytes[i..<min(bytes.count, i + 16)], at: i)
            default: bytes.removeSubrange(i..<min(bytes.count, i + Int.random(in: 1...32, using: &rng)))
            }
        }
        return bytes
    }

    static func fixtures(_ prefix: String) throws -> [[UInt8]] {
        let folder = TestSupportPaths.fixtures
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }
        return try names.map { Array(try Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    static func randomBytes(_ rng: inout Random) -> [UInt8] {
        (0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    @Test("webhook payload parsers: 6,000 mutated and random bodies give events or a typed error")
    func webhookParsers() throws {
        var rng = Random(seed: 20_261_202)
        let uchat = [Array(#"{"event_id":"e1","event":"message","user_id":"u1","user":{"name":"Ana","phone":"+5511987654321"},"platform":"uchat","channel":"c","message":{"id":"m1","text":"oi","direction":"in","timestamp":"2025-01-01T10:00:00Z"}}"#.utf8)]
        let parsers: [(String, [[UInt8]], ([UInt8]) throws(WebhookParseError) -> [WebhookEvent])] = [
            ("whatsapp", try Self.fixtures("whatsapp"), { bytes throws(WebhookParseError) in try WhatsAppPayloadParser.parse(bytes) }),
            ("telegram", try Self.fixtures("telegram"), { bytes throws(WebhookParseError) in try TelegramPayloadParser.parse(bytes, channelID: "1") }),
            ("uchat", uchat, { bytes throws(WebhookParseError) in try UChatPayloadParser.parse(bytes) }),
        ]
        var counts: [String: (parsed: Int, refused: Int)] = [:]
        for (name, seeds, parse) in parsers {
            #expect(!seeds.isEmpty, "no seeds for \(name)")
            for i in 0..<2000 {
                let input = i % 4 == 0 ? Self.randomBytes(&rng) : Self.mutate(seeds[i % seeds.count], &rng)
                do {
                    let events = try parse(input)
                    counts[name, default: (0, 0)].parsed += 1
                    for case .message(let message) in events {
                        #expect(!message.userId.isEmpty && !message.platformMessageId.isEmpty)
                    }
                } catch {
                    counts[name, default: (0, 0)].refused += 1
                }
            }
        }
        print("webhook parser fuzz cases: \(counts.mapValues { "\($0.parsed) parsed, \($0.refused) refused" })")
        #expect(counts.values.map { $0.parsed + $0.refused }.reduce(0, +) == 6000)
    }

    @Test("strict JSON: 5,000 mutations; whatever it accepts the decoder accepts, and it never crashes")
    func strictJSON() throws {
        var rng = Random(seed: 42)
        let seeds = try Self.fixtures("") + [Array(#"{"a":[1,2,{"b":"\u00e9\ud83d\ude00"}],"c":null,"d":-1.5e3}"#.utf8)]
        var accepted = 0
        for i in 0..<5000 {
            let input = i % 5 == 0 ? Self.randomBytes(&rng) : Self.mutate(seeds[i % seeds.count], &rng)
            // As JSONRequest does: UTF-8 first, then the strict pass, then the decoder.
            guard String(validating: input, as: UTF8.self) != nil, let text = try? StrictJSON.check(input) else { continue }
            accepted += 1
            #expect(throws: Never.self, "\(String(decoding: text, as: UTF8.self).prefix(300))") { _ = try JSONValue.parse(text) }
        }
        print("strict JSON fuzz cases: 5000, accepted \(accepted)")
        #expect(accepted > 0)
    }

    @Test("RESP decoder: 5,000 random and mutated byte streams give replies or a typed protocol error")
    func respDecoder() throws {
        var rng = Random(seed: 7)
        let seeds = ["+OK\r\n", "-ERR bad\r\n", ":42\r\n", "$5\r\nhello\r\n", "$-1\r\n", "*2\r\n$1\r\na\r\n:1\r\n", "*-1\r\n", "*1\r\n*1\r\n+x\r\n"].map { Array($0.utf8) }
        var replies = 0
        var errors = 0
        for i in 0..<5000 {
            let reader = RESPReader()
            let input = i % 3 == 0 ? Self.randomBytes(&rng) : Self.mutate(seeds[i % seeds.count] + seeds[(i + 3) % seeds.count], &rng)
            do {
                try reader.feed(ByteBuffer(bytes: input))
                while try reader.next() != nil { replies += 1 }
            } catch {
                errors += 1
            }
        }
        print("RESP fuzz cases: 5000, \(replies) replies decoded, \(errors) protocol errors")
        #expect(replies > 0 && errors > 0)
    }

    @Test("JWT parsing: 3,000 mutated tokens are refused with TokenService.Failure, never accepted or crashing")
    func jwt() async throws {
        var rng = Random(seed: 99)
        let tokens = await TokenService(current: "fuzz-secret-0123456789abcdef0123456789", previous: [])
        let good = try await tokens.issue(subject: "fuzz", role: "admin").token
        var refused = 0
        for i in 0..<3000 {
            var input = Self.mutate(Array(good.utf8), &rng)
            if i % 10 == 0 { input = Self.randomBytes(&rng) }
            let text = String(decoding: input, as: UTF8.self)
            guard text != good else { continue }
            do {
                let identity = try await tokens.verify(text)
                // A mutation that only touched base64 padding bits can still verify; it must be the same token's claims.
                #expect(identity.subject == "fuzz")
            } catch {
                refused += 1
            }
        }
        print("JWT fuzz cases: 3000, refused \(refused)")
        #expect(refused > 2900)
    }
}

/// Where the copied fixtures live.
enum TestSupportPaths {
    static var fixtures: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.lastPathComponent != "Tests" && url.path != "/" { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Fixtures")
    }
}
