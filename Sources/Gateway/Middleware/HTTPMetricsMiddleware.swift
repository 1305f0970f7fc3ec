import Hummingbird
import Shared

/// Outermost middleware: counts every request and times it, by route template (never the raw
/// path, so ids do not become labels), method and status.
public struct HTTPMetricsMiddleware: RouterMiddleware {
    public typealias Context = GatewayContext
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context, status: response.status.code, start: start)
            return response
        } catch {
            record(request, context, status: APIError.from(error).status.code, start: start)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, status: Int, start: ContinuousClock.Instant) {
        let route = context.endpointPath ?? "unmatched"
        TalkHubMetrics.httpRequest(route: route, method: request.method.rawValue, status: status, duration: ContinuousClock.now - start)
    }
}
