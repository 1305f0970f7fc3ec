/// Who is calling: from a verified token or API key.
public struct Identity: Sendable, Hashable {
    /// The token's `sub`, or `key:<id>` for an API key; the rate limit and stored results are
    /// per subject.
    public var subject: String
    public var role: String
    /// What the credential may do (API.md, API keys): `tools`, `webhooks:read`, `admin`.
    /// A token's role `admin` holds every scope.
    public var scopes: Set<String>

    public init(subject: String, role: String, scopes: Set<String>? = nil) {
        self.subject = subject
        self.role = role
        self.scopes = scopes ?? (role == "admin" ? [Scope.admin] : [Scope.tools])
    }

    /// True when the identity may use routes that need `scope`; `admin` may use everything.
    public func allows(_ scope: String) -> Bool {
        scopes.contains(Scope.admin) || scopes.contains(scope)
    }

    /// The key this identity's requests count against.
    var rateLimitKey: String { "sub:" + subject }
}

/// The scopes of API keys.
public enum Scope {
    public static let tools = "tools"
    public static let webhooksRead = "webhooks:read"
    public static let admin = "admin"
    public static let all: Set<String> = [tools, webhooksRead, admin]
}
