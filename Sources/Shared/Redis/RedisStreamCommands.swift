/// Stream commands and the shapes of their replies.

/// One stream entry. `fields` is nil for an entry that was deleted while still pending.
public struct StreamEntry: Sendable, Hashable {
    public var id: String
    public var fields: [String: String]?

    public init(id: String, fields: [String: String]?) {
        self.id = id
        self.fields = fields
    }

    static func decode(_ value: RESPValue) throws -> StreamEntry {
        guard let pair = value.array, pair.count == 2, let id = pair[0].string else {
            throw RedisClientError.unexpectedReply("stream entry: \(value)")
        }
        guard let flat = pair[1].array else { return StreamEntry(id: id, fields: nil) }
        var fields: [String: String] = [:]
        var index = 0
        while index + 1 < flat.count {
            if let name = flat[index].string { fields[name] = flat[index + 1].string ?? "" }
            index += 2
        }
        return StreamEntry(id: id, fields: fields)
    }

    static func decodeList(_ value: RESPValue) throws -> [StreamEntry] {
        if value.isNull { return [] }
        guard let items = value.array else { throw RedisClientError.unexpectedReply("stream entries: \(value)") }
        return try items.map(decode)
    }
}

public struct XADD: RedisCommand {
    public enum Trim: Sendable { case maxLength(Int), minID(String) }
    public var key: RedisKey
    public var id: String
    public var trim: Trim?
    public var fields: [(String, RedisArgument)]
    public init(_ key: RedisKey, id: String = "*", trim: Trim? = nil, fields: [(String, RedisArgument)]) {
        self.key = key
        self.id = id
        self.trim = trim
        self.fields = fields
    }
    public var arguments: [RedisArgument] {
        var args: [RedisArgument] = ["XADD", RedisArgument(key)]
        switch trim {
        case .maxLength(let n): args += ["MAXLEN", "~", RedisArgument(n)]
        case .minID(let id): args += ["MINID", "~", RedisArgument(id)]
        case nil: break
        }
        args.append(RedisArgument(id))
        for (name, value) in fields {
            args.append(RedisArgument(name))
            args.append(value)
        }
        return args
    }
    /// The new entry's id.
    public func decode(_ value: RESPValue) throws -> String {
        guard let id = try value.checked().string else { throw RedisClientError.unexpectedReply("XADD") }
        return id
    }
}

public struct XREADGROUP: RedisCommand {
    public var group: String
    public var consumer: String
    public var count: Int
    /// How long to wait for new entries; nil does not block.
    public var block: Duration?
    public var stream: RedisKey
    /// `>` for new entries, or an id to re-read this consumer's own pending entries after it.
    public var id: String
    public init(group: String, consumer: String, count: Int, block: Duration?, stream: RedisKey, id: String = ">") {
        self.group = group
        self.consumer = consumer
        self.count = count
        self.block = block
        self.stream = stream
        self.id = id
    }
    public var isBlocking: Bool { block != nil }
    public var arguments: [RedisArgument] {
        var args: [RedisArgument] = ["XREADGROUP", "GROUP", RedisArgument(group), RedisArgument(consumer), "COUNT", RedisArgument(count)]
        if let block {
            args += ["BLOCK", RedisArgument(max(1, block.wholeMilliseconds))]
        }
        args += ["STREAMS", RedisArgument(stream), RedisArgument(id)]
        return args
    }
    public func decode(_ value: RESPValue) throws -> [StreamEntry] {
        let value = try value.checked()
        if value.isNull { return [] }
        guard let streams = value.array else { throw RedisClientError.unexpectedReply("XREADGROUP") }
        var entries: [StreamEntry] = []
        for stream in streams {
            guard let pair = stream.array, pair.count == 2 else { throw RedisClientError.unexpectedReply("XREADGROUP stream") }
            entries += try StreamEntry.decodeList(pair[1])
        }
        return entries
    }
}

public struct XACK: RedisCommand {
    public var key: RedisKey
    public var group: String
    public var ids: [String]
    public init(_ key: RedisKey, group: String, ids: [String]) {
        self.key = key
        self.group = group
        self.ids = ids
    }
    public var arguments: [RedisArgument] { ["XACK", RedisArgument(key), RedisArgument(group)] + ids.map { RedisArgument($0) } }
    public func decode(_ value: RESPValue) throws -> Int { try expectInt(value, "XACK") }
}

/// The reply of XAUTOCLAIM: where to continue, the claimed entries, and ids that were
/// pending but no longer exist (Redis 7 drops them from the pending list itself).
public struct AutoClaimResult: Sendable {
    public var nextStart: String
    public var entries: [StreamEntry]
    public var deletedIDs: [String]
}

