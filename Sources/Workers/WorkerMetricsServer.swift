import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Shared

/// The worker's own small HTTP server on `METRICS_PORT`: `/metrics` (Prometheus text, behind
/// `METRICS_TOKEN` when set) and `/health/live` for the orchestrator's health check.
public enum WorkerMetricsServer {
    public static func application(configuration: TalkHubConfiguration, logger: Logger) -> some ApplicationProtocol {
        TalkHubMetrics.bootstrap()
        let router = Router()
        let token = configuration.metricsToken
        router.get("/metrics") { request, _ -> Response in
            try authorize(request, token: token)
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: TalkHubMetrics.render())))
        }
        router.get("/health/live") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: #"{"status":"alive"}"#)))
        }
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.metricsPort), serverName: "talkhub-worker"),
            logger: logger
        )
    }

    static func authorize(_ request: Request, token: String?) throws {
        guard let token else { return }
        guard MetricsToken.matches(request.headers[.authorization], token: token) else {
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"])
        }
    }
}
