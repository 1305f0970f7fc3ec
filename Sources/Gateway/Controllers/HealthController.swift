import Foundation
import Hummingbird
import Logging
import PostgresNIO
import Shared

/// `GET /api/health` (the dependencies and the worker groups), `/health/live` (process up)
/// and `/health/ready` (dependencies reachable), for people and orchestrator probes.
struct HealthController {
    let redis: RedisClient
    let postgres: PostgresClient

    var endpoints: RouteCollection<GatewayContext> {
        let routes = RouteCollection(context: GatewayContext.self)
        routes.get("/api/health", use: health)
        routes.get("/health/live") { _, _ in Response.json(["status": "alive"]) }
        routes.get("/health/ready", use: ready)
        return routes
    }

    struct Report: Sendable {
        var redisUp: Bool
        var postgresUp: Bool
        var groups: [String: StreamGroupInfo]
    }

    func check(logger: Logger) async -> Report {
        async let redisUp = probe { _ = try await redis.ping() }
        async let postgresUp = probe { try await postgres.query("SELECT 1", logger: logger) }
        let up = await redisUp
        var groups: [String: StreamGroupInfo] = [:]
        if up {
            for stream in [redis.keys.inbound, redis.keys.tools] {
                if let infos = try? await withTimeout(.seconds(1), { try await redis.xinfoGroups(stream) }) {
                    for info in infos { groups[info.name] = info }
                }
            }
        }
        return Report(redisUp: up, postgresUp: await postgresUp, groups: groups)
    }

    @Sendable func health(_ request: Request, context: GatewayContext) async throws -> Response {
        let report = await check(logger: context.logger)
        let healthy = report.redisUp && report.postgresUp
        var groups: [String: JSONValue] = [:]
        for (name, info) in report.groups {
            groups[name] = ["consumers": .integer(Int64(info.consumers)), "pending": .integer(Int64(info.pending)), "lag": .integer(Int64(info.lag ?? 0))]
        }
        var body: [String: JSONValue] = [
            "status": .string(healthy ? "healthy" : "degraded"),
            "version": .string(TalkHubVersion.current),
            "redis": ["status": .string(report.redisUp ? "up" : "down")],
            "postgres": ["status": .string(report.postgresUp ? "up" : "down")],
            "workers": [
                "consumers": .integer(Int64(report.groups.values.reduce(0) { $0 + $1.consumers })),
                "pending": .integer(Int64(report.groups.values.reduce(0) { $0 + $1.pending })),
                "lag": .integer(Int64(report.groups.values.reduce(0) { $0 + ($1.lag ?? 0) })),
                "groups": .object(groups),
            ],
        ]
        if !healthy {
            body["down"] = .array([report.redisUp ? nil : "redis", report.postgresUp ? nil : "postgres"].compactMap { $0 }.map { .string($0) })
        }
        return Response.json(.object(body), status: healthy ? .ok : .serviceUnavailable)
    }

    @Sendable func ready(_ request: Request, context: GatewayContext) async throws -> Response {
        async let redisUp = probe { _ = try await redis.ping() }
        async let postgresUp = probe { try await postgres.query("SELECT 1", logger: context.logger) }
        let (r, p) = await (redisUp, postgresUp)
        return Response.json(
            ["status": .string(r && p ? "ready" : "not_ready"), "redis": .string(r ? "up" : "down"), "postgres": .string(p ? "up" : "down")],
            status: r && p ? .ok : .serviceUnavailable
        )
    }

    private func probe(_ body: @escaping @Sendable () async throws -> Void) async -> Bool {
        (try? await withTimeout(.seconds(2), body)) != nil
    }
}
