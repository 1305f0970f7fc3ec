/// Friendly forms of the commands, on the shared pool.
extension RedisClient {
    public func ping() async throws -> String { try await send(PING()) }

    public func get(_ key: RedisKey) async throws -> String? { try await send(GET(key)) }

    @discardableResult
    public func set(_ key: RedisKey, to value: String, expiration: SET.Expiration? = nil, condition: SET.Condition? = nil) async throws -> Bool {
        try await send(SET(key, value: RedisArgument(value), expiration: expiration, condition: condition))
    }

    @discardableResult
    public func del(_ keys: RedisKey...) async throws -> Int { try await send(DEL(keys)) }

    @discardableResult
    public func expire(_ key: RedisKey, seconds: Int) async throws -> Bool { try await send(EXPIRE(key, seconds: seconds)) }

    public func incr(_ key: RedisKey) async throws -> Int { try await send(INCR(key)) }

    public func eval(_ script: String, keys: [RedisKey] = [], args: [RedisArgument] = []) async throws -> RESPValue {
        try await send(EVAL(script, keys: keys, args: args))
    }

    @discardableResult
    public func xadd(_ key: RedisKey, fields: [(String, RedisArgument)], trim: XADD.Trim? = nil) async throws -> String {
        try await send(XADD(key, trim: trim, fields: fields))
    }

    @discardableResult
    public func xack(_ key: RedisKey, group: String, ids: [String]) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try await send(XACK(key, group: group, ids: ids))
    }

    /// Reads without blocking (a blocking read needs a dedicated connection).
    public func xreadgroup(_ key: RedisKey, group: String, consumer: String, count: Int, id: String = ">") async throws -> [StreamEntry] {
        try await send(XREADGROUP(group: group, consumer: consumer, count: count, block: nil, stream: key, id: id))
    }

    public func xautoclaim(_ key: RedisKey, group: String, consumer: String, minIdle: Duration, start: String = "0-0", count: Int = 100) async throws -> AutoClaimResult {
        try await send(XAUTOCLAIM(key, group: group, consumer: consumer, minIdle: minIdle, start: start, count: count))
    }

    public func xpending(_ key: RedisKey, group: String) async throws -> PendingSummary { try await send(XPENDING(key, group: group)) }

    public func xpending(_ key: RedisKey, group: String, minIdle: Duration? = nil, count: Int, consumer: String? = nil) async throws -> [PendingEntry] {
        try await send(XPENDING_RANGE(key, group: group, minIdle: minIdle, count: count, consumer: consumer))
    }

    public func xrange(_ key: RedisKey, start: String = "-", end: String = "+", count: Int? = nil) async throws -> [StreamEntry] {
        try await send(XRANGE(key, start: start, end: end, count: count))
    }

    @discardableResult
    public func xdel(_ key: RedisKey, ids: [String]) async throws -> Int { try await send(XDEL(key, ids: ids)) }

    /// Creates the group (and the stream), answering false when it already exists.
    @discardableResult
    public func xgroupCreate(_ key: RedisKey, group: String, id: String = "0") async throws -> Bool {
        try await send(XGROUP_CREATE(key, group: group, id: id))
    }

    public func xinfoGroups(_ key: RedisKey) async throws -> [StreamGroupInfo] { try await send(XINFO_GROUPS(key)) }

    public func xlen(_ key: RedisKey) async throws -> Int { try await send(XLEN(key)) }

    @discardableResult
    public func xtrim(_ key: RedisKey, trim: XADD.Trim, approximate: Bool = true) async throws -> Int {
        try await send(XTRIM(key, trim: trim, approximate: approximate))
    }

    @discardableResult
    public func rpush(_ key: RedisKey, _ values: String...) async throws -> Int {
        try await send(RPUSH(key, values: values.map { RedisArgument($0) }))
    }
}

extension RedisConnection {
    /// Blocks up to `block` for new entries; only on a dedicated connection.
    public func xreadgroup(_ key: RedisKey, group: String, consumer: String, count: Int, block: Duration, id: String = ">") async throws -> [StreamEntry] {
        try await send(XREADGROUP(group: group, consumer: consumer, count: count, block: block, stream: key, id: id))
    }

    /// Blocks up to `timeout` seconds for an element; only on a dedicated connection.
    public func blpop(_ keys: [RedisKey], timeout: Double) async throws -> (key: String, value: String)? {
        try await send(BLPOP(keys, timeout: timeout))
    }
}
