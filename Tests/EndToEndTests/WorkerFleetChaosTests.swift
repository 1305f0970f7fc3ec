import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing
import TestSupport

@testable import Gateway
@testable import Shared

/// Nothing accepted is lost and nothing is applied twice, with real worker processes that are
/// killed and servers that are restarted (ARCHITECTURE.md decisions 6–8). These tests run
/// one at a time on a Redis and PostgreSQL of their own.
@Suite(
    "Worker fleet under failure",
    .serialized,
    .enabled(if: TestServices.available && ChaosServers.isAvailable),
    ChaosServers.trait
)
struct WorkerFleetChaosTests {
    let prefix = TestServices.uniquePrefix("chaos")
    let run = UUID().uuidString.prefix(8).lowercased()

    func user(_ i: Int) -> String { "chaos-\(run)-u\(i % 50)" }

    /// Puts `count` inbound messages straight on the stream, as the gateway would.
    func enqueue(_ redis: RedisClient, count: Int, from start: Int = 0, poison: Set<Int> = []) async throws {
        var commands: [any RedisCommand] = []
        for i in start..<(start + count) {
            let message = InboundMessage(
                platform: "uchat", platformMessageId: "chaos-\(run)-\(i)", userId: user(i),
                direction: poison.contains(i) ? "sideways" : "in", text: "mensagem \(i)",
                sentAt: Date(timeIntervalSince1970: 1_764_432_000 + Double(i))
            )
            let envelope = Envelope(id: "uchat:\(message.platformMessageId)", kind: EnvelopeKind.inboundMessage, trace: "t\(i)", body: message.jsonText)
            commands.append(XADD(redis.keys.inbound, fields: envelope.fields))
            if commands.count == 500 || i == start + count - 1 {
                for reply in try await redis.pipeline(commands) { _ = try reply.checked() }
                commands.removeAll()
            }
        }
    }

    func stored(_ postgres: PostgresClient) async throws -> Int {
        try await postgres.count("SELECT count(*)::int FROM messages WHERE platform_message_id LIKE \("chaos-\(run)-%")")
    }

    /// The profile counters of this run's users: equal to the stored messages only if every
    /// message moved them exactly once.
    func counted(_ postgres: PostgresClient) async throws -> Int {
        try await postgres.count(
            "SELECT COALESCE(sum((interaction_stats->>'total_messages')::int), 0)::int FROM user_profiles WHERE user_id LIKE \("chaos-\(run)-%")"
        )
    }

    func drained(_ redis: RedisClient) async throws -> Bool {
        try await StreamProbe.drained(redis, stream: redis.keys.inbound, group: StreamGroup.ingest)
    }

    func worker(_ name: String, _ args: [String] = ["--role", "ingest", "--concurrency", "2", "--batch", "20"], env: [String: String] = [:]) throws -> TalkHubProcess {
        try TalkHubProcess(["worker"] + args, environment: ChaosServers.environment(prefix: prefix, env), name: "\(name)-\(run)")
    }

    @Test("5,000 events, a worker killed with SIGKILL midway, another finishes: all stored exactly once")
    func killedWorker() async throws {
        try await TestServices.withRedis(prefix: prefix, url: ChaosServers.redisURL) { redis in
            try await TestServices.withPostgres(url: ChaosServers.databaseURL) { postgres in
                try await enqueue(redis, count: 5000)
                let first = try worker("killed", ["--role", "ingest", "--concurrency", "1", "--batch", "5"])
                let started = try await TestServices.eventually(timeout: .seconds(60), every: .milliseconds(20)) {
                    try await stored(postgres) >= 300
                }
                #expect(started)
                first.signal(SIGKILL)
                _ = try await first.waitForExit(timeout: .seconds(5))
                let atKill = try await stored(postgres)
                #expect(atKill < 5000, "the worker must die in the middle")

                let second = try worker("survivor")
                defer { Task { await second.stop() } }
                let done = try await TestServices.eventually(timeout: .seconds(90), every: .milliseconds(200)) {
                    try await drained(redis)
                }
                #expect(done)
                let (rows, counters) = (try await stored(postgres), try await counted(postgres))
                #expect(rows == 5000, "stored \(rows), killed at \(atKill)")
                #expect(counters == 5000)
                #expect(try await redis.xlen(redis.keys.deadLetters) == 0)
                await second.stop()
            }
        }
    }

