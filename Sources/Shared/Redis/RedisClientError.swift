/// Errors of the Redis client, with a stable code; their text is for logs, never for clients.
public enum RedisClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No connection is up (Redis down or still connecting): calls fail fast.
    case unavailable
    /// The connection closed before the reply arrived.
    case connectionClosed
    /// The server answered with an error reply (`-ERR …`).
    case server(String)
    /// The bytes from the server are not valid RESP.
    case protocolError(String)
    /// The reply does not have the shape the command expects.
    case unexpectedReply(String)
    /// A blocking command was sent on a shared, multiplexed connection.
    case blockingCommandOnSharedConnection(String)
    /// The URL in `REDIS_URL` cannot be used.
    case invalidURL(String)

    public var description: String {
        switch self {
        case .unavailable: return "redis unavailable"
        case .connectionClosed: return "redis connection closed"
        case .server(let message): return "redis error: \(message)"
        case .protocolError(let message): return "redis protocol error: \(message)"
        case .unexpectedReply(let message): return "unexpected redis reply: \(message)"
        case .blockingCommandOnSharedConnection(let name): return "blocking command \(name) needs a dedicated connection"
        case .invalidURL(let url): return "invalid redis URL: \(url)"
        }
    }

    /// True when the server said it is loading data or a replica is not ready: retry later.
    public var isTransient: Bool {
        switch self {
        case .unavailable, .connectionClosed: return true
        case .server(let message): return message.hasPrefix("LOADING") || message.hasPrefix("BUSY ") || message.hasPrefix("TRYAGAIN")
        default: return false
        }
    }
}
