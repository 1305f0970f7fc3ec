import Foundation
import HTTPTypes
import Hummingbird
import Shared

/// An error in the contract's shape:
/// `{"error", "code", "details"?, "request_id"}` with a 4xx/5xx status.
public struct APIError: Error, Sendable {
    public struct Detail: Codable, Sendable, Hashable {
        public var field: String
        public var problem: String
        public init(field: String, problem: String) {
            self.field = field
            self.problem = problem
        }
    }

    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var details: [Detail]?
    public var headers: HTTPFields
    /// Extra top-level fields (a 504's `call_id`).
    public var extra: [String: String]

    public init(_ status: HTTPResponse.Status, code: String, message: String, details: [Detail]? = nil, headers: HTTPFields = [:], extra: [String: String] = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers
        self.extra = extra
    }

    public static func invalidJSON(_ message: String = "request body is not valid JSON") -> APIError {
        APIError(.badRequest, code: "invalid_json", message: message)
    }
    public static func invalidArgument(_ message: String, details: [Detail]? = nil) -> APIError {
        APIError(.badRequest, code: "invalid_argument", message: message, details: details)
    }
    public static func unauthorized(_ message: String = "authentication required", headers: HTTPFields = [:]) -> APIError {
        APIError(.unauthorized, code: "unauthorized", message: message, headers: headers)
    }
    public static func forbidden(_ message: String = "forbidden") -> APIError {
        APIError(.forbidden, code: "forbidden", message: message)
    }
    public static func notFound(_ message: String = "not found") -> APIError {
        APIError(.notFound, code: "not_found", message: message)
    }
    public static func payloadTooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "payload_too_large", message: "request body is larger than \(limit) bytes")
    }
    public static func unavailable(_ message: String, retryAfter: Int = 1) -> APIError {
        var headers = HTTPFields()
        headers[.retryAfter] = String(retryAfter)
        return APIError(.serviceUnavailable, code: "unavailable", message: message, headers: headers)
    }
    public static func overloaded(_ message: String, retryAfter: Int = 5) -> APIError {
        var headers = HTTPFields()
        headers[.retryAfter] = String(retryAfter)
        return APIError(.serviceUnavailable, code: "overloaded", message: message, headers: headers)
    }
    public static let internalError = APIError(.internalServerError, code: "internal", message: "internal error")

    /// The error as a response, carrying the request id.
    func response(requestID: String) -> Response {
        // Written by JSONValue (keys sorted, slashes as they are), not Foundation: refusals
        // are what a flood of bad requests costs.
        var object: [String: JSONValue] = ["error": .string(message), "code": .string(code), "request_id": .string(requestID)]
        if let details, !details.isEmpty {
            object["details"] = .array(details.map { ["field": .string($0.field), "problem": .string($0.problem)] })
        }
        for (key, value) in extra { object[key] = .string(value) }
        return .json(.object(object), status: status, headers: headers)
    }

    /// The contract's response for any error, logging the ones that are our fault (their text
    /// stays in the log, never in the response).
    static func response(for error: any Error, context: GatewayContext) -> Response {
        let apiError = from(error)
        if apiError.code == "internal" {
            context.logger.error("request failed", metadata: ["error.type": "\(type(of: error))", "http.route": "\(context.endpointPath ?? "")"])
        }
        return apiError.response(requestID: context.requestID)
    }

    /// Maps any error thrown by a route or middleware to the contract. Unknown errors are a
    /// 500 `internal` with nothing of their text (it may hold database or Redis detail).
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as HTTPError:
            return fromStatus(error.status, message: error.body, headers: error.headers)
        case let error as any HTTPResponseError:
            return fromStatus(error.status, message: nil, headers: [:])
        case is RedisClientError:
            return .unavailable("a dependency is unavailable")
        case is DecodingError:
            return .invalidArgument("request body does not match the expected shape")
        default:
            return .internalError
        }
    }

    static func fromStatus(_ status: HTTPResponse.Status, message: String?, headers: HTTPFields) -> APIError {
        let code: String
        switch status.code {
        case 400: code = "invalid_argument"
        case 401: code = "unauthorized"
        case 403: code = "forbidden"
        case 404: code = "not_found"
        case 405: code = "method_not_allowed"
        case 413: code = "payload_too_large"
        case 415: code = "unsupported_media_type"
        case 429: code = "rate_limited"
        case 503: code = "unavailable"
        case 504: code = "timeout"
        case 400..<500: code = "invalid_argument"
        default: code = "internal"
        }
        return APIError(status, code: code, message: message ?? status.reasonPhrase.lowercased(), headers: headers)
    }
}