public struct XAUTOCLAIM: RedisCommand {
    public var key: RedisKey
    public var group: String
    public var consumer: String
    public var minIdle: Duration
    public var start: String
    public var count: Int
    public init(_ key: RedisKey, group: String, consumer: String, minIdle: Duration, start: String = "0-0", count: Int = 100) {
        self.key = key
        self.group = group
        self.consumer = consumer
        self.minIdle = minIdle
        self.start = start
        self.count = count
    }
    public var arguments: [RedisArgument] {
        ["XAUTOCLAIM", RedisArgument(key), RedisArgument(group), RedisArgument(consumer), RedisArgument(minIdle.wholeMilliseconds),
         RedisArgument(start), "COUNT", RedisArgument(count)]
    }
    public func decode(_ value: RESPValue) throws -> AutoClaimResult {
        guard let parts = try value.checked().array, parts.count >= 2, let next = parts[0].string else {
            throw RedisClientError.unexpectedReply("XAUTOCLAIM")
        }
        // Entries deleted while pending come back as nil entries on some versions.
        var entries: [StreamEntry] = []
        for item in parts[1].array ?? [] where !item.isNull {
            entries.append(try StreamEntry.decode(item))
        }
        let deleted = parts.count > 2 ? (parts[2].array ?? []).compactMap(\.string) : []
        return AutoClaimResult(nextStart: next, entries: entries, deletedIDs: deleted)
    }
}

/// XPENDING's summary form.
public struct PendingSummary: Sendable {
    public var count: Int
    public var smallestID: String?
    public var largestID: String?
    public var consumers: [String: Int]
}

/// One row of XPENDING's extended form.
public struct PendingEntry: Sendable, Hashable {
    public var id: String
    public var consumer: String
    public var idle: Duration
    public var deliveries: Int
}

public struct XPENDING: RedisCommand {
    public var key: RedisKey
    public var group: String
    public init(_ key: RedisKey, group: String) {
        self.key = key
        self.group = group
    }
    public var arguments: [RedisArgument] { ["XPENDING", RedisArgument(key), RedisArgument(group)] }
    public func decode(_ value: RESPValue) throws -> PendingSummary {
        guard let parts = try value.checked().array, parts.count == 4 else { throw RedisClientError.unexpectedReply("XPENDING") }
        var consumers: [String: Int] = [:]
        for item in parts[3].array ?? [] {
            if let pair = item.array, pair.count == 2, let name = pair[0].string, let n = pair[1].int { consumers[name] = n }
        }
        return PendingSummary(count: parts[0].int ?? 0, smallestID: parts[1].string, largestID: parts[2].string, consumers: consumers)
    }
}

public struct XPENDING_RANGE: RedisCommand {
    public var key: RedisKey
    public var group: String
    public var minIdle: Duration?
    public var start: String
    public var end: String
    public var count: Int
    public var consumer: String?
    public init(_ key: RedisKey, group: String, minIdle: Duration? = nil, start: String = "-", end: String = "+", count: Int, consumer: String? = nil) {
        self.key = key
        self.group = group
        self.minIdle = minIdle
        self.start = start
        self.end = end
        self.count = count
        self.consumer = consumer
    }
    public var arguments: [RedisArgument] {
        var args: [RedisArgument] = ["XPENDING", RedisArgument(key), RedisArgument(group)]
        if let minIdle {
            args += ["IDLE", RedisArgument(minIdle.wholeMilliseconds)]
        }
        args += [RedisArgument(start), RedisArgument(end), RedisArgument(count)]
        if let consumer { args.append(RedisArgument(consumer)) }
        return args
    }
    public func decode(_ value: RESPValue) throws -> [PendingEntry] {
        guard let rows = try value.checked().array else { throw RedisClientError.unexpectedReply("XPENDING range") }
        return rows.compactMap { row in
            guard let f = row.array, f.count == 4, let id = f[0].string, let consumer = f[1].string,
                let idle = f[2].int, let deliveries = f[3].int
            else { return nil }
            return PendingEntry(id: id, consumer: consumer, idle: .milliseconds(idle), deliveries: deliveries)
        }
    }
}

public struct XRANGE: RedisCommand {
    public var key: RedisKey
    public var start: String
    public var end: String
    public var count: Int?
    public init(_ key: RedisKey, start: String = "-", end: String = "+", count: Int? = nil) {
        self.key = key
        self.start = start
        self.end = end
        self.count = count
    }
    public var arguments: [RedisArgument] {
        ["XRANGE", RedisArgument(key), RedisArgument(start), RedisArgument(end)] + (count.map { ["COUNT", RedisArgument($0)] } ?? [])
    }
    public func decode(_ value: RESPValue) throws -> [StreamEntry] { try StreamEntry.decodeList(value.checked()) }
}

public struct XDEL: RedisCommand {
    public var key: RedisKey
    public var ids: [String]
    public init(_ key: RedisKey, ids: [String]) {
        self.key = key
        self.ids = ids
    }
    public var arguments: [RedisArgument] { ["XDEL", RedisArgument(key)] + ids.map { RedisArgument($0) } }
    public func decode(_ value: RESPValue) throws -> Int { try expectInt(value, "XDEL") }
}

