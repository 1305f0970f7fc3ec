import Logging
import Shared

/// Keeps streams bounded: removes entries that every consumer group has read and
/// acknowledged, never one that is still pending or not yet delivered.
///
/// For each group the first entry it may still need is its oldest pending entry, or, with
/// nothing pending, the one after its last delivered entry. The stream is trimmed with
/// `XTRIM MINID ~` below the smallest of those over all groups.
public struct StreamTrimmer: BackgroundJob {
    let redis: RedisClient
    let streams: [RedisKey]
    public var interval: Duration

    public init(redis: RedisClient, streams: [RedisKey], interval: Duration = .seconds(5)) {
        self.redis = redis
        self.streams = streams
        self.interval = interval
    }

    public var name: String { "stream-trimmer" }

    public func run(logger: Logger) async throws {
        for stream in streams {
            guard let minID = try await safeMinimumID(stream) else { continue }
            // An approximate XTRIM removes at most about 10,000 entries per call (Redis's
            // default LIMIT, in whole nodes): repeat until a call finds nothing, in bounded steps.
            var removed = 0
            for _ in 0..<100 {
                let step = try await redis.xtrim(stream, trim: .minID(minID), approximate: true)
                removed += step
                if step == 0 { break }
            }
            if removed > 0 {
                logger.debug("trimmed stream", metadata: ["stream.name": "\(stream)", "stream.trimmed": "\(removed)"])
            }
        }
    }

    /// The smallest id any group may still need, or nil when the stream has no group.
    func safeMinimumID(_ stream: RedisKey) async throws -> String? {
        let groups = try await redis.xinfoGroups(stream)
        guard !groups.isEmpty else { return nil }
        var bound: StreamID?
        for group in groups {
            let summary = try await redis.xpending(stream, group: group.name)
            let needed: StreamID
            if summary.count > 0, let smallest = summary.smallestID.flatMap(StreamID.init) {
                needed = smallest
            } else {
                needed = (StreamID(group.lastDeliveredID) ?? StreamID(milliseconds: 0, sequence: 0)).next
            }
            bound = bound.map { min($0, needed) } ?? needed
        }
        return bound?.description
    }
}

/// A stream entry id `<ms>-<seq>`, ordered as Redis orders them.
struct StreamID: Comparable, CustomStringConvertible {
    var milliseconds: UInt64
    var sequence: UInt64

    init(milliseconds: UInt64, sequence: UInt64) {
        self.milliseconds = milliseconds
        self.sequence = sequence
    }

    init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let ms = UInt64(parts[0]), let seq = UInt64(parts[1]) else { return nil }
        self.init(milliseconds: ms, sequence: seq)
    }

    var next: StreamID {
        sequence == .max ? StreamID(milliseconds: milliseconds + 1, sequence: 0) : StreamID(milliseconds: milliseconds, sequence: sequence + 1)
    }

    var description: String { "\(milliseconds)-\(sequence)" }

    static func < (a: StreamID, b: StreamID) -> Bool {
        (a.milliseconds, a.sequence) < (b.milliseconds, b.sequence)
    }
}