    @Test("PostgreSQL restarted in the middle of a run: no event lost, none doubled")
    func postgresRestart() async throws {
        try await TestServices.withRedis(prefix: prefix, url: ChaosServers.redisURL) { redis in
            try await enqueue(redis, count: 3000)
            let process = try worker("pg-restart", ["--role", "ingest", "--concurrency", "2", "--batch", "10"])
            defer { Task { await process.stop() } }
            let midway = try await TestServices.withPostgres(url: ChaosServers.databaseURL) { postgres in
                try await TestServices.eventually(timeout: .seconds(60), every: .milliseconds(20)) { try await stored(postgres) >= 300 }
            }
            #expect(midway)
            try await ChaosServers.services("restart", "postgres")
            try await TestServices.withPostgres(url: ChaosServers.databaseURL) { postgres in
                let done = try await TestServices.eventually(timeout: .seconds(90), every: .milliseconds(200)) { try await drained(redis) }
                #expect(done)
                #expect(try await stored(postgres) == 3000)
                #expect(try await counted(postgres) == 3000)
            }
            #expect(try await redis.xlen(redis.keys.deadLetters) == 0)
            await process.stop()
        }
    }

    @Test("Redis restarted (AOF): the gateway answers 503 while it is down, and every event acknowledged with 200 is stored")
    func redisRestart() async throws {
        let configuration = try TestServices.configuration(prefix: prefix, overrides: ["REDIS_URL": ChaosServers.redisURL, "DATABASE_URL": ChaosServers.databaseURL])
        let app = try await buildApplication(configuration: configuration, logger: TestServices.logger)
        let process = try worker("redis-restart")
        defer { Task { await process.stop() } }
        let acknowledged = try await app.test(.live) { client in
            var acknowledged: [String] = []
            var refused: [Int] = []
            func send(_ i: Int) async throws {
                let id = "chaos-\(run)-\(i)"
                let body = #"{"event_id":"\#(id)","user_id":"\#(user(i))","message":{"id":"\#(id)","text":"oi \#(i)"}}"#
                let status = try await client.execute(
                    uri: "/webhooks/uchat", method: .post,
                    headers: [.xWebhookSignature: WebhookSignature.sign(body: Array(body.utf8), secret: "test-webhook-secret")],
                    body: ByteBuffer(string: body)
                ) { $0.status }
                if status == .ok { acknowledged.append(id) } else if status == .serviceUnavailable { refused.append(i) } else {
                    Issue.record("unexpected status \(status)")
                }
            }
            for i in 0..<200 { try await send(i) }
            try await ChaosServers.services("stop", "redis")
            for i in 200..<230 { try await send(i) }
            #expect(refused == Array(200..<230), "every request while Redis is down is refused with 503")
            try await ChaosServers.services("start", "redis")
            // The platform retries the refused deliveries: once the pool has reconnected
            // (with backoff), the very same deliveries succeed.
            let first = try #require(refused.first)
            let retried = try await TestServices.eventually(timeout: .seconds(10)) {
                try await send(first)
                return acknowledged.last == "chaos-\(run)-\(first)"
            }
            #expect(retried)
            for i in refused.dropFirst() { try await send(i) }
            #expect(Set(acknowledged).isSuperset(of: (200..<230).map { "chaos-\(run)-\($0)" }))
            for i in 300..<500 { try await send(i) }
            return acknowledged
        }
        #expect(acknowledged.count >= 400)
        try await TestServices.withRedis(prefix: prefix, url: ChaosServers.redisURL) { redis in
            let done = try await TestServices.eventually(timeout: .seconds(60), every: .milliseconds(200)) { try await drained(redis) }
            #expect(done)
        }
        try await TestServices.withPostgres(url: ChaosServers.databaseURL) { postgres in
            let rows = try await postgres.query(
                "SELECT platform_message_id FROM messages WHERE platform_message_id LIKE \("chaos-\(run)-%")", logger: TestServices.logger
            )
            var stored = Set<String>()
            for try await id in rows.decode(String.self) { stored.insert(id) }
            #expect(Set(acknowledged).subtracting(stored).isEmpty, "every 200 is stored")
            #expect(stored.count == Set(acknowledged).count)
        }
        await process.stop()
    }

