import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import PostgresNIO
import ServiceLifecycle
import Shared

/// The clients a gateway needs; they run as services of the application, clients first.
public struct GatewayDependencies: Sendable {
    public let redis: RedisClient
    public let postgres: PostgresClient
    /// Samples the inbound backlog for webhook backpressure (`INGEST_MAX_BACKLOG`).
    public let backlog: BacklogMonitor
    /// Enqueues tool calls and waits for their results on this replica's reply key.
    public let tools: ToolDispatcher

    public init(configuration: TalkHubConfiguration, logger: Logger) throws {
        let gatewayID = UUID.random().lowercasedString
        var redisConfiguration = try RedisConfiguration(url: configuration.redisURL, poolSize: 4)
        redisConfiguration.clientName = "talkhub-gateway-" + gatewayID
        self.redis = RedisClient(
            configuration: redisConfiguration,
            keys: RedisKeyspace(prefix: configuration.redisKeyPrefix),
            logger: logger
        )
        self.postgres = PostgresClient(
            configuration: try DatabaseConfiguration.client(url: configuration.databaseURL, maximumConnections: 8),
            backgroundLogger: logger
        )
        self.backlog = BacklogMonitor(redis: redis, limit: configuration.ingestMaxBacklog)
        self.tools = ToolDispatcher(
            redis: redis, timeout: .milliseconds(configuration.toolTimeoutMS), resultTTLSeconds: configuration.resultTTLSeconds,
            gatewayID: gatewayID, logger: logger
        )
    }

    var services: [any Service] {
        [redis, postgres, backlog, tools, StreamStatsSampler(redis: redis, postgres: postgres, logger: Logger(label: "talkhub.gateway"))]
    }
}

/// Builds the gateway's router: every route and middleware. Middleware order, outermost
/// first: HTTP metrics, security headers, request id (and the error shape), header limits,
/// CORS, identity, rate limit.
public func buildRouter(
    configuration: TalkHubConfiguration,
    dependencies: GatewayDependencies,
    tokens: TokenService
) -> Router<GatewayContext> {
    TalkHubMetrics.bootstrap()
    let router = Router(context: GatewayContext.self)
    router.add(middleware: HTTPMetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: HeaderLimitMiddleware())
    let cors = CORSMiddleware(allowedOrigins: configuration.allowedOrigins)
    router.add(middleware: cors)
    let apiKeys = APIKeyStore(redis: dependencies.redis, postgres: dependencies.postgres, logger: Logger(label: "talkhub.gateway"))
    router.add(middleware: IdentityMiddleware(tokens: tokens, addresses: ClientAddress(trustedProxies: configuration.trustedProxies), apiKeys: apiKeys))
    let window = Duration.seconds(configuration.rateLimitWindowMinutes * 60)
    router.add(middleware: RateLimitMiddleware(limiter: RateLimiter(redis: dependencies.redis, limit: configuration.rateLimitMax, window: window)))

    router.addRoutes(HealthController(redis: dependencies.redis, postgres: dependencies.postgres).endpoints)
    router.addRoutes(WebhookController(configuration: configuration, publisher: InboundPublisher(redis: dependencies.redis, backlog: dependencies.backlog)).endpoints)
    router.addRoutes(OpenAPIController().endpoints)
    router.addRoutes(MetricsController(token: configuration.metricsToken).endpoints)
    router.addRoutes(DashboardPage().endpoints)
    router.group().add(middleware: RequireScopeMiddleware(Scope.webhooksRead)).addRoutes(
        DashboardSummary(redis: dependencies.redis, postgres: dependencies.postgres, timeZone: configuration.analyticsTimeZone, logger: Logger(label: "talkhub.gateway")).endpoints
    )
    let failures = FailedLoginBudget(redis: dependencies.redis, maxFailures: configuration.authFailMax, window: window)
    router.addRoutes(AuthController(configuration: configuration, tokens: tokens, failures: failures).endpoints)

    let runner = ToolRunner(dispatcher: dependencies.tools, configuration: configuration)
    router.group().add(middleware: RequireScopeMiddleware(Scope.tools))
        .addRoutes(ToolsController(runner: runner, maxBodyBytes: configuration.maxBodyBytes).endpoints)
    let rights = UserDataRights(postgres: dependencies.postgres, redis: dependencies.redis, logger: Logger(label: "talkhub.gateway"))
    router.group().add(middleware: RequireScopeMiddleware(Scope.admin))
        .addRoutes(AdminController(rights: rights, apiKeys: apiKeys, maxBodyBytes: configuration.maxBodyBytes).endpoints)
    // /mcp checks Origin before the credential (DNS-rebinding defence), then wants a token
    // with the tools scope.
    router.group().add(middleware: OriginGuardMiddleware(cors: cors)).add(middleware: RequireScopeMiddleware(Scope.tools)).addRoutes(
        MCPController(runner: runner, sessions: MCPSessions(redis: dependencies.redis), maxBodyBytes: configuration.maxBodyBytes).endpoints
    )
    return router
}

/// Builds the gateway: the router and the services it runs. The `talkhub gateway` command
/// and the tests call this same function.
public func buildApplication(
    configuration: TalkHubConfiguration,
    dependencies: GatewayDependencies? = nil,
    logger: Logger = Logger(label: "talkhub.gateway")
) async throws -> some ApplicationProtocol {
    let dependencies = try dependencies ?? GatewayDependencies(configuration: configuration, logger: logger)
    let tokens = await TokenService(current: configuration.jwtSecret, previous: configuration.jwtPreviousSecrets)
    let router = buildRouter(configuration: configuration, dependencies: dependencies, tokens: tokens)
    // Slow or silent clients are cut after the idle timeout. Header floods are answered 431 by
    // HeaderLimitMiddleware; the decoder's own, higher limits stop anything larger outright.
    let http1 = HTTP1Channel.Configuration(
        idleTimeout: .seconds(Int64(configuration.httpIdleTimeoutSeconds)),
        httpDecoderConfiguration: .init(maxHeaderFieldSize: 64 * 1024, maxHeaderListSize: 256 * 1024, maxHeaderFieldCount: 1000)
    )
    return Application(
        router: router,
        server: .http1(configuration: http1),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "talkhub"),
        services: dependencies.services,
        logger: logger
    )
}
