import Foundation
import Hummingbird
import Shared

/// `GET /metrics`: Prometheus text format. Open unless `METRICS_TOKEN` is set; then it wants
/// `Authorization: Bearer <METRICS_TOKEN>` (compared in constant time).
struct MetricsController {
    let token: String?

    var endpoints: RouteCollection<GatewayContext> {
        let routes = RouteCollection(context: GatewayContext.self)
        routes.get("/metrics") { request, _ in
            try MetricsEndpoint.authorize(request, token: token)
            return MetricsEndpoint.response()
        }
        return routes
    }
}

/// The `/metrics` answer, shared by the gateway and the workers' metrics server.
public enum MetricsEndpoint {
    public static func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: TalkHubMetrics.render())))
    }

    public static func authorize(_ request: Request, token: String?) throws {
        guard let token else { return }
        guard MetricsToken.matches(request.headers[.authorization], token: token) else {
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = "Bearer"
            throw APIError.unauthorized("metrics need the metrics token", headers: headers)
        }
    }
}