    @Test("a poison message is dead-lettered after MAX_DELIVERIES while the others flow; talkhub dlq replay puts it back")
    func poisonAndReplay() async throws {
        try await TestServices.withRedis(prefix: prefix, url: ChaosServers.redisURL) { redis in
            try await enqueue(redis, count: 200, poison: [77])
            let process = try worker("poison", env: ["MAX_DELIVERIES": "3"])
            defer { Task { await process.stop() } }
            let lettered = try await TestServices.eventually(timeout: .seconds(60), every: .milliseconds(200)) {
                try await redis.xlen(redis.keys.deadLetters) == 1
            }
            #expect(lettered)
            try await TestServices.withPostgres(url: ChaosServers.databaseURL) { postgres in
                let done = try await TestServices.eventually(timeout: .seconds(30)) { try await stored(postgres) == 199 }
                #expect(done)
                #expect(try await counted(postgres) == 199)
            }
            await process.stop()

            let env = ChaosServers.environment(prefix: prefix)
            let list = try await TalkHubProcess.output(["dlq", "list"], environment: env)
            #expect(list.status == 0)
            #expect(list.output.contains("inbound.message"))
            #expect(list.output.contains("after 3 deliveries"))
            let before = try await redis.xlen(redis.keys.inbound)
            let replay = try await TalkHubProcess.output(["dlq", "replay", "--all"], environment: env)
            #expect(replay.status == 0)
            #expect(replay.output.contains("replayed 1"))
            #expect(try await redis.xlen(redis.keys.deadLetters) == 0)
            let back = try await redis.xrange(redis.keys.inbound).filter { $0.fields?["id"] == "uchat:chaos-\(run)-77" }
            #expect(back.count >= 1)
            #expect(try await redis.xlen(redis.keys.inbound) == before + 1)
        }
    }

    @Test("SIGTERM during a batch: the batch is acknowledged, the process exits, nothing is left pending for it")
    func gracefulShutdown() async throws {
        try await TestServices.withRedis(prefix: prefix, url: ChaosServers.redisURL) { redis in
            try await enqueue(redis, count: 3000)
            let process = try worker("sigterm", ["--role", "ingest", "--concurrency", "2", "--batch", "25"])
            let midway = try await TestServices.withPostgres(url: ChaosServers.databaseURL) { postgres in
                try await TestServices.eventually(timeout: .seconds(60), every: .milliseconds(20)) { try await stored(postgres) >= 200 }
            }
            #expect(midway)
            process.signal(SIGTERM)
            let status = try await process.waitForExit(timeout: .seconds(15))
            #expect(status == 0)
            let summary = try await redis.xpending(redis.keys.inbound, group: StreamGroup.ingest)
            let mine = summary.consumers.filter { $0.key.contains("-\(process.pid)-") }
            #expect(mine.isEmpty, "pending for the stopped process: \(mine)")
            let (rows, counters) = try await TestServices.withPostgres(url: ChaosServers.databaseURL) { postgres in
                (try await stored(postgres), try await counted(postgres))
            }
            #expect(rows == counters)
            #expect(rows < 3000)
        }
    }

    @Test("after 100,000 processed events the inbound stream stays small")
    func streamStaysBounded() async throws {
        try await TestServices.withRedis(prefix: prefix, url: ChaosServers.redisURL) { redis in
            try await enqueue(redis, count: 100_000)
            let process = try worker("trim", ["--role", "all", "--concurrency", "2", "--batch", "500"])
            defer { Task { await process.stop() } }
            let done = try await TestServices.eventually(timeout: .seconds(400), every: .milliseconds(500)) { try await drained(redis) }
            #expect(done)
            let small = try await TestServices.eventually(timeout: .seconds(20), every: .milliseconds(250)) {
                try await redis.xlen(redis.keys.inbound) < 1000
            }
            let length = try await redis.xlen(redis.keys.inbound)
            #expect(small, "XLEN is \(length)")
            let (rows, counters) = try await TestServices.withPostgres(url: ChaosServers.databaseURL) { postgres in
                (try await stored(postgres), try await counted(postgres))
            }
            #expect(rows == 100_000)
            #expect(counters == 100_000)
            await process.stop()
        }
    }
}
