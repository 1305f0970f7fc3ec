import Foundation
import Gateway
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import ServiceLifecycle
import Shared
import TestSupport
import Workers

/// Runs a gateway (router test), the workers of `options` and a PostgreSQL client for checks,
/// all on one configuration with its own key prefix.
struct E2EHarness {
    let configuration: TalkHubConfiguration

    init(overrides: [String: String] = [:]) throws {
        configuration = try TestServices.configuration(prefix: TestServices.uniquePrefix("e2e"), overrides: overrides)
    }

    func run<Result: Sendable>(
        workers options: WorkerOptions? = WorkerOptions(role: .ingest, concurrency: 2, batchSize: 50),
        _ body: @Sendable (any TestClientProtocol, PostgresClient) async throws -> Result
    ) async throws -> Result {
        try await run(workers: options) { client, postgres, _ in try await body(client, postgres) }
    }

    /// The same, also handing the gateway's dependencies (its tool dispatcher, Redis client) to `body`.
    func run<Result: Sendable>(
        workers options: WorkerOptions?,
        _ body: @Sendable (any TestClientProtocol, PostgresClient, GatewayDependencies) async throws -> Result
    ) async throws -> Result {
        let logger = TestServices.logger
        let dependencies = try GatewayDependencies(configuration: configuration, logger: logger)
        let app = try await buildApplication(configuration: configuration, dependencies: dependencies, logger: logger)
        let workerServices = try options.map { try buildWorkerServices(configuration: configuration, options: $0, logger: logger) } ?? []
        return try await TestServices.withPostgres { postgres in
            let group = ServiceGroup(configuration: .init(services: workerServices, logger: logger))
            return try await withThrowingTaskGroup(of: Void.self) { tasks in
                if !workerServices.isEmpty {
                    tasks.addTask { try await group.run() }
                }
                do {
                    let result = try await app.test(.router) { client in try await body(client, postgres, dependencies) }
                    await group.triggerGracefulShutdown()
                    return result
                } catch {
                    await group.triggerGracefulShutdown()
                    throw error
                }
            }
        }
    }
}

extension E2EHarness {
    /// Waits until group `group` has read every entry and acknowledged it.
    func drained(group: String = StreamGroup.ingest, timeout: Duration = .seconds(20)) async throws -> Bool {
        try await TestServices.withRedis(prefix: configuration.redisKeyPrefix) { redis in
            try await TestServices.eventually(timeout: timeout) {
                try await StreamProbe.drained(redis, stream: redis.keys.inbound, group: group)
            }
        }
    }
}

extension PostgresClient {
    /// The first column of the first row as an Int (counts).
    func count(_ query: PostgresQuery) async throws -> Int {
        let rows = try await self.query(query, logger: TestServices.logger)
        for try await value in rows.decode(Int.self) { return value }
        return 0
    }
}
