import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@testable import Gateway
@testable import Shared

@Suite("Gateway edge: tokens, auth, rate limits, CORS, headers, hostile input", .enabled(if: TestServices.available))
struct EdgeHTTPTests {
    static let admin = "test-admin-secret-0123456789abcdef012345"

    static func json(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
    }

    func app(_ overrides: [String: String] = [:], prefix: String = TestServices.uniquePrefix("edge")) async throws -> some ApplicationProtocol {
        try await buildApplication(configuration: try TestServices.configuration(prefix: prefix, overrides: overrides), logger: TestServices.logger)
    }

    static func tokenRequest(_ client: some TestClientProtocol, _ body: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await client.execute(uri: "/api/v1/auth/token", method: .post, headers: headers, body: ByteBuffer(string: body)) { $0 }
    }

    @Test("the admin secret buys a token that opens protected routes; missing and bad tokens get 401 with WWW-Authenticate")
    func tokensAndProtectedRoutes() async throws {
        try await app().test(.router) { client in
            let ok = try await Self.tokenRequest(client, #"{"username":"flow-bot","admin_secret":"\#(Self.admin)"}"#)
            #expect(ok.status == .ok)
            let body = Self.json(ok)
            #expect(body["token_type"] as? String == "Bearer")
            #expect(body["expires_in"] as? Int == 86_400)
            #expect((body["expires_at"] as? String).flatMap(RFC3339.parse) != nil)
            let token = try #require(body["token"] as? String)

            try await client.execute(uri: "/api/v1/mcp/tools", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                #expect(Self.json(response)["code"] as? String == "unauthorized")
            }
            try await client.execute(uri: "/api/v1/mcp/tools", method: .get, headers: [.authorization: "Bearer \(token)x"]) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == #"Bearer error="invalid_token""#)
            }
            try await client.execute(uri: "/api/v1/mcp/tools", method: .get, headers: [.authorization: "Basic \(token)"]) { response in
                #expect(response.status == .unauthorized)
            }
            // A token in the query string is not a credential.
            try await client.execute(uri: "/api/v1/mcp/tools?access_token=\(token)", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/mcp/tools", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                #expect(response.status == .ok)
                let tools = Self.json(response)["tools"] as? [[String: Any]]
                #expect(tools?.compactMap { $0["name"] as? String } == [
                    "create_chat_session", "get_user_context", "save_conversation", "update_user_profile", "get_conversation_analytics",
                ])
                #expect(tools?.allSatisfy { ($0["inputSchema"] as? [String: Any])?["type"] as? String == "object" } == true)
            }
        }
    }

    @Test("token requests: missing or empty fields are 400, a wrong secret 401, and failures spend a per-IP budget")
    func tokenValidationAndFailureBudget() async throws {
        try await app(["AUTH_FAIL_MAX": "3"]).test(.router) { client in
            for bad in [#"{}"#, #"{"username":"","admin_secret":"x"}"#, #"{"username":"a"}"#, #"{"username":5,"admin_secret":"x"}"#, "[]", "{bad"] {
                let response = try await Self.tokenRequest(client, bad)
                #expect(response.status == .badRequest, "\(bad)")
            }
            for _ in 0..<3 {
                #expect(try await Self.tokenRequest(client, #"{"username":"a","admin_secret":"wrong"}"#).status == .unauthorized)
            }
            // The budget is spent: even the right secret is refused until the window passes.
            let blocked = try await Self.tokenRequest(client, #"{"username":"a","admin_secret":"\#(Self.admin)"}"#)
            #expect(blocked.status == .tooManyRequests)
            #expect(Int(blocked.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect(Self.json(blocked)["code"] as? String == "rate_limited")
        }
    }

    @Test("security headers on every response, RateLimit headers on API routes only")
    func headers() async throws {
        try await app().test(.router) { client in
            for uri in ["/openapi.json", "/nope", "/api/health"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'self'") == true, "\(uri)")
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                    #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "SAMEORIGIN")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                    #expect(response.headers[HTTPField.Name("Strict-Transport-Security")!] != nil)
                    #expect(response.headers[HTTPField.Name("X-Powered-By")!] == nil)
                    let limited = response.headers[.rateLimitLimit] != nil
                    #expect(limited == (uri != "/api/health"), "\(uri)")
                }
            }
            try await client.execute(uri: "/health/live", method: .get) { #expect($0.headers[.rateLimitLimit] == nil) }
            try await client.execute(uri: "/webhooks/uchat", method: .post, body: ByteBuffer(string: "{}")) { #expect($0.headers[.rateLimitLimit] == nil) }
        }
    }

    @Test("CORS preflight: allowed, wildcard-matched and disallowed origins")
    func corsPreflight() async throws {
        try await app(["ALLOWED_ORIGINS": "https://app.example.com,https://*.talkhub.me"]).test(.router) { client in
            for origin in ["https://app.example.com", "https://painel.talkhub.me"] {
                try await client.execute(
                    uri: "/api/v1/mcp/tools", method: .options, headers: [.origin: origin, .accessControlRequestMethod: "GET"]
                ) { response in
                    #expect(response.status == .noContent)
                    #expect(response.headers[.accessControlAllowOrigin] == origin)
                    let allowed = response.headers[.accessControlAllowHeaders] ?? ""
                    for header in ["Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"] { #expect(allowed.contains(header)) }
                }
            }
            try await client.execute(
                uri: "/api/v1/mcp/tools", method: .options, headers: [.origin: "https://evil.example", .accessControlRequestMethod: "GET"]
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
                #expect(Self.json(response)["code"] as? String == "forbidden")
            }
            try await client.execute(uri: "/openapi.json", method: .get, headers: [.origin: "https://x.talkhub.me"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == "https://x.talkhub.me")
            }
            try await client.execute(uri: "/openapi.json", method: .get, headers: [.origin: "https://evil.example"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }

    @Test("two gateways sharing one Redis allow exactly RATE_LIMIT_MAX together")
    func sharedRateLimit() async throws {
        let prefix = TestServices.uniquePrefix("rl")
        let first = try await app(["RATE_LIMIT_MAX": "50", "PORT": "0"], prefix: prefix)
        let second = try await app(["RATE_LIMIT_MAX": "50", "PORT": "0"], prefix: prefix)
        let statuses = try await first.test(.live) { a in
            try await second.test(.live) { b in
                var statuses: [HTTPResponse.Status] = []
                for i in 0..<100 {
                    let client: any TestClientProtocol = i % 2 == 0 ? a : b
                    statuses.append(try await client.execute(uri: "/openapi.json", method: .get) { response in
                        if response.status == .tooManyRequests {
                            #expect(response.headers[.retryAfter] != nil)
                            #expect(response.headers[.rateLimitRemaining] == "0")
                        }
                        return response.status
                    })
                }
                return statuses
            }
        }
        #expect(statuses.filter { $0 == .ok }.count == 50)
        #expect(statuses.filter { $0 == .tooManyRequests }.count == 50)
    }

    @Test("a spoofed X-Forwarded-For from an untrusted peer does not change the client IP")
    func spoofedForwardedFor() async throws {
        /// Six requests from one socket, each claiming another address; how many pass.
        func passed(_ overrides: [String: String]) async throws -> Int {
            try await app(overrides.merging(["RATE_LIMIT_MAX": "3", "PORT": "0"]) { $1 }).test(.live) { client in
                var ok = 0
                for i in 0..<6 {
                    ok += try await client.execute(uri: "/openapi.json", method: .get, headers: [.xForwardedFor: "203.0.113.\(i)"]) { $0.status == .ok ? 1 : 0 }
                }
                return ok
            }
        }
        #expect(try await passed([:]) == 3)
        let proxied = try await passed(["TRUSTED_PROXIES": "127.0.0.1,::1"])
        #expect(proxied == 6)
    }

    @Test("malformed requests never produce a 5xx")
    func malformedInput() async throws {
        try await app(["MAX_BODY_BYTES": "1048576"]).test(.live) { client in
            var bodies: [ByteBuffer] = [
                ByteBuffer(string: "{"), ByteBuffer(string: "null"), ByteBuffer(string: #"{"username":["a"],"admin_secret":{}}"#),
                ByteBuffer(string: #"{"username":"a\u0000b","admin_secret":"x"}"#), ByteBuffer(string: "\u{FEFF}{}"),
                ByteBuffer(string: String(repeating: "[", count: 5000)), ByteBuffer(string: #"{"username":1e999999,"admin_secret":"x"}"#),
            ]
            var invalidUTF8 = ByteBuffer(string: #"{"username":""#)
            invalidUTF8.writeBytes([0xC3, 0x28, 0xFF])
            invalidUTF8.writeString(#"","admin_secret":"x"}"#)
            bodies.append(invalidUTF8)
            for body in bodies {
                for uri in ["/api/v1/auth/token", "/webhooks/uchat", "/api/v1/mcp/tools"] {
                    let status = try await client.execute(uri: uri, method: .post, body: body) { $0.status }
                    #expect(status.code < 500, "\(uri) answered \(status)")
                }
            }
            let nul = try await Self.tokenRequest(client, #"{"username":"a\u0000b","admin_secret":"x"}"#)
            #expect(nul.status == .badRequest)
        }
        // Oversized requests: the server answers and may close the connection, so each gets
        // a connection of its own. A 413 (or 431), or a closed connection, never a 5xx.
        for uri in ["/api/v1/auth/token", "/webhooks/uchat"] {
            let status = try await app().test(.live) { client in
                try? await client.execute(uri: uri, method: .post, body: ByteBuffer(repeating: 0x20, count: 2 << 20)) { $0.status }
            }
            #expect(status == nil || status == .contentTooLarge, "\(uri): \(String(describing: status))")
        }
        let flood = try await app()
        try await flood.test(.live) { client in
            var huge = HTTPFields()
            for i in 0..<200 { huge[HTTPField.Name("X-Flood-\(i)")!] = String(repeating: "v", count: 400) }
            let flooded = try? await client.execute(uri: "/openapi.json", method: .get, headers: huge) { $0.status }
            #expect((flooded?.code ?? 431) < 500)
        }
    }

    @Test("openapi: every route the router knows is documented and the reverse; openapi.yaml is current")
    func openAPIMatchesRouter() async throws {
        let configuration = try TestServices.configuration(prefix: "x:")
        let tokens = await TokenService(current: configuration.jwtSecret, previous: [])
        let router = buildRouter(configuration: configuration, dependencies: try GatewayDependencies(configuration: configuration, logger: TestServices.logger), tokens: tokens)
        let routed = Set(router.routes.map { route -> String in
            let path = route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            return "\(route.method.rawValue) \(path.hasPrefix("/") ? path : "/" + path)"
        })
        #expect(routed == OpenAPIDocument.operations, "router only: \(routed.subtracting(OpenAPIDocument.operations)); document only: \(OpenAPIDocument.operations.subtracting(routed))")
        let committed = try String(contentsOf: TalkHubProcess.packageRoot.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        #expect(committed == OpenAPIDocument.document.yamlText, "regenerate with: talkhub openapi > openapi.yaml")
        try await app().test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Self.json(response)["openapi"] as? String == "3.1.0")
            }
        }
    }
}
