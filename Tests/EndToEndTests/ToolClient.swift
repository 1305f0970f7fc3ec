import Foundation
import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Shared
import TestSupport

/// Calls tool routes as a flow would: a bearer token, JSON in and out.
struct ToolClient: Sendable {
    let client: any TestClientProtocol
    let token: String

    struct Reply: Sendable {
        var status: HTTPResponse.Status
        var json: JSONValue
        var headers: HTTPFields
        var callID: String? { headers[HTTPField.Name("X-Call-Id")!] }
        /// The `details[].field` names of an error.
        var fields: [String] { json["details"]?.array?.compactMap { $0["field"]?.stringValue } ?? [] }
    }

    static func token(_ configuration: TalkHubConfiguration, subject: String = "flow-\(UUID().uuidString.prefix(6))") async throws -> String {
        try await TokenService(current: configuration.jwtSecret, previous: []).issue(subject: subject, role: "admin").token
    }

    func request(_ method: HTTPRequest.Method, _ uri: String, _ body: JSONValue? = nil, headers: HTTPFields = [:]) async throws -> Reply {
        var headers = headers
        headers[.authorization] = "Bearer \(token)"
        if body != nil { headers[.contentType] = "application/json" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0.jsonText) }) { response in
            Reply(status: response.status, json: (try? JSONValue.parse(response.body.readableBytesView)) ?? .null, headers: response.headers)
        }
    }

    func post(_ tool: String, _ body: JSONValue, headers: HTTPFields = [:]) async throws -> Reply {
        try await request(.post, "/api/v1/mcp/\(tool)", body, headers: headers)
    }
}

extension HTTPFields {
    static func idempotencyKey(_ key: String) -> HTTPFields {
        [HTTPField.Name("Idempotency-Key")!: key]
    }
}
