import Shared

/// Questions tests ask of a stream.
public enum StreamProbe {
    /// True when group `group` has been delivered every entry of `stream` and acknowledged
    /// them all. (XINFO's `lag` is not used: Redis 7.0 misreports it for a group created on
    /// a stream that already had entries.)
    public static func drained(_ redis: RedisClient, stream: RedisKey, group: String) async throws -> Bool {
        guard let info = try await redis.xinfoGroups(stream).first(where: { $0.name == group }), info.pending == 0 else { return false }
        let last = try await redis.send(RawCommand(["XREVRANGE", RedisArgument(stream), "+", "-", "COUNT", "1"]))
        guard let newest = last.array?.first?.array?.first?.string else { return true }
        return compare(info.lastDeliveredID, newest) >= 0
    }

    static func compare(_ a: String, _ b: String) -> Int {
        let x = a.split(separator: "-").compactMap { UInt64($0) }
        let y = b.split(separator: "-").compactMap { UInt64($0) }
        guard x.count == 2, y.count == 2 else { return -1 }
        if x[0] != y[0] { return x[0] < y[0] ? -1 : 1 }
        if x[1] != y[1] { return x[1] < y[1] ? -1 : 1 }
        return 0
    }
}
