import Foundation
import Hummingbird
import Logging
import PostgresNIO
import Shared

/// Admin routes (the `admin` scope): LGPD rights over a user's data, and API keys.
struct AdminController {
    let rights: UserDataRights
    let apiKeys: APIKeyStore
    let maxBodyBytes: Int

    var endpoints: RouteCollection<GatewayContext> {
        let routes = RouteCollection(context: GatewayContext.self)
        routes.delete("/api/v1/users/{user_id}") { _, context in
            let identity = try RequireAuthMiddleware.identity(context)
            let user = try Self.userID(context)
            let erased = try await Self.database { try await rights.erase(user, actor: identity.subject) }
            context.logger.info("user data erased", metadata: ["audit.actor": "\(identity.subject)", "audit.target_ref": "\(UserDataRights.reference(user))"])
            return Response.json(["user_id": .string(user), "erased": .object(erased.mapValues { .integer(Int64($0)) })])
        }
        routes.get("/api/v1/users/{user_id}/export") { _, context in
            let identity = try RequireAuthMiddleware.identity(context)
            let user = try Self.userID(context)
            return Response.json(try await Self.database { try await rights.export(user, actor: identity.subject) })
        }
        routes.post("/api/v1/keys") { request, context in
            let identity = try RequireAuthMiddleware.identity(context)
            let body = try await JSONRequest.object(request, limit: maxBodyBytes)
            var problems: [APIError.Detail] = []
            var name = ""
            switch body["name"] {
            case .string(let s)? where !s.isEmpty && s.count <= 100: name = s
            default: problems.append(.init(field: "name", problem: "required: 1–100 characters"))
            }
            var scopes: [String] = []
            switch body["scopes"] {
            case .array(let items)? where !items.isEmpty:
                for (i, item) in items.enumerated() {
                    if let scope = item.stringValue, Scope.all.contains(scope) {
                        if !scopes.contains(scope) { scopes.append(scope) }
                    } else {
                        problems.append(.init(field: "scopes[\(i)]", problem: "one of \(Scope.all.sorted().joined(separator: ", "))"))
                    }
                }
            default: problems.append(.init(field: "scopes", problem: "required: a non-empty array of tools, webhooks:read, admin"))
            }
            guard problems.isEmpty else { throw APIError.invalidArgument("invalid API key request", details: problems) }
            let (key, record) = try await Self.database { try await apiKeys.create(name: name, scopes: scopes, createdBy: identity.subject) }
            var answer = record.json.object ?? [:]
            answer["key"] = .string(key)
            return Response.json(.object(answer), status: .created)
        }
        routes.get("/api/v1/keys") { _, _ in
            let records = try await Self.database { try await apiKeys.list() }
            return Response.json(["keys": .array(records.map(\.json))])
        }
        routes.delete("/api/v1/keys/{id}") { _, context in
            let id = try ToolsController.pathParameter("id", context)
            guard let record = try await Self.database({ try await apiKeys.revoke(id: id) }) else {
                throw APIError.notFound("no such API key")
            }
            return Response.json(record.json)
        }
        return routes
    }

    static func userID(_ context: GatewayContext) throws -> String {
        let raw = try ToolsController.pathParameter("user_id", context)
        guard !raw.isEmpty, raw.count <= 255 else {
            throw APIError.invalidArgument("user_id must be 1–255 characters", details: [.init(field: "user_id", problem: "1–255 characters")])
        }
        return UserID.canonical(raw)
    }

    /// Database and Redis failures of admin operations are a 503, never a 500.
    static func database<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.unavailable("the database is unavailable; retry later")
        }
    }
}
