/// Who is calling: from a verified token (later also an API key).
public struct Identity: Sendable, Hashable {
    /// The token's `sub`; the rate limit and stored results are per subject.
    public var subject: String
    public var role: String

    public init(subject: String, role: String) {
        self.subject = subject
        self.role = role
    }

    /// The key this identity's requests count against.
    var rateLimitKey: String { "sub:" + subject }
}
