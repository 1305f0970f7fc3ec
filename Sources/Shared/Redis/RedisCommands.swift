/// The commands TalkHub uses, each a small value (after valkey-swift). Friendly methods on
/// `RedisClient` and `RedisConnection` wrap them.

/// The integer reply of `command`, or the server's error.
func expectInt(_ value: RESPValue, _ command: String) throws -> Int {
    guard let int = try value.checked().int else { throw RedisClientError.unexpectedReply("\(command): \(value)") }
    return int
}

private func expectOK(_ value: RESPValue, _ command: String) throws {
    let value = try value.checked()
    guard case .simpleString = value else { throw RedisClientError.unexpectedReply("\(command): \(value)") }
}

public struct AUTH: RedisCommand {
    public var username: String?
    public var password: String
    public init(username: String? = nil, password: String) {
        self.username = username
        self.password = password
    }
    public var arguments: [RedisArgument] {
        ["AUTH"] + (username.map { [RedisArgument($0)] } ?? []) + [RedisArgument(password)]
    }
    public func decode(_ value: RESPValue) throws { try expectOK(value, "AUTH") }
}

public struct SELECT: RedisCommand {
    public var database: Int
    public init(database: Int) { self.database = database }
    public var arguments: [RedisArgument] { ["SELECT", RedisArgument(database)] }
    public func decode(_ value: RESPValue) throws { try expectOK(value, "SELECT") }
}

public struct PING: RedisCommand {
    public init() {}
    public var arguments: [RedisArgument] { ["PING"] }
    public func decode(_ value: RESPValue) throws -> String { try value.checked().string ?? "" }
}

public struct GET: RedisCommand {
    public var key: RedisKey
    public init(_ key: RedisKey) { self.key = key }
    public var arguments: [RedisArgument] { ["GET", RedisArgument(key)] }
    public func decode(_ value: RESPValue) throws -> String? {
        let value = try value.checked()
        return value.isNull ? nil : value.string
    }
}

public struct SET: RedisCommand {
    public enum Expiration: Sendable { case seconds(Int), milliseconds(Int) }
    public enum Condition: Sendable { case ifNotExists, ifExists }
    public var key: RedisKey
    public var value: RedisArgument
    public var expiration: Expiration?
    public var condition: Condition?
    public init(_ key: RedisKey, value: RedisArgument, expiration: Expiration? = nil, condition: Condition? = nil) {
        self.key = key
        self.value = value
        self.expiration = expiration
        self.condition = condition
    }
    public var arguments: [RedisArgument] {
        var args: [RedisArgument] = ["SET", RedisArgument(key), value]
        switch expiration {
        case .seconds(let s): args += ["EX", RedisArgument(s)]
        case .milliseconds(let ms): args += ["PX", RedisArgument(ms)]
        case nil: break
        }
        switch condition {
        case .ifNotExists: args.append("NX")
        case .ifExists: args.append("XX")
        case nil: break
        }
        return args
    }
    /// True when the value was written (false when NX/XX prevented it).
    public func decode(_ value: RESPValue) throws -> Bool { !(try value.checked().isNull) }
}

public struct DEL: RedisCommand {
    public var keys: [RedisKey]
    public init(_ keys: [RedisKey]) { self.keys = keys }
    public var arguments: [RedisArgument] { ["DEL"] + keys.map(RedisArgument.init) }
    public func decode(_ value: RESPValue) throws -> Int { try expectInt(value, "DEL") }
}

public struct EXPIRE: RedisCommand {
    public var key: RedisKey
    public var seconds: Int
    public init(_ key: RedisKey, seconds: Int) {
        self.key = key
        self.seconds = seconds
    }
    public var arguments: [RedisArgument] { ["EXPIRE", RedisArgument(key), RedisArgument(seconds)] }
    public func decode(_ value: RESPValue) throws -> Bool { try expectInt(value, "EXPIRE") == 1 }
}

public struct INCR: RedisCommand {
    public var key: RedisKey
    public init(_ key: RedisKey) { self.key = key }
    public var arguments: [RedisArgument] { ["INCR", RedisArgument(key)] }
    public func decode(_ value: RESPValue) throws -> Int { try expectInt(value, "INCR") }
}

