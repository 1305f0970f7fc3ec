import Foundation
import Hummingbird

/// `talkhub-bare`: the benchmark's reference for "what this machine's HTTP stack can do".
///
/// One Hummingbird route that decodes a JSON POST into a Codable value and answers a small
/// JSON body, with nothing else (no middleware, no Redis, no authentication). `scripts/bench`
/// measures it with `wrk` at the same concurrency as TalkHub's routes, so TalkHub's figures
/// become ratios against the same machine in the same run.
///
///     talkhub-bare [PORT]      (default 8089, 127.0.0.1 only)
struct Payload: Decodable {
    struct Entry: Decodable {
        let id: String
        let from: String
        let timestamp: String
        let text: String
    }
    let object: String
    let entries: [Entry]
}

struct Answer: ResponseEncodable {
    let received: Bool
    let count: Int
}

let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 8089
let router = Router()
router.post("/echo") { request, context -> Answer in
    let payload = try await request.decode(as: Payload.self, context: context)
    return Answer(received: true, count: payload.entries.count)
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
