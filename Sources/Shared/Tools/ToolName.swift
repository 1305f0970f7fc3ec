/// The five tools (API.md, section Tools). The envelope kind of a call is `tool.<name>`.
public enum ToolName: String, Sendable, CaseIterable, Codable {
    case createChatSession = "create_chat_session"
    case getUserContext = "get_user_context"
    case saveConversation = "save_conversation"
    case updateUserProfile = "update_user_profile"
    case getConversationAnalytics = "get_conversation_analytics"

    public var envelopeKind: String { "tool." + rawValue }

    public init?(envelopeKind: String) {
        guard envelopeKind.hasPrefix("tool.") else { return nil }
        self.init(rawValue: String(envelopeKind.dropFirst(5)))
    }

    /// Tools that write: their calls are recorded in `idempotency_keys` by call id, so a
    /// redelivered envelope returns the recorded answer instead of writing twice.
    public var writes: Bool {
        switch self {
        case .createChatSession, .saveConversation, .updateUserProfile: return true
        case .getUserContext, .getConversationAnalytics: return false
        }
    }
}