public struct XGROUP_CREATE: RedisCommand {
    public var key: RedisKey
    public var group: String
    public var id: String
    public var makeStream: Bool
    public init(_ key: RedisKey, group: String, id: String = "0", makeStream: Bool = true) {
        self.key = key
        self.group = group
        self.id = id
        self.makeStream = makeStream
    }
    public var arguments: [RedisArgument] {
        ["XGROUP", "CREATE", RedisArgument(key), RedisArgument(group), RedisArgument(id)] + (makeStream ? ["MKSTREAM"] : [])
    }
    /// True when the group was created, false when it already existed.
    public func decode(_ value: RESPValue) throws -> Bool {
        if case .error(let message) = value, message.hasPrefix("BUSYGROUP") { return false }
        _ = try value.checked()
        return true
    }
}

/// One consumer group, from XINFO GROUPS.
public struct StreamGroupInfo: Sendable, Hashable {
    public var name: String
    public var consumers: Int
    public var pending: Int
    public var lastDeliveredID: String
    /// Entries not yet delivered to the group; nil when Redis cannot tell.
    public var lag: Int?
}

public struct XINFO_GROUPS: RedisCommand {
    public var key: RedisKey
    public init(_ key: RedisKey) { self.key = key }
    public var arguments: [RedisArgument] { ["XINFO", "GROUPS", RedisArgument(key)] }
    public func decode(_ value: RESPValue) throws -> [StreamGroupInfo] {
        if case .error(let message) = value, message.contains("no such key") { return [] }
        guard let groups = try value.checked().array else { throw RedisClientError.unexpectedReply("XINFO GROUPS") }
        return groups.compactMap { group in
            guard let flat = group.array else { return nil }
            var map: [String: RESPValue] = [:]
            var i = 0
            while i + 1 < flat.count {
                if let k = flat[i].string { map[k] = flat[i + 1] }
                i += 2
            }
            guard let name = map["name"]?.string else { return nil }
            return StreamGroupInfo(
                name: name,
                consumers: map["consumers"]?.int ?? 0,
                pending: map["pending"]?.int ?? 0,
                lastDeliveredID: map["last-delivered-id"]?.string ?? "0-0",
                lag: map["lag"]?.int
            )
        }
    }
}

public struct XLEN: RedisCommand {
    public var key: RedisKey
    public init(_ key: RedisKey) { self.key = key }
    public var arguments: [RedisArgument] { ["XLEN", RedisArgument(key)] }
    public func decode(_ value: RESPValue) throws -> Int { try expectInt(value, "XLEN") }
}

public struct XTRIM: RedisCommand {
    public var key: RedisKey
    public var trim: XADD.Trim
    public var approximate: Bool
    public init(_ key: RedisKey, trim: XADD.Trim, approximate: Bool = true) {
        self.key = key
        self.trim = trim
        self.approximate = approximate
    }
    public var arguments: [RedisArgument] {
        var args: [RedisArgument] = ["XTRIM", RedisArgument(key)]
        switch trim {
        case .maxLength(let n): args += ["MAXLEN"] + (approximate ? ["~"] : []) + [RedisArgument(n)]
        case .minID(let id): args += ["MINID"] + (approximate ? ["~"] : []) + [RedisArgument(id)]
        }
        return args
    }
    public func decode(_ value: RESPValue) throws -> Int { try expectInt(value, "XTRIM") }
}

public struct XCLAIM: RedisCommand {
    public var key: RedisKey
    public var group: String
    public var consumer: String
    public var minIdle: Duration
    public var ids: [String]
    /// Only move ownership: the delivery count is not incremented and no entries are returned.
    public var justID: Bool
    public init(_ key: RedisKey, group: String, consumer: String, minIdle: Duration = .zero, ids: [String], justID: Bool = false) {
        self.key = key
        self.group = group
        self.consumer = consumer
        self.minIdle = minIdle
        self.ids = ids
        self.justID = justID
    }
    public var arguments: [RedisArgument] {
        ["XCLAIM", RedisArgument(key), RedisArgument(group), RedisArgument(consumer), RedisArgument(minIdle.wholeMilliseconds)]
            + ids.map { RedisArgument($0) } + (justID ? ["JUSTID"] : [])
    }
    /// The claimed entries (with `justID`, entries with nil fields).
    public func decode(_ value: RESPValue) throws -> [StreamEntry] {
        guard let items = try value.checked().array else { throw RedisClientError.unexpectedReply("XCLAIM") }
        return try items.compactMap { item in
            if item.isNull { return nil }
            if let id = item.string { return StreamEntry(id: id, fields: nil) }
            return try StreamEntry.decode(item)
        }
    }
}

public struct XGROUP_DELCONSUMER: RedisCommand {
    public var key: RedisKey
    public var group: String
    public var consumer: String
    public init(_ key: RedisKey, group: String, consumer: String) {
        self.key = key
        self.group = group
        self.consumer = consumer
    }
    public var arguments: [RedisArgument] { ["XGROUP", "DELCONSUMER", RedisArgument(key), RedisArgument(group), RedisArgument(consumer)] }
    /// The number of entries that were still pending for the consumer.
    public func decode(_ value: RESPValue) throws -> Int { try expectInt(value, "XGROUP DELCONSUMER") }
}
