import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

@testable import Gateway
@testable import Shared

/// Hostile requests against a live server, each named with its outcome.
@Suite("Hostile input", .enabled(if: TestServices.available))
struct HostileInputTests {
    static let admin = "test-admin-secret-0123456789abcdef012345"

    func app(_ overrides: [String: String] = [:]) async throws -> some ApplicationProtocol {
        try await buildApplication(configuration: try TestServices.configuration(prefix: TestServices.uniquePrefix("hostile"), overrides: overrides), logger: TestServices.logger)
    }

    /// `"<status> <code>"` of a token request, e.g. `"400 invalid_json"` (`"200 "` on success).
    static func token(_ client: any TestClientProtocol, body: ByteBuffer) async throws -> String {
        try await client.execute(uri: "/api/v1/auth/token", method: .post, headers: [.contentType: "application/json"], body: body) {
            "\($0.status.code) \((try? JSONValue.parse($0.body.readableBytesView))?["code"]?.stringValue ?? "")"
        }
    }

    static func token(_ client: any TestClientProtocol, _ text: String) async throws -> String {
        try await token(client, body: ByteBuffer(string: text))
    }

    static let valid = #""username":"hostile","admin_secret":"\#(admin)""#

    @Test("JSON nested deeper than 64 → 400 invalid_json; 64 deep is read")
    func depth() async throws {
        try await app().test(.live) { client async throws in
            let deep = #"{\#(Self.valid),"x":\#(String(repeating: "[", count: 64))\#(String(repeating: "]", count: 64))}"#
            let refused = try await Self.token(client, deep)
            #expect(refused == "400 invalid_json")
            let ok = #"{\#(Self.valid),"x":\#(String(repeating: "[", count: 62))\#(String(repeating: "]", count: 62))}"#
            let read = try await Self.token(client, ok)
            #expect(read == "200 ")
        }
    }

    @Test("numbers that overflow (1e999999) → 400 invalid_json")
    func overflow() async throws {
        try await app().test(.live) { client async throws in
            #expect(try await Self.token(client, #"{\#(Self.valid),"n":1e999999}"#) == "400 invalid_json")
            #expect(try await Self.token(client, #"{\#(Self.valid),"n":-1e400}"#) == "400 invalid_json")
        }
    }

    @Test("lone surrogates, NUL, invalid UTF-8 and duplicate keys → 400; a surrogate pair is fine")
    func strings() async throws {
        try await app().test(.live) { client async throws in
            #expect(try await Self.token(client, #"{\#(Self.valid),"s":"\ud800"}"#) == "400 invalid_json")
            #expect(try await Self.token(client, #"{\#(Self.valid),"s":"\udc00x"}"#) == "400 invalid_json")
            #expect(try await Self.token(client, #"{\#(Self.valid),"s":"\ud83d\ude00"}"#) == "200 ")
            #expect(try await Self.token(client, #"{"username":"a\u0000","admin_secret":"x"}"#) == "400 invalid_argument")
            var invalid = ByteBuffer(string: #"{"username":""#)
            invalid.writeBytes([0xC3, 0x28])
            invalid.writeString(#"","admin_secret":"x"}"#)
            #expect(try await Self.token(client, body: invalid) == "400 invalid_json")
            #expect(try await Self.token(client, #"{\#(Self.valid),"username":"other"}"#) == "400 invalid_json")
        }
    }

    @Test("a UTF-8 byte order mark is accepted; a 10,000-element array within the body limit is accepted")
    func accepted() async throws {
        try await app().test(.live) { client async throws in
            #expect(try await Self.token(client, "\u{FEFF}{\(Self.valid)}") == "200 ")
            let array = "[" + Array(repeating: "0", count: 10_000).joined(separator: ",") + "]"
            #expect(try await Self.token(client, #"{\#(Self.valid),"pad":\#(array)}"#) == "200 ")
        }
    }

    @Test("multi-megabyte strings → 413 (or the connection is closed), never a 5xx")
    func huge() async throws {
        let status = try await app().test(.live) { client async throws in
            try? await Self.token(client, #"{\#(Self.valid),"s":"\#(String(repeating: "a", count: 3 << 20))"}"#)
        }
        #expect(status == nil || status == "413 payload_too_large", "\(String(describing: status))")
    }

    @Test("header floods → 431 or a closed connection, never a 5xx")
    func headerFlood() async throws {
        let status = try await app().test(.live) { client async throws in
            var huge = HTTPFields()
            for i in 0..<300 { huge[HTTPField.Name("X-Flood-\(i)")!] = String(repeating: "v", count: 500) }
            return try? await client.execute(uri: "/health/live", method: .get, headers: huge) { $0.status }
        }
        #expect(status == nil || status == .requestHeaderFieldsTooLarge, "\(String(describing: status))")
    }

    @Test("a slow client that stops mid-request is cut by the idle timeout")
    func slowClient() async throws {
        let port = try FreePort.find()
        let configuration = try TestServices.configuration(prefix: TestServices.uniquePrefix("slow"), overrides: ["PORT": String(port), "HOST": "127.0.0.1", "HTTP_IDLE_TIMEOUT_S": "1"])
        let app = try await buildApplication(configuration: configuration, logger: TestServices.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            defer { group.cancelAll() }
            var connected: Int32 = -1
            for _ in 0..<100 where connected < 0 {
                connected = Self.connect(port: port)
                if connected < 0 { try await Task.sleep(for: .milliseconds(50)) }
            }
            let fd = connected
            #expect(fd >= 0)
            defer { close(fd) }
            let partial = "POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"user"
            _ = partial.withCString { send(fd, $0, strlen($0), 0) }
            let start = ContinuousClock.now
            // The server closes the connection: recv returns 0 (or an error), long before 10 s.
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var buffer = [UInt8](repeating: 0, count: 4096)
            var closed = false
            while ContinuousClock.now - start < .seconds(10) {
                let n = recv(fd, &buffer, buffer.count, 0)
                if n <= 0 { closed = true; break }
            }
            let elapsed = ContinuousClock.now - start
            #expect(closed)
            #expect(elapsed < .seconds(5), "cut after \(elapsed)")
        }
    }

    static func connect(port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 { close(fd); return -1 }
        return fd
    }

    @Test("a token in the query string is refused; only the Authorization header counts")
    func queryToken() async throws {
        try await app().test(.router) { client async throws in
            let (_, token) = try await client.execute(uri: "/api/v1/auth/token", method: .post, body: ByteBuffer(string: "{\(Self.valid)}")) {
                ($0.status, (try? JSONValue.parse($0.body.readableBytesView))?["token"]?.stringValue ?? "")
            }
            for uri in ["/api/v1/mcp/tools?access_token=\(token)", "/api/v1/mcp/tools?token=\(token)", "/api/v1/mcp/tools?authorization=Bearer%20\(token)"] {
                #expect(try await client.execute(uri: uri, method: .get) { $0.status } == .unauthorized)
            }
            #expect(try await client.execute(uri: "/api/v1/mcp/tools", method: .get, headers: [.authorization: "Bearer \(token)"]) { $0.status } == .ok)
        }
    }
}
