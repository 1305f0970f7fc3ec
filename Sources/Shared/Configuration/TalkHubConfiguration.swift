import Foundation

/// Every setting of TalkHub, read once from the environment (API.md, section Configuration).
/// Components take the part they need; nothing else reads `ProcessInfo`.
public struct TalkHubConfiguration: Sendable {
    public enum Mode: String, Sendable { case development, production }

    public var mode: Mode
    public var port: Int
    public var host: String
    public var redisURL: String
    public var redisKeyPrefix: String
    public var databaseURL: String
    public var jwtSecret: String
    public var jwtPreviousSecrets: [String]
    public var adminSecret: String
    public var webhookSecret: String?
    public var whatsappAppSecret: String?
    public var whatsappVerifyToken: String?
    public var telegramSecretToken: String?
    /// The Telegram bot's id (the number before `:` in its token): the channel of its messages.
    public var telegramBotID: String?
    public var rateLimitWindowMinutes: Int
    public var rateLimitMax: Int
    public var authFailMax: Int
    public var allowedOrigins: [String]
    public var trustedProxies: [String]
    public var maxBodyBytes: Int
    public var toolTimeoutMS: Int
    public var resultTTLSeconds: Int
    public var ingestMaxBacklog: Int
    public var sessionIdleMinutes: Int
    public var analyticsTimeZone: String
    public var defaultCountry: String
    public var metricsToken: String?
    public var metricsPort: Int
    public var maxDeliveries: Int
    public var visibilityTimeoutSeconds: Int
    public var retentionDays: Int?
    public var logLevel: String
    /// Seconds a connection may stay silent (mid-request included) before it is closed.
    public var httpIdleTimeoutSeconds: Int

    /// Reads and checks every key. In production a missing or short (< 32 bytes)
    /// `JWT_SECRET` or `ADMIN_SECRET` is an error; in development a random one is made.
    public init(environment env: Environment) throws {
        let modeRaw = env.string("TALKHUB_ENV", default: "development").lowercased()
        guard let mode = Mode(rawValue: modeRaw) else {
            throw ConfigurationError("TALKHUB_ENV must be development or production, got \"\(modeRaw)\"")
        }
        self.mode = mode
        self.port = try env.int("PORT", default: 8080)
        self.host = env.string("HOST", default: "0.0.0.0")
        // URLs may carry passwords: like every secret they can come from NAME_FILE.
        self.redisURL = try env.secret("REDIS_URL") ?? "redis://127.0.0.1:6379"
        self.redisKeyPrefix = env.values["REDIS_KEY_PREFIX"] ?? "talkhub:"
        self.databaseURL = try env.secret("DATABASE_URL") ?? "postgres://talkhub:talkhub@127.0.0.1:5432/talkhub"

        func required(_ key: String) throws -> String {
            let value = try env.secret(key)
            if mode == .production {
                guard let value else {
                    throw ConfigurationError("\(key) is required in production (set \(key) or \(key)_FILE)")
                }
                guard value.utf8.count >= 32 else {
                    throw ConfigurationError("\(key) must be at least 32 bytes in production")
                }
                return value
            }
            return value ?? Self.randomSecret()
        }
        self.jwtSecret = try required("JWT_SECRET")
        self.adminSecret = try required("ADMIN_SECRET")
        self.jwtPreviousSecrets = (try env.secret("JWT_PREVIOUS_SECRETS"))
            .map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
        self.webhookSecret = try env.secret("WEBHOOK_SECRET")
        self.whatsappAppSecret = try env.secret("WHATSAPP_APP_SECRET")
        self.whatsappVerifyToken = try env.secret("WHATSAPP_VERIFY_TOKEN")
        self.telegramSecretToken = try env.secret("TELEGRAM_SECRET_TOKEN")
        self.telegramBotID = env["TELEGRAM_BOT_ID"].flatMap { $0.isEmpty ? nil : $0 }
        self.metricsToken = try env.secret("METRICS_TOKEN")
        self.rateLimitWindowMinutes = try env.int("RATE_LIMIT_WINDOW", default: 15)
        self.rateLimitMax = try env.int("RATE_LIMIT_MAX", default: 1000)
        self.authFailMax = try env.int("AUTH_FAIL_MAX", default: 10)
        self.allowedOrigins = env.list("ALLOWED_ORIGINS")
        self.trustedProxies = env.list("TRUSTED_PROXIES")
        self.maxBodyBytes = try env.int("MAX_BODY_BYTES", default: 1 << 20)
        self.toolTimeoutMS = try env.int("TOOL_TIMEOUT_MS", default: 10_000)
        self.resultTTLSeconds = try env.int("RESULT_TTL_S", default: 300)
        self.ingestMaxBacklog = try env.int("INGEST_MAX_BACKLOG", default: 1_000_000)
        self.sessionIdleMinutes = try env.int("SESSION_IDLE_MIN", default: 30)
        self.analyticsTimeZone = env.string("ANALYTICS_TZ", default: "America/Sao_Paulo")
        self.defaultCountry = env.string("DEFAULT_COUNTRY", default: "BR")
        self.metricsPort = try env.int("METRICS_PORT", default: 9091)
        self.maxDeliveries = try env.int("MAX_DELIVERIES", default: 5)
        self.visibilityTimeoutSeconds = try env.int("VISIBILITY_TIMEOUT_S", default: 30)
        if let raw = env["RETENTION_DAYS"], !raw.isEmpty {
            guard let days = Int(raw), days > 0 else { throw ConfigurationError("RETENTION_DAYS must be a positive number of days, got \"\(raw)\"") }
            self.retentionDays = days
        } else {
            self.retentionDays = nil
        }
        self.logLevel = env.string("LOG_LEVEL", default: "info")
        self.httpIdleTimeoutSeconds = try env.int("HTTP_IDLE_TIMEOUT_S", default: 30)
        guard httpIdleTimeoutSeconds > 0 else { throw ConfigurationError("HTTP_IDLE_TIMEOUT_S must be positive") }

        guard (0...65535).contains(port) else { throw ConfigurationError("PORT must be 0–65535 (0 picks a free port)") }
        guard (0...65535).contains(metricsPort) else { throw ConfigurationError("METRICS_PORT must be 0–65535 (0 picks a free port)") }
        guard maxBodyBytes > 0 else { throw ConfigurationError("MAX_BODY_BYTES must be positive") }
        guard maxDeliveries > 0 else { throw ConfigurationError("MAX_DELIVERIES must be positive") }
        guard TimeZone(identifier: analyticsTimeZone) != nil else {
            throw ConfigurationError("ANALYTICS_TZ \"\(analyticsTimeZone)\" is not a known time zone")
        }
    }

    static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
