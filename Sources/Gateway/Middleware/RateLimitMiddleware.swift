import HTTPTypes
import Hummingbird
import Shared

/// The API rate limit, shared by all replicas through Redis: a valid credential counts
/// against its subject, anything else against the client IP. Every limited response carries
/// `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`; over the limit the answer
/// is 429 with `Retry-After`. Webhooks (protected by signatures and backpressure), health
/// probes and `/metrics` are outside the limit. If Redis cannot answer, the API fails closed
/// with 503.
public struct RateLimitMiddleware: RouterMiddleware {
    public typealias Context = GatewayContext
    let limiter: RateLimiter

    public init(limiter: RateLimiter) {
        self.limiter = limiter
    }

    /// Paths outside the API rate limit.
    static func isExempt(_ path: String) -> Bool {
        path.hasPrefix("/webhooks/") || path == "/uchat" || path == "/whatsapp" || path == "/telegram"
            || path == "/api/health" || path.hasPrefix("/health/") || path == "/metrics"
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !Self.isExempt(request.uri.path) else { return try await next(request, context) }
        let client = context.identity?.rateLimitKey ?? ("ip:" + context.clientIP)
        let decision: RateLimiter.Decision
        do {
            decision = try await limiter.check(client: client)
        } catch {
            throw APIError.unavailable("rate limiting is unavailable; retry later")
        }
        var headers = HTTPFields()
        headers[.rateLimitLimit] = String(decision.limit)
        headers[.rateLimitRemaining] = String(decision.remaining)
        headers[.rateLimitReset] = String(decision.resetSeconds)
        guard decision.allowed else {
            TalkHubMetrics.rateLimited()
            headers[.retryAfter] = String(decision.retryAfterSeconds)
            throw APIError(.tooManyRequests, code: "rate_limited", message: "rate limit exceeded; retry later", headers: headers)
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = APIError.response(for: error, context: context)
        }
        for field in headers { response.headers[field.name] = field.value }
        return response
    }
}

extension HTTPField.Name {
    static let rateLimitLimit = Self("RateLimit-Limit")!
    static let rateLimitRemaining = Self("RateLimit-Remaining")!
    static let rateLimitReset = Self("RateLimit-Reset")!
}