public struct EVAL: RedisCommand {
    public var script: String
    public var keys: [RedisKey]
    public var args: [RedisArgument]
    public init(_ script: String, keys: [RedisKey] = [], args: [RedisArgument] = []) {
        self.script = script
        self.keys = keys
        self.args = args
    }
    public var arguments: [RedisArgument] {
        ["EVAL", RedisArgument(script), RedisArgument(keys.count)] + keys.map(RedisArgument.init) + args
    }
    public func decode(_ value: RESPValue) throws -> RESPValue { try value.checked() }
}

public struct EVALSHA: RedisCommand {
    public var sha1: String
    public var keys: [RedisKey]
    public var args: [RedisArgument]
    public init(_ sha1: String, keys: [RedisKey] = [], args: [RedisArgument] = []) {
        self.sha1 = sha1
        self.keys = keys
        self.args = args
    }
    public var arguments: [RedisArgument] {
        ["EVALSHA", RedisArgument(sha1), RedisArgument(keys.count)] + keys.map(RedisArgument.init) + args
    }
    public func decode(_ value: RESPValue) throws -> RESPValue { try value.checked() }
}

public struct SCRIPT_LOAD: RedisCommand {
    public var script: String
    public init(_ script: String) { self.script = script }
    public var arguments: [RedisArgument] { ["SCRIPT", "LOAD", RedisArgument(script)] }
    public func decode(_ value: RESPValue) throws -> String {
        guard let sha = try value.checked().string else { throw RedisClientError.unexpectedReply("SCRIPT LOAD") }
        return sha
    }
}

public struct MULTI: RedisCommand {
    public init() {}
    public var arguments: [RedisArgument] { ["MULTI"] }
    public func decode(_ value: RESPValue) throws { try expectOK(value, "MULTI") }
}

public struct EXEC: RedisCommand {
    public init() {}
    public var arguments: [RedisArgument] { ["EXEC"] }
    /// The replies of the queued commands; nil when a WATCHed key changed.
    public func decode(_ value: RESPValue) throws -> [RESPValue]? {
        let value = try value.checked()
        if value.isNull { return nil }
        guard let array = value.array else { throw RedisClientError.unexpectedReply("EXEC") }
        return array
    }
}

public struct RPUSH: RedisCommand {
    public var key: RedisKey
    public var values: [RedisArgument]
    public init(_ key: RedisKey, values: [RedisArgument]) {
        self.key = key
        self.values = values
    }
    public var arguments: [RedisArgument] { ["RPUSH", RedisArgument(key)] + values }
    public func decode(_ value: RESPValue) throws -> Int { try expectInt(value, "RPUSH") }
}

/// `LPOP key count`: up to `count` elements from the head of a list, without blocking.
public struct LPOP: RedisCommand {
    public var key: RedisKey
    public var count: Int
    public init(_ key: RedisKey, count: Int) {
        self.key = key
        self.count = count
    }
    public var arguments: [RedisArgument] { ["LPOP", RedisArgument(key), RedisArgument(count)] }
    /// The elements taken, oldest first; empty when the list was empty or missing.
    public func decode(_ value: RESPValue) throws -> [String] {
        let value = try value.checked()
        if value.isNull { return [] }
        guard let array = value.array else { throw RedisClientError.unexpectedReply("LPOP") }
        return try array.map {
            guard let element = $0.string else { throw RedisClientError.unexpectedReply("LPOP") }
            return element
        }
    }
}

public struct BLPOP: RedisCommand {
    public var keys: [RedisKey]
    /// Seconds to wait; 0 waits forever.
    public var timeout: Double
    public init(_ keys: [RedisKey], timeout: Double) {
        self.keys = keys
        self.timeout = timeout
    }
    public var isBlocking: Bool { true }
    public var arguments: [RedisArgument] { ["BLPOP"] + keys.map(RedisArgument.init) + [RedisArgument(String(timeout))] }
    /// The key that had an element and the element, or nil on timeout.
    public func decode(_ value: RESPValue) throws -> (key: String, value: String)? {
        let value = try value.checked()
        if value.isNull { return nil }
        guard let pair = value.array, pair.count == 2, let key = pair[0].string, let element = pair[1].string else {
            throw RedisClientError.unexpectedReply("BLPOP")
        }
        return (key, element)
    }
}
