import NIOCore

/// One argument of a Redis command, as raw bytes.
public struct RedisArgument: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ string: String) { self.bytes = Array(string.utf8) }
    public init(_ int: Int) { self.bytes = Array(String(int).utf8) }
    public init(_ key: RedisKey) { self.bytes = Array(key.rawValue.utf8) }
    public init(_ buffer: ByteBuffer) { self.bytes = Array(buffer.readableBytesView) }
    public init(stringLiteral value: String) { self.init(value) }
    public init(integerLiteral value: Int) { self.init(value) }
}
