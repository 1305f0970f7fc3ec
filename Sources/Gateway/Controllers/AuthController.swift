import Foundation
import Hummingbird
import Shared

/// `POST /api/v1/auth/token`: the admin secret (compared in constant time) buys a 24-hour
/// token. Failed attempts spend a budget per client IP (`AUTH_FAIL_MAX` per
/// `RATE_LIMIT_WINDOW`); once it is spent every token request from that IP gets 429.
struct AuthController {
    let configuration: TalkHubConfiguration
    let tokens: TokenService
    let failures: FailedLoginBudget

    var endpoints: RouteCollection<GatewayContext> {
        let routes = RouteCollection(context: GatewayContext.self)
        routes.post("/api/v1/auth/token", use: token)
        return routes
    }

    @Sendable func token(_ request: Request, context: GatewayContext) async throws -> Response {
        let blocked: Int?
        do {
            blocked = try await failures.blockedFor(ip: context.clientIP)
        } catch {
            throw APIError.unavailable("authentication is unavailable; retry later")
        }
        if let seconds = blocked {
            var error = APIError(.tooManyRequests, code: "rate_limited", message: "too many failed attempts; retry later")
            error.headers[.retryAfter] = String(seconds)
            throw error
        }
        let body = try await JSONRequest.object(request, limit: configuration.maxBodyBytes)
        var details: [APIError.Detail] = []
        let username = body["username"]
        let secret = body["admin_secret"]
        if case .string(let name) = username {
            if name.isEmpty { details.append(.init(field: "username", problem: "must not be empty")) }
        } else {
            details.append(.init(field: "username", problem: username == nil ? "is required" : "must be a string"))
        }
        if case .string = secret {} else {
            details.append(.init(field: "admin_secret", problem: secret == nil ? "is required" : "must be a string"))
        }
        guard details.isEmpty, case .string(let subject) = username, case .string(let given) = secret else {
            throw APIError.invalidArgument("username and admin_secret are required", details: details)
        }
        guard WebhookSignature.constantTimeEquals(given, configuration.adminSecret) else {
            try? await failures.recordFailure(ip: context.clientIP)
            throw APIError.unauthorized("invalid credentials")
        }
        let (token, expiresAt) = try await tokens.issue(subject: subject, role: "admin")
        let response: JSONValue = [
            "token": .string(token),
            "token_type": "Bearer",
            "expires_in": .integer(Int64(TokenService.lifetime)),
            "expires_at": .string(RFC3339.format(expiresAt)),
        ]
        return .json(response)
    }
}

extension Response {
    /// A JSON response of a `JSONValue`.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        json(text: value.jsonText, status: status, headers: headers)
    }

    /// A JSON response of JSON text already written.
    static func json(text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
