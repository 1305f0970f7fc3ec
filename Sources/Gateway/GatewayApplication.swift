import Foundation
import Hummingbird
import Logging
import NIOCore
import PostgresNIO
import ServiceLifecycle
import Shared

/// The clients a gateway needs; they run as services of the application, clients first.
public struct GatewayDependencies: Sendable {
    public let redis: RedisClient
    public let postgres: PostgresClient

    public init(configuration: TalkHubConfiguration, logger: Logger) throws {
        self.redis = RedisClient(
            configuration: try RedisConfiguration(url: configuration.redisURL, poolSize: 4),
            keys: RedisKeyspace(prefix: configuration.redisKeyPrefix),
            logger: logger
        )
        self.postgres = PostgresClient(
            configuration: try DatabaseConfiguration.client(url: configuration.databaseURL, maximumConnections: 8),
            backgroundLogger: logger
        )
    }

    var services: [any Service] { [redis, postgres] }
}

/// Builds the gateway: the router with every route and middleware, and the services it runs.
/// The `talkhub gateway` command and the tests call this same function.
public func buildApplication(
    configuration: TalkHubConfiguration,
    dependencies: GatewayDependencies? = nil,
    logger: Logger = Logger(label: "talkhub.gateway")
) throws -> some ApplicationProtocol {
    let dependencies = try dependencies ?? GatewayDependencies(configuration: configuration, logger: logger)
    let router = Router(context: GatewayContext.self)
    router.add(middleware: RequestIDMiddleware())

    let health = HealthController(redis: dependencies.redis, postgres: dependencies.postgres)
    router.addRoutes(health.endpoints)
    let webhooks = WebhookController(configuration: configuration, publisher: InboundPublisher(redis: dependencies.redis))
    router.addRoutes(webhooks.endpoints)

    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "talkhub"),
        services: dependencies.services,
        logger: logger
    )
}
