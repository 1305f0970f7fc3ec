import Crypto
import Foundation
import JWTKit
import Synchronization

/// Issues and verifies HS256 access tokens with several keys: `JWT_SECRET` signs, and
/// `JWT_PREVIOUS_SECRETS` are still accepted, so keys rotate without logging anyone out.
/// A key's `kid` is the first 16 hex characters of SHA-256 of its secret, the same on every
/// replica and after restarts.
///
/// The header is checked here before any signature work: only `alg: HS256` is accepted,
/// and a `kid` must name a configured key (jwt-kit would otherwise fall back to its default
/// key). A token without `kid` is checked against the current key.
public final class TokenService: Sendable {
    public static let lifetime: TimeInterval = 24 * 3600

    let keys: JWTKeyCollection
    let currentKID: String
    let knownKIDs: Set<String>
    /// Tokens verified already, with their expiry: a token's verdict cannot change while the
    /// keys stay the same (they are fixed for the process), and verifying costs header and
    /// claim decoding plus an HMAC on every request. Only exact token strings hit it, so a
    /// forged token is always verified in full; bounded by emptying it when full.
    private let verified = Mutex<[String: (identity: Identity, expires: Date)]>([:])
    static let verifiedLimit = 10_000

    public enum Failure: Error, Equatable {
        /// No token was presented.
        case missing
        /// A token was presented and is not acceptable (any reason: forged, expired, unknown key…).
        case invalid(String)
    }

    public static func kid(for secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    public init(current: String, previous: [String]) async {
        let keys = JWTKeyCollection()
        currentKID = Self.kid(for: current)
        var known: Set<String> = [currentKID]
        // The first key added becomes jwt-kit's default: the current key signs, and verifies
        // tokens without kid.
        await keys.add(hmac: HMACKey(from: current), digestAlgorithm: .sha256, kid: JWKIdentifier(string: currentKID))
        for secret in previous where !secret.isEmpty && secret != current {
            let kid = Self.kid(for: secret)
            known.insert(kid)
            await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
        }
        self.keys = keys
        self.knownKIDs = known
    }

    /// A signed token for `subject`, and when it expires.
    public func issue(subject: String, role: String, now: Date = Date()) async throws -> (token: String, expiresAt: Date) {
        let expires = now.addingTimeInterval(Self.lifetime)
        let claims = TokenClaims(
            sub: .init(value: subject), role: role, iat: .init(value: now), exp: .init(value: expires),
            jti: .init(value: UUID.random().lowercasedString)
        )
        let token = try await keys.sign(claims, kid: JWKIdentifier(string: currentKID))
        return (token, expires)
    }

    /// The identity a token proves, or `Failure.invalid`.
    public func verify(_ token: String) async throws(Failure) -> Identity {
        if let known = verified.withLock({ $0[token] }), known.expires > Date() { return known.identity }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[2].isEmpty,
            let headerData = Self.base64URLDecode(parts[0]),
            let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any]
        else { throw .invalid("malformed token") }
        guard header["alg"] as? String == "HS256" else { throw .invalid("unsupported algorithm") }
        if let rawKID = header["kid"] {
            // A known kid selects exactly that key; an unknown one never reaches jwt-kit.
            guard let value = rawKID as? String, knownKIDs.contains(value) else { throw .invalid("unknown key") }
        }
        do {
            let claims = try await keys.verify(token, as: TokenClaims.self)
            let identity = Identity(subject: claims.sub.value, role: claims.role)
            verified.withLock { cache in
                if cache.count >= Self.verifiedLimit { cache.removeAll(keepingCapacity: true) }
                cache[token] = (identity, claims.exp.value.addingTimeInterval(TokenClaims.leeway))
            }
            return identity
        } catch {
            throw .invalid("token rejected")
        }
    }

    static func base64URLDecode(_ text: Substring) -> Data? {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s.append("=") }
        return Data(base64Encoded: s)
    }
}
