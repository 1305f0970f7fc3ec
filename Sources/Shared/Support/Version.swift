/// The version reported by `/api/health` and `talkhub --version`.
public enum TalkHubVersion {
    public static let current = "0.1.0"
}
