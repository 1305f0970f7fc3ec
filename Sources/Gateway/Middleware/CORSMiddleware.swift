import Foundation
import HTTPTypes
import Hummingbird

/// CORS with an allowlist of origins (`ALLOWED_ORIGINS`), which may hold wildcards such as
/// `https://*.talkhub.me` (any subdomain, at any depth, of that scheme and host) or `*`.
/// A preflight from an allowed origin is answered 204 with the allowed methods and headers;
/// from any other origin, 403 without `Access-Control-Allow-Origin`.
public struct CORSMiddleware: RouterMiddleware {
    public typealias Context = GatewayContext

    let exact: Set<String>
    let wildcards: [(prefix: String, suffix: String)]
    let allowAll: Bool

    static let allowMethods = "GET, POST, PUT, DELETE, OPTIONS"
    static let allowHeaders = "Authorization, Content-Type, Idempotency-Key, X-Request-Id, Mcp-Session-Id, MCP-Protocol-Version"
    static let exposeHeaders = "X-Request-Id, X-Call-Id, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, Mcp-Session-Id"

    public init(allowedOrigins: [String]) {
        var exact = Set<String>()
        var wildcards: [(String, String)] = []
        var all = false
        for origin in allowedOrigins.map({ $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/")) }) {
            if origin == "*" {
                all = true
            } else if let star = origin.range(of: "*") {
                wildcards.append((String(origin[..<star.lowerBound]), String(origin[star.upperBound...])))
            } else {
                exact.insert(origin)
            }
        }
        self.exact = exact
        self.wildcards = wildcards
        self.allowAll = all
    }

    /// True when `origin` (scheme://host[:port]) is on the allowlist.
    public func isAllowed(_ origin: String) -> Bool {
        let origin = origin.lowercased()
        if allowAll || exact.contains(origin) { return true }
        for (prefix, suffix) in wildcards where origin.hasPrefix(prefix) && origin.hasSuffix(suffix) {
            let middle = origin.dropFirst(prefix.count).dropLast(suffix.count)
            // The wildcard stands for host labels only: no scheme, path, port or user part.
            if !middle.isEmpty, middle.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }),
                !middle.hasPrefix("."), !middle.hasPrefix("-")
            {
                return true
            }
        }
        return false
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin] else {
            return try await next(request, context)
        }
        let allowed = isAllowed(origin)
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            guard allowed else { throw APIError.forbidden("origin not allowed") }
            var headers = HTTPFields()
            headers[.accessControlAllowOrigin] = origin
            headers[.accessControlAllowMethods] = Self.allowMethods
            headers[.accessControlAllowHeaders] = Self.allowHeaders
            headers[.accessControlMaxAge] = "600"
            headers[.vary] = "Origin"
            return Response(status: .noContent, headers: headers)
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = APIError.response(for: error, context: context)
        }
        if allowed {
            response.headers[.accessControlAllowOrigin] = origin
            response.headers[.accessControlExposeHeaders] = Self.exposeHeaders
            response.headers[.vary] = "Origin"
        }
        return response
    }
}
