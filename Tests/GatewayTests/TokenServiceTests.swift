import Crypto
import Foundation
import NIOCore
import Testing

@testable import Gateway

@Suite("JWT issuing and verification")
struct TokenServiceTests {
    static let current = "current-secret-0123456789abcdef0123456789"
    static let previous = "previous-secret-0123456789abcdef012345678"

    /// Builds a token by hand, so tests can forge every part of it.
    static func forge(header: [String: Any], claims: [String: Any], secret: String?, algorithm: String = "HS256") -> String {
        func b64(_ data: Data) -> String {
            data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        let h = b64(try! JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
        let p = b64(try! JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys]))
        guard let secret else { return "\(h).\(p)." }
        let key = SymmetricKey(data: Data(secret.utf8))
        let input = Data("\(h).\(p)".utf8)
        let mac: Data
        switch algorithm {
        case "HS512": mac = Data(HMAC<SHA512>.authenticationCode(for: input, using: key))
        default: mac = Data(HMAC<SHA256>.authenticationCode(for: input, using: key))
        }
        return "\(h).\(p).\(b64(mac))"
    }

    static func claims(exp: TimeInterval = 3600, iat: TimeInterval = 0, sub: String = "alice") -> [String: Any] {
        let now = Date().timeIntervalSince1970
        return ["sub": sub, "role": "admin", "iat": now + iat, "exp": now + exp, "jti": UUID().uuidString]
    }

    func service(previous: [String] = [TokenServiceTests.previous]) async -> TokenService {
        await TokenService(current: Self.current, previous: previous)
    }

