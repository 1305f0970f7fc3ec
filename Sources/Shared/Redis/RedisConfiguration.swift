import Foundation

/// Where and how to reach Redis, from a `redis://[user:password@]host:port[/db]` URL.
public struct RedisConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var database: Int
    /// Multiplexed connections in the shared pool.
    public var poolSize: Int
    public var connectTimeout: Duration
    /// Set with `CLIENT SETNAME` on every connection, so `CLIENT LIST` shows who holds what.
    public var clientName: String?

    public init(url: String, poolSize: Int = 4, connectTimeout: Duration = .seconds(2)) throws(RedisClientError) {
        guard let components = URLComponents(string: url), components.scheme == "redis",
            let host = components.host, !host.isEmpty
        else { throw .invalidURL(url) }
        self.host = host
        self.port = components.port ?? 6379
        self.username = components.user.flatMap { $0.isEmpty ? nil : $0 }
        self.password = components.password.flatMap { $0.removingPercentEncoding }
        let path = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if path.isEmpty {
            self.database = 0
        } else if let db = Int(path), db >= 0 {
            self.database = db
        } else {
            throw .invalidURL(url)
        }
        self.poolSize = max(1, poolSize)
        self.connectTimeout = connectTimeout
    }
}
