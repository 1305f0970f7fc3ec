import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
import Workers

@testable import Gateway
@testable import Shared

/// A raw MCP client over the router: JSON-RPC in, the HTTP reply out.
struct MCPProbe: Sendable {
    let client: any TestClientProtocol
    let token: String?

    func post(_ body: String, session: String? = nil, headers extra: HTTPFields = [:]) async throws -> ToolClient.Reply {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        headers[.contentType] = "application/json"
        headers[.accept] = "application/json, text/event-stream"
        if let session { headers[HTTPField.Name("Mcp-Session-Id")!] = session }
        return try await client.execute(uri: "/mcp", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
            ToolClient.Reply(status: response.status, json: (try? JSONValue.parse(response.body.readableBytesView)) ?? .null, headers: response.headers)
        }
    }

    func post(_ message: JSONValue, session: String? = nil, headers: HTTPFields = [:]) async throws -> ToolClient.Reply {
        try await post(message.jsonText, session: session, headers: headers)
    }

    /// initialize + notifications/initialized; returns the session id.
    func open(version: String = "2025-06-18") async throws -> String {
        let reply = try await post(["jsonrpc": "2.0", "id": 0, "method": "initialize", "params": [
            "protocolVersion": .string(version), "capabilities": [:], "clientInfo": ["name": "probe", "version": "1"],
        ]])
        let session = reply.headers[HTTPField.Name("Mcp-Session-Id")!] ?? ""
        _ = try await post(["jsonrpc": "2.0", "method": "notifications/initialized"], session: session)
        return session
    }

    func call(_ session: String, id: JSONValue = 1, tool: String, _ arguments: JSONValue) async throws -> ToolClient.Reply {
        try await post(["jsonrpc": "2.0", "id": id, "method": "tools/call", "params": ["name": .string(tool), "arguments": arguments]], session: session)
    }
}

@Suite("MCP over Streamable HTTP", .enabled(if: TestServices.available))
struct MCPEndToEndTests {
    static let workers = WorkerOptions(role: .tools, concurrency: 2, batchSize: 50)

