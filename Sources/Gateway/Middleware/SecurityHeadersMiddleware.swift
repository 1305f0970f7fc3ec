import HTTPTypes
import Hummingbird

/// Sets, on every response, the security headers of Helmet's defaults, and removes
/// `X-Powered-By` and `Server` details.
public struct SecurityHeadersMiddleware: RouterMiddleware {
    public typealias Context = GatewayContext

    static let headers: [(HTTPField.Name, String)] = [
        (
            HTTPField.Name("Content-Security-Policy")!,
            "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';"
                + "img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';"
                + "upgrade-insecure-requests"
        ),
        (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"),
        (HTTPField.Name("Cross-Origin-Resource-Policy")!, "same-origin"),
        (HTTPField.Name("Origin-Agent-Cluster")!, "?1"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (HTTPField.Name("Strict-Transport-Security")!, "max-age=31536000; includeSubDomains"),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("X-DNS-Prefetch-Control")!, "off"),
        (HTTPField.Name("X-Download-Options")!, "noopen"),
        (HTTPField.Name("X-Frame-Options")!, "SAMEORIGIN"),
        (HTTPField.Name("X-Permitted-Cross-Domain-Policies")!, "none"),
        (HTTPField.Name("X-XSS-Protection")!, "0"),
    ]

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = APIError.response(for: error, context: context)
        }
        for (name, value) in Self.headers where response.headers[name] == nil {
            response.headers[name] = value
        }
        response.headers[HTTPField.Name("X-Powered-By")!] = nil
        return response
    }
}
