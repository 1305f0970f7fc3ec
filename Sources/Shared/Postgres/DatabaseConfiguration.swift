import Foundation
import PostgresNIO

/// Builds postgres-nio's client configuration from `DATABASE_URL`
/// (`postgres://user:password@host:port/database`).
public enum DatabaseConfiguration {
    public static func client(url: String, maximumConnections: Int = 10) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url),
            components.scheme == "postgres" || components.scheme == "postgresql",
            let host = components.host, !host.isEmpty,
            let user = components.user, !user.isEmpty
        else { throw ConfigurationError("DATABASE_URL must look like postgres://user:password@host:port/database") }
        let database = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        var configuration = PostgresClient.Configuration(
            host: host,
            port: components.port ?? 5432,
            username: user.removingPercentEncoding ?? user,
            password: components.password.flatMap { $0.removingPercentEncoding },
            database: database.isEmpty ? nil : database,
            tls: .disable
        )
        configuration.options.maximumConnections = maximumConnections
        configuration.options.minimumConnections = 1
        configuration.options.connectTimeout = .seconds(3)
        // Our queries are short and planned for indexes; JIT compilation only adds latency.
        configuration.options.additionalStartupParameters = [("jit", "off")]
        return configuration
    }
}
