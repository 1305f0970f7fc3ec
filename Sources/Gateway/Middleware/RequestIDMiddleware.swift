import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Outermost middleware: gives the request its id (the client's `X-Request-Id` when it
/// matches `[A-Za-z0-9._:-]{1,128}`, otherwise a new UUID), puts it in the logger's metadata
/// as `request.id`, turns every error into the contract's error shape, and sets
/// `X-Request-Id` on every response.
public struct RequestIDMiddleware: RouterMiddleware {
    public typealias Context = GatewayContext

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let requestID = request.headers[.xRequestID].flatMap { Self.isValid($0) ? $0 : nil } ?? UUID.random().lowercasedString
        context.requestID = requestID
        context.logger[metadataKey: "request.id"] = .string(requestID)
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = APIError.response(for: error, context: context)
        }
        response.headers[.xRequestID] = requestID
        return response
    }

    /// True for ids made of `[A-Za-z0-9._:-]`, 1 to 128 characters.
    static func isValid(_ id: String) -> Bool {
        let bytes = id.utf8
        guard (1...128).contains(bytes.count) else { return false }
        return bytes.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2E || b == 0x5F || b == 0x3A || b == 0x2D
        }
    }
}

extension HTTPField.Name {
    static let xRequestID = Self("X-Request-Id")!
}