    @Test("issued tokens carry sub, role, iat, exp (24 h), jti and a stable kid, and verify")
    func issueAndVerify() async throws {
        let tokens = await service()
        let (token, expires) = try await tokens.issue(subject: "alice", role: "admin")
        #expect(abs(expires.timeIntervalSinceNow - 86_400) < 5)
        let parts = token.split(separator: ".")
        let header = try JSONSerialization.jsonObject(with: TokenService.base64URLDecode(parts[0])!) as? [String: Any]
        #expect(header?["alg"] as? String == "HS256")
        let expectedKID = SHA256.hash(data: Data(Self.current.utf8)).map { String(format: "%02x", $0) }.joined().prefix(16)
        #expect(header?["kid"] as? String == String(expectedKID))
        #expect(TokenService.kid(for: Self.current) == String(expectedKID))
        let payload = try JSONSerialization.jsonObject(with: TokenService.base64URLDecode(parts[1])!) as? [String: Any]
        for claim in ["sub", "role", "iat", "exp", "jti"] { #expect(payload?[claim] != nil, "missing \(claim)") }
        let identity = try await tokens.verify(token)
        #expect(identity == Identity(subject: "alice", role: "admin"))
        // Another replica with the same secret accepts it.
        #expect(try await service().verify(token) == identity)
    }

    @Test("keys rotate: a previous key still works, a removed key does not, a new current key signs")
    func rotation() async throws {
        let before = await TokenService(current: Self.previous, previous: [])
        let old = try await before.issue(subject: "bob", role: "admin").token
        let after = await service(previous: [Self.previous])
        #expect(try await after.verify(old).subject == "bob")
        let removed = await service(previous: [])
        await #expect(throws: TokenService.Failure.self) { try await removed.verify(old) }
        let fresh = try await after.issue(subject: "bob", role: "admin").token
        #expect(try await removed.verify(fresh).subject == "bob")
    }

    @Test("forged and unacceptable tokens are refused", arguments: [
        "alg none", "alg none with signature", "HS512", "RS256 header", "wrong key", "tampered payload", "unknown kid",
        "kid injection", "expired past leeway", "issued in the future", "no kid with previous key", "empty subject",
        "garbage", "two parts", "empty signature",
    ])
    func refused(kind: String) async throws {
        let tokens = await service()
        let kid = TokenService.kid(for: Self.current)
        let token: String
        switch kind {
        case "alg none": token = Self.forge(header: ["alg": "none", "typ": "JWT"], claims: Self.claims(), secret: nil)
        case "alg none with signature": token = Self.forge(header: ["alg": "none", "kid": kid], claims: Self.claims(), secret: Self.current)
        case "HS512": token = Self.forge(header: ["alg": "HS512", "kid": kid], claims: Self.claims(), secret: Self.current, algorithm: "HS512")
        case "RS256 header": token = Self.forge(header: ["alg": "RS256", "kid": kid], claims: Self.claims(), secret: Self.current)
        case "wrong key": token = Self.forge(header: ["alg": "HS256", "kid": kid], claims: Self.claims(), secret: "not-the-secret")
        case "tampered payload":
            let good = Self.forge(header: ["alg": "HS256", "kid": kid], claims: Self.claims(sub: "alice"), secret: Self.current).split(separator: ".")
            let evil = Self.forge(header: ["alg": "HS256", "kid": kid], claims: Self.claims(sub: "mallory"), secret: nil).split(separator: ".")
            token = "\(good[0]).\(evil[1]).\(good[2])"
        case "unknown kid": token = Self.forge(header: ["alg": "HS256", "kid": "0000000000000000"], claims: Self.claims(), secret: Self.current)
        case "kid injection": token = Self.forge(header: ["alg": "HS256", "kid": "../../../../dev/null"], claims: Self.claims(), secret: "")
        case "expired past leeway": token = Self.forge(header: ["alg": "HS256", "kid": kid], claims: Self.claims(exp: -31), secret: Self.current)
        case "issued in the future": token = Self.forge(header: ["alg": "HS256", "kid": kid], claims: Self.claims(iat: 120), secret: Self.current)
        case "no kid with previous key": token = Self.forge(header: ["alg": "HS256"], claims: Self.claims(), secret: Self.previous)
        case "empty subject": token = Self.forge(header: ["alg": "HS256", "kid": kid], claims: Self.claims(sub: ""), secret: Self.current)
        case "garbage": token = "not a token"
        case "two parts": token = "abc.def"
        default: token = String(Self.forge(header: ["alg": "HS256", "kid": kid], claims: Self.claims(), secret: Self.current).split(separator: ".").prefix(2).joined(separator: ".")) + "."
        }
        await #expect(throws: TokenService.Failure.self) { try await tokens.verify(token) }
    }

    @Test("30 s of clock leeway; a token without kid is checked against the current key")
    func leewayAndMissingKID() async throws {
        let tokens = await service()
        let kid = TokenService.kid(for: Self.current)
        let justExpired = Self.forge(header: ["alg": "HS256", "kid": kid], claims: Self.claims(exp: -20), secret: Self.current)
        #expect(try await tokens.verify(justExpired).subject == "alice")
        let slightlyAhead = Self.forge(header: ["alg": "HS256", "kid": kid], claims: Self.claims(iat: 20), secret: Self.current)
        #expect(try await tokens.verify(slightlyAhead).subject == "alice")
        let noKID = Self.forge(header: ["alg": "HS256", "typ": "JWT"], claims: Self.claims(), secret: Self.current)
        #expect(try await tokens.verify(noKID).subject == "alice")
    }

    @Test("a token verified once is remembered only until it expires")
    func rememberedUntilExpiry() async throws {
        let tokens = await service()
        let kid = TokenService.kid(for: Self.current)
        // Expired 29 s ago: inside the 30 s leeway for about one more second.
        let almostGone = Self.forge(header: ["alg": "HS256", "kid": kid], claims: Self.claims(exp: -29), secret: Self.current)
        #expect(try await tokens.verify(almostGone).subject == "alice")
        #expect(try await tokens.verify(almostGone).subject == "alice")
        try await Task.sleep(for: .milliseconds(1_500))
        await #expect(throws: TokenService.Failure.self) { try await tokens.verify(almostGone) }
    }

    @Test("client addresses: X-Forwarded-For only through trusted proxies")
    func clientAddresses() throws {
        let peer = try SocketAddress(ipAddress: "10.0.0.5", port: 1234)
        let untrusted = ClientAddress(trustedProxies: [])
        #expect(untrusted.resolve(peer: peer, forwardedFor: "1.2.3.4") == "10.0.0.5")
        let trusted = ClientAddress(trustedProxies: ["10.0.0.0/8", "::1"])
        #expect(trusted.resolve(peer: peer, forwardedFor: "1.2.3.4") == "1.2.3.4")
        #expect(trusted.resolve(peer: peer, forwardedFor: "9.9.9.9, 1.2.3.4, 10.1.1.1") == "1.2.3.4")
        #expect(trusted.resolve(peer: peer, forwardedFor: "garbage") == "10.0.0.5")
        #expect(trusted.resolve(peer: try SocketAddress(ipAddress: "::1", port: 1), forwardedFor: "2001:db8::1") == "2001:db8::1")
        #expect(trusted.resolve(peer: nil, forwardedFor: "1.2.3.4") == "unknown")
        #expect(IPRange("192.168.0.0/16")?.contains(IPRange.parse("192.168.4.4")!) == true)
        #expect(IPRange("192.168.0.0/16")?.contains(IPRange.parse("192.169.0.1")!) == false)
        #expect(IPRange("nonsense") == nil)
    }

    @Test("CORS origins: exact, wildcard subdomains, and nothing else")
    func corsOrigins() {
        let cors = CORSMiddleware(allowedOrigins: ["https://app.example.com", "https://*.talkhub.me"])
        #expect(cors.isAllowed("https://app.example.com"))
        #expect(cors.isAllowed("https://a.talkhub.me"))
        #expect(cors.isAllowed("https://deep.sub.talkhub.me"))
        #expect(!cors.isAllowed("https://talkhub.me"))
        #expect(!cors.isAllowed("http://a.talkhub.me"))
        #expect(!cors.isAllowed("https://evil.com/.talkhub.me"))
        #expect(!cors.isAllowed("https://evil.talkhub.me.attacker.com"))
        #expect(!cors.isAllowed("https://app.example.com.evil"))
        #expect(!cors.isAllowed("null"))
    }
}
