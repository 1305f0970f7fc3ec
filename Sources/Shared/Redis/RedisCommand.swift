/// A Redis command as a value: its arguments (the name first), whether it blocks the
/// connection, and how its reply is read.
public protocol RedisCommand: Sendable {
    associatedtype Response: Sendable
    var arguments: [RedisArgument] { get }
    /// A blocking command never shares a connection with others.
    var isBlocking: Bool { get }
    func decode(_ value: RESPValue) throws -> Response
}

extension RedisCommand {
    public var isBlocking: Bool { false }
    public var name: String { arguments.first.map { String(decoding: $0.bytes, as: UTF8.self) } ?? "" }
}

extension RESPValue {
    /// The value itself, or the server's error reply thrown as `RedisClientError.server`.
    public func checked() throws(RedisClientError) -> RESPValue {
        if case .error(let message) = self { throw .server(message) }
        return self
    }
}

/// Any command given by its arguments; the reply is returned as it came.
public struct RawCommand: RedisCommand {
    public var arguments: [RedisArgument]
    public var isBlocking: Bool
    public init(_ arguments: [RedisArgument], isBlocking: Bool = false) {
        self.arguments = arguments
        self.isBlocking = isBlocking
    }
    public func decode(_ value: RESPValue) throws -> RESPValue { try value.checked() }
}