    @Test("initialize negotiates the version and issues a session; the session is checked; notifications get 202")
    func handshake() async throws {
        let harness = try E2EHarness()
        try await harness.run(workers: nil) { client, _ in
            let mcp = MCPProbe(client: client, token: try await ToolClient.token(harness.configuration, subject: "mcp-a"))
            for version in ["2025-03-26", "2025-06-18", "2025-11-25"] {
                let reply = try await mcp.post(["jsonrpc": "2.0", "id": "init", "method": "initialize", "params": ["protocolVersion": .string(version), "capabilities": [:], "clientInfo": ["name": "t", "version": "1"]]])
                #expect(reply.status == .ok)
                #expect(reply.json["id"] == "init")
                #expect(reply.json["result"]?["protocolVersion"]?.stringValue == version)
                #expect(reply.json["result"]?["capabilities"]?["tools"] != nil)
                #expect(reply.json["result"]?["serverInfo"]?["name"] == "talkhub")
                #expect((reply.headers[HTTPField.Name("Mcp-Session-Id")!] ?? "").count >= 32)
            }
            // A version we do not speak: we answer with ours.
            let future = try await mcp.post(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["protocolVersion": "2031-01-01"]])
            #expect(future.json["result"]?["protocolVersion"] == "2025-11-25")

            let session = try await mcp.open()
            let initialized = try await mcp.post(["jsonrpc": "2.0", "method": "notifications/initialized"], session: session)
            #expect(initialized.status == .accepted)
            let ping = try await mcp.post(["jsonrpc": "2.0", "id": 7, "method": "ping"], session: session)
            #expect(ping.json == ["jsonrpc": "2.0", "id": 7, "result": [:]])

            // Without a session, with an unknown one, or with another subject's: 400, 404, 404.
            #expect(try await mcp.post(["jsonrpc": "2.0", "id": 1, "method": "ping"]).status == .badRequest)
            #expect(try await mcp.post(["jsonrpc": "2.0", "id": 1, "method": "ping"], session: "nope").status == .notFound)
            let other = MCPProbe(client: client, token: try await ToolClient.token(harness.configuration, subject: "mcp-b"))
            let stolen = try await other.post(["jsonrpc": "2.0", "id": 1, "method": "ping"], session: session)
            #expect(stolen.status == .notFound)
            #expect(stolen.json["code"] == "not_found")

            // The protocol version header: known ones pass, an unknown one is a 400 in the REST shape.
            #expect(try await mcp.post(["jsonrpc": "2.0", "id": 1, "method": "ping"], session: session, headers: [HTTPField.Name("MCP-Protocol-Version")!: "2025-06-18"]).status == .ok)
            let probe = try await mcp.post(["jsonrpc": "2.0", "id": 1, "method": "server/discover"], headers: [HTTPField.Name("MCP-Protocol-Version")!: "2026-07-28"])
            #expect(probe.status == .badRequest)
            #expect(probe.json["code"] == "invalid_argument")

            // DELETE ends the session; then it is 404.
            var headers: HTTPFields = [.authorization: "Bearer \(mcp.token!)"]
            headers[HTTPField.Name("Mcp-Session-Id")!] = session
            #expect(try await client.execute(uri: "/mcp", method: .delete, headers: headers) { $0.status } == .noContent)
            #expect(try await mcp.post(["jsonrpc": "2.0", "id": 1, "method": "ping"], session: session).status == .notFound)
            #expect(try await client.execute(uri: "/mcp", method: .delete, headers: headers) { $0.status } == .notFound)
            #expect(try await client.execute(uri: "/mcp", method: .get, headers: headers) { $0.status } == .methodNotAllowed)
        }
    }

    @Test("JSON-RPC errors travel in 200 replies; HTTP errors use the REST shape; Origin and token are checked")
    func errors() async throws {
        let harness = try E2EHarness(overrides: ["ALLOWED_ORIGINS": "https://app.talkhub.me"])
        try await harness.run(workers: nil) { client, _ in
            let mcp = MCPProbe(client: client, token: try await ToolClient.token(harness.configuration))
            let session = try await mcp.open()
            let parse = try await mcp.post("{not json", session: session)
            #expect(parse.status == .ok)
            #expect(parse.json["error"]?["code"] == -32700)
            #expect(parse.json["id"] == .null)
            let invalid = try await mcp.post(["jsonrpc": "1.0", "id": 3, "method": "ping"], session: session)
            #expect(invalid.json["error"]?["code"] == -32600)
            #expect(invalid.json["id"] == 3)
            #expect(try await mcp.post(["jsonrpc": "2.0", "id": 3], session: session).json["error"]?["code"] == -32600)
            #expect(try await mcp.post("[]", session: session).json["error"]?["code"] == -32600)
            #expect(try await mcp.post(["jsonrpc": "2.0", "id": 4, "method": "resources/list"], session: session).json["error"]?["code"] == -32601)
            let unknownTool = try await mcp.call(session, tool: "rm_rf", [:])
            #expect(unknownTool.json["error"]?["code"] == -32602)
            // Invalid arguments to a known tool: a result with isError, naming the field (nothing enqueued, no worker needed).
            let bad = try await mcp.call(session, tool: "create_chat_session", ["user_id": ""])
            #expect(bad.json["result"]?["isError"] == true)
            #expect(bad.json["result"]?["content"]?.array?.first?["text"]?.stringValue?.contains("user_id") == true)
            #expect(try await mcp.call(session, tool: "create_chat_session", [1, 2]).json["result"]?["isError"] == true)
            // A batch: one reply per request, none for the notification.
            let batch = try await mcp.post(.array([
                ["jsonrpc": "2.0", "id": "a", "method": "ping"], ["jsonrpc": "2.0", "method": "notifications/initialized"], ["jsonrpc": "2.0", "id": "b", "method": "nope"],
            ]), session: session)
            #expect(batch.json.array?.map { $0["id"] } == ["a", "b"])

            // No token: 401 with WWW-Authenticate, in the REST shape.
            let anonymous = MCPProbe(client: client, token: nil)
            let refused = try await anonymous.post(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": [:]])
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[.wwwAuthenticate] == "Bearer")
            #expect(refused.json["code"] == "unauthorized")
            // A disallowed Origin: 403 before anything else; an allowed one passes.
            let evil = try await mcp.post(["jsonrpc": "2.0", "id": 1, "method": "ping"], session: session, headers: [.origin: "https://evil.example"])
            #expect(evil.status == .forbidden)
            #expect(try await anonymous.post(["jsonrpc": "2.0", "id": 1, "method": "ping"], headers: [.origin: "https://evil.example"]).status == .forbidden)
            #expect(try await mcp.post(["jsonrpc": "2.0", "id": 1, "method": "ping"], session: session, headers: [.origin: "https://app.talkhub.me"]).status == .ok)
        }
    }

    @Test("tools/list gives the five tools with input and output schemas; tools/call answers like the REST form")
    func toolsListAndCall() async throws {
        let harness = try E2EHarness()
        let user = "mcp-\(UUID().uuidString.prefix(8))"
        try await harness.run(workers: Self.workers) { client, _ in
            let token = try await ToolClient.token(harness.configuration)
            let mcp = MCPProbe(client: client, token: token)
            let session = try await mcp.open()
            let list = try await mcp.post(["jsonrpc": "2.0", "id": 2, "method": "tools/list"], session: session)
            let tools = list.json["result"]?["tools"]?.array ?? []
            #expect(tools.compactMap { $0["name"]?.stringValue }.sorted() == ToolName.allCases.map(\.rawValue).sorted())
            for tool in tools {
                #expect(tool["inputSchema"]?["type"] == "object")
                #expect(tool["outputSchema"]?["type"] == "object")
                #expect(tool["title"]?.stringValue != nil)
            }
            let created = try await mcp.call(session, tool: "create_chat_session", ["user_id": .string(user), "platform": "telegram"])
            let result = created.json["result"]
            #expect(result?["isError"] == false)
            #expect(result?["structuredContent"]?["user_id"]?.stringValue == user)
            let text = result?["content"]?.array?.first?["text"]?.stringValue ?? ""
            #expect(try JSONValue.parse(Array(text.utf8)) == result?["structuredContent"])
            let rest = try await ToolClient(client: client, token: token).request(.get, "/api/v1/mcp/get_user_context/\(user)")
            let viaMCP = try await mcp.call(session, tool: "get_user_context", ["user_id": .string(user)])
            #expect(viaMCP.json["result"]?["structuredContent"] == rest.json)
        }
    }

    @Test("200 concurrent MCP clients reusing the same JSON-RPC ids each get their own results")
    func concurrentClientsReusingIDs() async throws {
        let harness = try E2EHarness()
        let prefix = "mcpc-\(UUID().uuidString.prefix(6))"
        try await harness.run(workers: WorkerOptions(role: .tools, concurrency: 2, batchSize: 100)) { client, _ in
            let mcp = MCPProbe(client: client, token: try await ToolClient.token(harness.configuration))
            let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
                for i in 0..<200 {
                    group.addTask {
                        let session = try await mcp.open()
                        let user = "\(prefix)-\(i)"
                        let reply = try await mcp.call(session, id: 1, tool: "update_user_profile", ["user_id": .string(user), "profile_data": ["notes": .string("client \(i)")]])
                        let ok = reply.json["id"] == 1 && reply.json["result"]?["structuredContent"]?["user_id"]?.stringValue == user
                            && reply.json["result"]?["structuredContent"]?["notes"]?.stringValue == "client \(i)"
                        return ok ? 0 : 1
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(mismatches == 0)
        }
    }

    static var python: String? { ProcessInfo.processInfo.environment["TALKHUB_TEST_MCP_PYTHON"] }

    @Test(
        "the official Python MCP client connects, lists and calls every tool, gets isError for bad arguments, and is refused without a token",
        .enabled(if: TalkHubProcess.isAvailable && python != nil)
    )
    func pythonClient() async throws {
        let fleet = try await ProcessFleet(name: "mcpy", workerArguments: ["--role", "tools", "--concurrency", "1"])
        defer { Task { await fleet.stop() } }
        let configuration = fleet.configuration
        let port = fleet.port
        let token = try await ToolClient.token(configuration, subject: "python-mcp")
        let script = TalkHubProcess.packageRoot.appendingPathComponent("Tests/MCP/mcp_client_check.py").path
        let (status, output) = try await Spawn.output(
            Self.python!, [script, "http://127.0.0.1:\(port)/mcp", token, "py-\(UUID().uuidString.prefix(8))"],
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"], timeout: .seconds(120)
        )
        #expect(status == 0, "\(output.suffix(3000))")
        #expect(output.contains(#""ok": true"#), "\(output.suffix(3000))")
        print("python mcp client: \(output.split(separator: "\n").last ?? "")")
        await fleet.stop()
    }
}
