/// One reply of the Redis protocol (RESP2, which is what Debian's hiredis 0.14 speaks).
public enum RESPValue: Sendable, Hashable {
    case simpleString(String)
    case error(String)
    case integer(Int64)
    case bulkString([UInt8])
    /// A null bulk string or a null array.
    case null
    case array([RESPValue])

    /// The value as text, for simple and bulk strings and integers.
    public var string: String? {
        switch self {
        case .simpleString(let s): return s
        case .bulkString(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .integer(let i): return String(i)
        default: return nil
        }
    }

    public var int: Int? {
        switch self {
        case .integer(let i): return Int(i)
        case .bulkString, .simpleString: return string.flatMap { Int($0) }
        default: return nil
        }
    }

    public var array: [RESPValue]? {
        if case .array(let values) = self { return values }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension RESPValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .bulkString(Array(value.utf8))
    }
}
