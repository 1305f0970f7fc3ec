import HTTPTypes
import Hummingbird
import Shared

/// Works out who is calling, for every route: the client IP (`TRUSTED_PROXIES` decide
/// whether `X-Forwarded-For` is believed) and, when an `Authorization: Bearer` credential is
/// presented, its verified identity. It refuses nothing itself: protected routes use
/// `RequireAuthMiddleware`, and the rate limit counts a valid identity by subject.
public struct IdentityMiddleware: RouterMiddleware {
    public typealias Context = GatewayContext
    let tokens: TokenService
    let addresses: ClientAddress
    let apiKeys: APIKeyStore?

    public init(tokens: TokenService, addresses: ClientAddress, apiKeys: APIKeyStore? = nil) {
        self.tokens = tokens
        self.addresses = addresses
        self.apiKeys = apiKeys
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.clientIP = addresses.resolve(peer: context.remoteAddress, forwardedFor: request.headers[.xForwardedFor])
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                let credential = Self.trimmingBlanks(parts[1])
                if credential.hasPrefix(APIKeyStore.keyPrefix), let apiKeys {
                    // An API key: its subject is key:<id>, its scopes its own.
                    let verified: (id: String, scopes: [String])?
                    do {
                        verified = try await apiKeys.verify(credential)
                    } catch {
                        throw APIError.unavailable("credentials cannot be checked right now; retry later")
                    }
                    if let verified {
                        context.identity = Identity(subject: "key:" + verified.id, role: "key", scopes: Set(verified.scopes))
                    } else {
                        context.credentialFailure = .invalid("unknown or revoked API key")
                    }
                } else {
                    do {
                        context.identity = try await tokens.verify(credential)
                    } catch {
                        context.credentialFailure = error
                    }
                }
            } else {
                context.credentialFailure = .invalid("not a bearer credential")
            }
        }
        return try await next(request, context)
    }

    /// Without the spaces and tabs around it. A byte loop: Foundation's trimming cost more
    /// per request than the (cached) token check.
    static func trimmingBlanks(_ text: Substring) -> String {
        let bytes = text.utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while start < end {
            let last = bytes.index(before: end)
            guard bytes[last] == 0x20 || bytes[last] == 0x09 else { break }
            end = last
        }
        return String(Substring(bytes[start..<end]))
    }
}

/// Refuses a credential without the scope a group of routes needs: 403 `forbidden`
/// (API.md: a valid credential without the needed role or scope). Runs after
/// `RequireAuthMiddleware`, or on its own (it answers 401 without a credential too).
public struct RequireScopeMiddleware: RouterMiddleware {
    public typealias Context = GatewayContext
    let scope: String

    public init(_ scope: String) { self.scope = scope }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let identity = try RequireAuthMiddleware.identity(context)
        guard identity.allows(scope) else { throw APIError.forbidden("this credential lacks the \(scope) scope") }
        return try await next(request, context)
    }
}

/// Refuses a request without a valid credential: 401 with `WWW-Authenticate: Bearer`
/// (missing) or `Bearer error="invalid_token"` (refused), in the contract's error shape.
public struct RequireAuthMiddleware: RouterMiddleware {
    public typealias Context = GatewayContext
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        _ = try Self.identity(context)
        return try await next(request, context)
    }

    /// The caller's verified identity, or the contract's 401.
    static func identity(_ context: GatewayContext) throws -> Identity {
        if let identity = context.identity { return identity }
        var headers = HTTPFields()
        if context.credentialFailure != nil {
            headers[.wwwAuthenticate] = #"Bearer error="invalid_token""#
            throw APIError.unauthorized("invalid or expired token", headers: headers)
        }
        headers[.wwwAuthenticate] = "Bearer"
        throw APIError.unauthorized("a bearer token is required", headers: headers)
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}
