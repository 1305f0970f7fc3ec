import Foundation
import Shared

/// Operations on `talkhub:dlq` behind `talkhub dlq`: list, show, replay, drop.
public struct DeadLetterQueue: Sendable {
    let redis: RedisClient

    public init(redis: RedisClient) {
        self.redis = redis
    }

    public enum Failure: Error, CustomStringConvertible {
        case notFound(String)
        case notReplayable(String)
        public var description: String {
            switch self {
            case .notFound(let id): return "no dead letter \(id)"
            case .notReplayable(let why): return why
            }
        }
    }

    public func list(count: Int = 100) async throws -> [(id: String, letter: DeadLetter)] {
        try await redis.xrange(redis.keys.deadLetters, count: count).compactMap { entry in
            entry.fields.flatMap(DeadLetter.init(fields:)).map { (entry.id, $0) }
        }
    }

    public func show(_ id: String) async throws -> DeadLetter {
        guard let entry = try await redis.xrange(redis.keys.deadLetters, start: id, end: id).first,
            let letter = entry.fields.flatMap(DeadLetter.init(fields:))
        else { throw Failure.notFound(id) }
        return letter
    }

    /// Puts the original entry back on its stream as a new delivery and removes the dead
    /// letter, atomically. Returns the new entry's id.
    @discardableResult
    public func replay(_ id: String) async throws -> String {
        let letter = try await show(id)
        guard !letter.stream.isEmpty, letter.original["kind"] != nil else {
            throw Failure.notReplayable("dead letter \(id) is a raw \(letter.source) payload, not a stream entry; it cannot be replayed")
        }
        guard letter.stream.hasPrefix(redis.keys.prefix) else {
            throw Failure.notReplayable("dead letter \(id) came from \(letter.stream), outside this key prefix")
        }
        let stream = redis.keys.key(String(letter.stream.dropFirst(redis.keys.prefix.count)))
        let fields = letter.original.sorted { $0.key < $1.key }.map { ($0.key, RedisArgument($0.value)) }
        let results = try await redis.transaction([XADD(stream, fields: fields), XDEL(redis.keys.deadLetters, ids: [id])])
        return results.first?.string ?? ""
    }

    /// Replays every replayable dead letter; returns how many went back.
    public func replayAll() async throws -> Int {
        var replayed = 0
        for (id, _) in try await list(count: 100_000) {
            do {
                try await replay(id)
                replayed += 1
            } catch is Failure {
                continue
            }
        }
        return replayed
    }

    public func drop(_ id: String) async throws {
        guard try await redis.xdel(redis.keys.deadLetters, ids: [id]) == 1 else { throw Failure.notFound(id) }
    }
}
