import Hummingbird
import Logging
import NIOCore

/// The request context of every gateway route: Hummingbird's core storage plus the request
/// id (API.md: echoed when valid, else generated) and the peer's address.
public struct GatewayContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `RequestIDMiddleware` before any route runs.
    public var requestID: String = ""
    /// The socket's peer, when there is one (router tests have none).
    public let remoteAddress: SocketAddress?
    /// The client's IP (`ClientAddress`), set by `IdentityMiddleware`.
    public var clientIP: String = "unknown"
    /// Who the verified credential says is calling, if a valid one was presented.
    public var identity: Identity?
    /// Why the presented credential was refused (nil when none was presented or it was valid).
    public var credentialFailure: TokenService.Failure?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Bodies are collected explicitly with the configured `MAX_BODY_BYTES`.
    public var maxUploadSize: Int { 1 << 20 }
}
