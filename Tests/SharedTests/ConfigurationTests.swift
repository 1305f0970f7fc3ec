import Foundation
import Testing

@testable import Shared

@Suite("Configuration from the environment")
struct ConfigurationTests {
    let strong = String(repeating: "s", count: 32)

    @Test("production refuses a missing or short JWT_SECRET or ADMIN_SECRET, naming it")
    func productionSecrets() throws {
        #expect(throws: ConfigurationError.self) {
            try TalkHubConfiguration(environment: Environment(["TALKHUB_ENV": "production", "ADMIN_SECRET": strong]))
        }
        do {
            _ = try TalkHubConfiguration(environment: Environment(["TALKHUB_ENV": "production", "JWT_SECRET": "short", "ADMIN_SECRET": strong]))
            Issue.record("a short secret was accepted")
        } catch let error as ConfigurationError {
            #expect(error.description.contains("JWT_SECRET"))
            #expect(!error.description.contains("short"), "the secret itself must not appear in the message")
        }
        let ok = try TalkHubConfiguration(environment: Environment(["TALKHUB_ENV": "production", "JWT_SECRET": strong, "ADMIN_SECRET": strong]))
        #expect(ok.mode == .production)
        // Development makes random secrets instead.
        let dev = try TalkHubConfiguration(environment: Environment([:]))
        #expect(dev.jwtSecret.count >= 32 && dev.adminSecret.count >= 32)
    }

    @Test("every secret may come from NAME_FILE")
    func secretFiles() throws {
        let path = NSTemporaryDirectory() + "talkhub-secret-\(UUID().uuidString)"
        try (strong + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let c = try TalkHubConfiguration(environment: Environment([
            "TALKHUB_ENV": "production", "JWT_SECRET_FILE": path, "ADMIN_SECRET_FILE": path, "WEBHOOK_SECRET_FILE": path,
        ]))
        #expect(c.jwtSecret == strong)
        #expect(c.webhookSecret == strong)
        #expect(throws: ConfigurationError.self) {
            try TalkHubConfiguration(environment: Environment(["JWT_SECRET_FILE": "/nonexistent/secret"]))
        }
    }

    @Test("defaults, lists and bad numbers")
    func defaultsAndValidation() throws {
        let c = try TalkHubConfiguration(environment: Environment(["ALLOWED_ORIGINS": "https://a.com, https://*.b.com", "JWT_PREVIOUS_SECRETS": "x, y"]))
        #expect(c.port == 8080 && c.rateLimitMax == 1000 && c.rateLimitWindowMinutes == 15 && c.maxBodyBytes == 1 << 20)
        #expect(c.redisKeyPrefix == "talkhub:" && c.analyticsTimeZone == "America/Sao_Paulo" && c.maxDeliveries == 5)
        #expect(c.allowedOrigins == ["https://a.com", "https://*.b.com"])
        #expect(c.jwtPreviousSecrets == ["x", "y"])
        #expect(throws: ConfigurationError.self) { try TalkHubConfiguration(environment: Environment(["PORT": "eighty"])) }
        #expect(throws: ConfigurationError.self) { try TalkHubConfiguration(environment: Environment(["ANALYTICS_TZ": "Mars/Olympus"])) }
        #expect(throws: ConfigurationError.self) { try TalkHubConfiguration(environment: Environment(["TALKHUB_ENV": "staging"])) }
        #expect(Environment.parseDotEnv("# c\nA=1\nexport B = \"two\"\n\nC='3'") == ["A": "1", "B": "two", "C": "3"])
    }
}
