/// Consumer group names and envelope kinds.
public enum StreamGroup {
    /// Reads `talkhub:inbound`.
    public static let ingest = "ingest"
    /// Reads `talkhub:tools`.
    public static let tools = "tools"
}

public enum EnvelopeKind {
    public static let inboundMessage = "inbound.message"
    public static let inboundStatus = "inbound.status"
}
