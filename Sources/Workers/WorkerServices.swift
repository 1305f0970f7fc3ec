import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import Shared

/// What a worker process runs.
public enum WorkerRole: String, Sendable, CaseIterable {
    /// Webhook events from `talkhub:inbound`.
    case ingest
    /// Tool calls from `talkhub:tools`.
    case tools
    /// Session closing, analytics and retention, under a leader lock.
    case background
    case all
}

/// Options of `talkhub worker`.
public struct WorkerOptions: Sendable {
    public var role: WorkerRole
    /// Concurrent consumers per stream in this process.
    public var concurrency: Int
    public var batchSize: Int
    /// Serve `/metrics` and `/health/live` on `METRICS_PORT` (the `talkhub worker` command
    /// does; in-process test workers do not, so they do not fight over the port).
    public var servesMetrics: Bool

    public init(role: WorkerRole = .all, concurrency: Int = 2, batchSize: Int = 100, servesMetrics: Bool = false) {
        self.role = role
        self.concurrency = max(1, concurrency)
        self.batchSize = max(1, batchSize)
        self.servesMetrics = servesMetrics
    }
}

/// Builds a worker's services: the clients first, then the consumers of its role. The
/// `talkhub worker` command and the tests call this same function.
public func buildWorkerServices(
    configuration: TalkHubConfiguration,
    options: WorkerOptions,
    logger: Logger = Logger(label: "talkhub.worker")
) throws -> [any Service] {
    var redisConfiguration = try RedisConfiguration(url: configuration.redisURL, poolSize: 2)
    redisConfiguration.clientName = "talkhub-worker-\(options.role.rawValue)-\(ProcessInfo.processInfo.processIdentifier)"
    let redis = RedisClient(
        configuration: redisConfiguration,
        keys: RedisKeyspace(prefix: configuration.redisKeyPrefix),
        logger: logger
    )
    let postgres = PostgresClient(
        configuration: try DatabaseConfiguration.client(url: configuration.databaseURL, maximumConnections: options.concurrency * 2 + 2),
        backgroundLogger: logger
    )
    var services: [any Service] = [redis, postgres, StreamStatsSampler(redis: redis, postgres: postgres, logger: logger)]
    if options.servesMetrics {
        services.append(WorkerMetricsServer.application(configuration: configuration, logger: logger))
    }
    // A failing batch first asks whether PostgreSQL is reachable: an outage must not spend
    // the entries' deliveries and push them into the dead-letter stream.
    let databaseHealthy: @Sendable () async -> Bool = {
        (try? await withTimeout(.seconds(2)) { try await postgres.query("SELECT 1", logger: logger) }) != nil
    }
    func consumers(stream: RedisKey, group: String, registry: HandlerRegistry) -> [any Service] {
        (0..<options.concurrency).map { index in
            var consumer = ConsumerConfiguration(
                stream: stream,
                group: group,
                consumerName: ConsumerConfiguration.consumerName(suffix: "\(group)-\(index)"),
                batchSize: options.batchSize,
                visibilityTimeout: .seconds(configuration.visibilityTimeoutSeconds),
                maxDeliveries: configuration.maxDeliveries
            )
            consumer.dependenciesHealthy = databaseHealthy
            return StreamConsumer(configuration: consumer, redis: redis, registry: registry, logger: logger)
        }
    }
    let cache = UserCache(redis: redis)
    if options.role == .ingest || options.role == .all {
        let handlers: [any EnvelopeHandler] = [InboundMessageHandler(postgres: postgres, cache: cache), InboundStatusHandler(postgres: postgres)]
        services += consumers(stream: redis.keys.inbound, group: StreamGroup.ingest, registry: HandlerRegistry(handlers))
    }
    if options.role == .tools || options.role == .all {
        let handler = ToolCallHandler(postgres: postgres, redis: redis, configuration: configuration, logger: logger)
        services += consumers(stream: redis.keys.tools, group: StreamGroup.tools, registry: HandlerRegistry([handler]))
    }
    if options.role == .background || options.role == .all {
        var jobs: [any BackgroundJob] = [
            StreamTrimmer(redis: redis, streams: [redis.keys.inbound, redis.keys.tools]),
            SessionCloser(postgres: postgres, cache: cache, idle: .seconds(configuration.sessionIdleMinutes * 60)),
            RecordPruner(postgres: postgres),
            AnalyticsRollup(postgres: postgres, redis: redis, timeZone: configuration.analyticsTimeZone),
        ]
        if let days = configuration.retentionDays {
            jobs.append(RetentionJob(postgres: postgres, days: days))
        }
        services.append(BackgroundJobRunner(redis: redis, jobs: jobs, logger: logger))
    }
    return services
}
