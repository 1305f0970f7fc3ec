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

    public init(role: WorkerRole = .all, concurrency: Int = 2, batchSize: Int = 100) {
        self.role = role
        self.concurrency = max(1, concurrency)
        self.batchSize = max(1, batchSize)
    }
}

/// Builds a worker's services: the clients first, then the consumers of its role. The
/// `talkhub worker` command and the tests call this same function.
public func buildWorkerServices(
    configuration: TalkHubConfiguration,
    options: WorkerOptions,
    logger: Logger = Logger(label: "talkhub.worker")
) throws -> [any Service] {
    let redis = RedisClient(
        configuration: try RedisConfiguration(url: configuration.redisURL, poolSize: 2),
        keys: RedisKeyspace(prefix: configuration.redisKeyPrefix),
        logger: logger
    )
    let postgres = PostgresClient(
        configuration: try DatabaseConfiguration.client(url: configuration.databaseURL, maximumConnections: options.concurrency * 2 + 2),
        backgroundLogger: logger
    )
    var services: [any Service] = [redis, postgres]
    if options.role == .ingest || options.role == .all {
        let registry = HandlerRegistry([InboundMessageHandler(postgres: postgres)])
        for index in 0..<options.concurrency {
            let consumer = ConsumerConfiguration(
                stream: redis.keys.inbound,
                group: StreamGroup.ingest,
                consumerName: ConsumerConfiguration.consumerName(suffix: "ingest-\(index)"),
                batchSize: options.batchSize,
                visibilityTimeout: .seconds(configuration.visibilityTimeoutSeconds),
                maxDeliveries: configuration.maxDeliveries
            )
            services.append(StreamConsumer(configuration: consumer, redis: redis, registry: registry, logger: logger))
        }
    }
    return services
}
