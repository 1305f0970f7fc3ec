import ArgumentParser
import Foundation
import Logging
import Shared
import Workers

/// `talkhub dlq list | show ID | replay ID|--all | drop ID`: the dead-letter stream.
struct DeadLetterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlq",
        abstract: "Inspect, replay or drop dead letters.",
        subcommands: [List.self, Show.self, Replay.self, Drop.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List dead letters, oldest first.")
        @OptionGroup var common: CommonOptions
        @Option(help: "How many to list.") var count: Int = 50

        func run() async throws {
            try await withDeadLetters(common) { dlq in
                let letters = try await dlq.list(count: count)
                if letters.isEmpty { print("no dead letters") }
                for (id, letter) in letters {
                    let kind = letter.original["kind"] ?? letter.source
                    print("\(id)  \(RFC3339.format(letter.at))  \(kind)  deliveries=\(letter.deliveries)  \(letter.reason)")
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one dead letter as JSON.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The dead letter's id.") var id: String

        func run() async throws {
            try await withDeadLetters(common) { dlq in
                let letter = try await dlq.show(id)
                let object: [String: Any] = [
                    "id": id, "source": letter.source, "reason": letter.reason, "stream": letter.stream,
                    "deliveries": letter.deliveries, "at": RFC3339.format(letter.at), "original": letter.original,
                ]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                print(String(decoding: data, as: UTF8.self))
            }
        }
    }

    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put dead letters back on their stream.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The dead letter's id.") var id: String?
        @Flag(help: "Replay every replayable dead letter.") var all = false

        func validate() throws {
            guard (id != nil) != all else { throw ValidationError("give either an ID or --all") }
        }

        func run() async throws {
            try await withDeadLetters(common) { dlq in
                if all {
                    print("replayed \(try await dlq.replayAll())")
                } else if let id {
                    print("replayed \(id) as \(try await dlq.replay(id))")
                }
            }
        }
    }

    struct Drop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a dead letter.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The dead letter's id.") var id: String

        func run() async throws {
            try await withDeadLetters(common) { dlq in
                try await dlq.drop(id)
                print("dropped \(id)")
            }
        }
    }
}

/// Runs `body` with a connected Redis client for a command-line tool.
func withRedis<Result: Sendable>(_ common: CommonOptions, _ body: @Sendable (RedisClient) async throws -> Result) async throws -> Result {
    let configuration = try common.configuration()
    var logger = Logger(label: "talkhub.cli")
    logger.logLevel = .error
    let redis = RedisClient(
        configuration: try RedisConfiguration(url: configuration.redisURL, poolSize: 1),
        keys: RedisKeyspace(prefix: configuration.redisKeyPrefix),
        logger: logger
    )
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await redis.run() }
        defer { group.cancelAll() }
        return try await body(redis)
    }
}

private func withDeadLetters(_ common: CommonOptions, _ body: @Sendable (DeadLetterQueue) async throws -> Void) async throws {
    try await withRedis(common) { redis in
        do {
            try await body(DeadLetterQueue(redis: redis))
        } catch let failure as DeadLetterQueue.Failure {
            throw ValidationError(failure.description)
        }
    }
}
