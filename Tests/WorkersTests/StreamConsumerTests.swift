import Foundation
import Logging
import ServiceLifecycle
import Shared
import Synchronization
import Testing
import TestSupport

@testable import Workers

/// A handler for tests: records what it saw; envelopes whose body is "poison" always throw.
final class RecordingHandler: EnvelopeHandler, Sendable {
    let kinds: [String]
    private let seen = Mutex<[String]>([])
    private let batches = Mutex<[Int]>([])

    init(kinds: [String] = ["test.echo"]) { self.kinds = kinds }

    struct Poison: Error {}

    func handle(_ batch: [Envelope], logger: Logger) async throws {
        if batch.contains(where: { $0.body == "poison" }) { throw Poison() }
        seen.withLock { $0 += batch.map(\.id) }
        batches.withLock { $0.append(batch.count) }
    }

    var ids: [String] { seen.withLock { $0 } }
    var batchSizes: [Int] { batches.withLock { $0 } }
}

@Suite("Stream consumer runtime against a real Redis", .enabled(if: TestServices.available))
struct StreamConsumerTests {
    static func envelope(_ id: String, kind: String = "test.echo", body: String = "{}") -> Envelope {
        Envelope(id: id, kind: kind, trace: "trace-\(id)", body: body)
    }

    /// Runs one consumer over `stream` until `until` holds.
    static func runConsumer(
        redis: RedisClient, handler: RecordingHandler, batchSize: Int = 10, maxDeliveries: Int = 3,
        visibility: Duration = .milliseconds(300), until: @Sendable () async throws -> Bool
    ) async throws -> Bool {
        let consumer = StreamConsumer(
            configuration: ConsumerConfiguration(
                stream: redis.keys.inbound, group: "g", consumerName: "c-\(UUID().uuidString.prefix(6))", batchSize: batchSize,
                block: .milliseconds(100), visibilityTimeout: visibility, maxDeliveries: maxDeliveries
            ),
            redis: redis, registry: HandlerRegistry([handler]), logger: TestServices.logger
        )
        let group = ServiceGroup(configuration: .init(services: [consumer], logger: TestServices.logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let done = try await TestServices.eventually(timeout: .seconds(15), until)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return done
        }
    }

    @Test("entries are handled in batches and acknowledged")
    func handlesAndAcknowledges() async throws {
        try await TestServices.withRedis { redis in
            for i in 0..<25 {
                try await redis.xadd(redis.keys.inbound, fields: Self.envelope("e\(i)").fields)
            }
            let handler = RecordingHandler()
            let done = try await Self.runConsumer(redis: redis, handler: handler) { handler.ids.count == 25 }
            #expect(done)
            #expect(Set(handler.ids) == Set((0..<25).map { "e\($0)" }))
            #expect(handler.batchSizes.allSatisfy { $0 <= 10 })
            #expect(try await redis.xpending(redis.keys.inbound, group: "g").count == 0)
            // The stopped consumer, with nothing pending, left the group.
            #expect(try await redis.xinfoGroups(redis.keys.inbound).first?.consumers == 0)
        }
    }

    @Test("a poison entry reaches the dead-letter stream after MAX_DELIVERIES while the others flow")
    func poisonIsDeadLettered() async throws {
        try await TestServices.withRedis { redis in
            for i in 0..<10 {
                try await redis.xadd(redis.keys.inbound, fields: Self.envelope("ok\(i)").fields)
            }
            try await redis.xadd(redis.keys.inbound, fields: Self.envelope("bad", body: "poison").fields)
            for i in 10..<20 {
                try await redis.xadd(redis.keys.inbound, fields: Self.envelope("ok\(i)").fields)
            }
            let handler = RecordingHandler()
            let done = try await Self.runConsumer(redis: redis, handler: handler, maxDeliveries: 3) {
                try await redis.xlen(redis.keys.deadLetters) == 1
            }
            #expect(done)
            #expect(Set(handler.ids) == Set((0..<20).map { "ok\($0)" }))
            let letter = try await redis.xrange(redis.keys.deadLetters).first?.fields.flatMap(DeadLetter.init(fields:))
            #expect(letter?.original["id"] == "bad")
            #expect(letter?.deliveries == 3)
            #expect(letter?.stream == redis.keys.inbound.rawValue)
            #expect(try await redis.xpending(redis.keys.inbound, group: "g").count == 0)
        }
    }

    @Test("an unknown envelope version or kind is dead-lettered at once")
    func unknownVersionAndKind() async throws {
        try await TestServices.withRedis { redis in
            var future = Self.envelope("v2")
            future.version = 2
            try await redis.xadd(redis.keys.inbound, fields: future.fields)
            try await redis.xadd(redis.keys.inbound, fields: Self.envelope("k", kind: "test.unknown").fields)
            try await redis.xadd(redis.keys.inbound, fields: [("garbage", "1")])
            try await redis.xadd(redis.keys.inbound, fields: Self.envelope("fine").fields)
            let handler = RecordingHandler()
            let done = try await Self.runConsumer(redis: redis, handler: handler, visibility: .seconds(30)) {
                try await redis.xlen(redis.keys.deadLetters) == 3 && handler.ids == ["fine"]
            }
            #expect(done)
            let reasons = try await redis.xrange(redis.keys.deadLetters).compactMap { $0.fields.flatMap(DeadLetter.init(fields:))?.reason }
            #expect(reasons.contains { $0.contains("version 2") })
            #expect(reasons.contains { $0.contains("test.unknown") })
            #expect(reasons.contains { $0.contains("missing") })
        }
    }
}
