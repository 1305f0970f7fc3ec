import HTTPTypes
import Hummingbird

/// Refuses requests with too many or too large headers: 431 in the contract's error shape.
/// No legitimate client sends more than 100 fields or 32 KiB of them.
public struct HeaderLimitMiddleware: RouterMiddleware {
    public typealias Context = GatewayContext
    static let maxFields = 100
    static let maxBytes = 32 * 1024

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var bytes = 0
        for field in request.headers { bytes += field.name.rawName.utf8.count + field.value.utf8.count + 4 }
        guard request.headers.count <= Self.maxFields, bytes <= Self.maxBytes else {
            throw APIError(
                .init(code: 431, reasonPhrase: "Request Header Fields Too Large"), code: "payload_too_large",
                message: "request headers are too many or too large (at most \(Self.maxFields) fields, \(Self.maxBytes) bytes)"
            )
        }
        return try await next(request, context)
    }
}
