import Foundation
import Testing
import TestSupport

@testable import Shared

/// The dashboard in a real browser: headless Chromium driven by selenium, against a real
/// gateway and worker with seeded data. The page must show what the API says; screenshots
/// (desktop and phone) are saved under .data/test-logs.
@Suite("Dashboard in a browser", .enabled(if: TestServices.available && TalkHubProcess.isAvailable && browserPython != nil))
struct DashboardBrowserTests {
    @Test("headless Chromium signs in, waits for the data, and shows the API's numbers on desktop and phone")
    func browser() async throws {
        let fleet = try await ProcessFleet(name: "browser", extra: ["WEBHOOK_SECRET": "browser-webhook-secret"])
        defer { Task { await fleet.stop() } }
        let base = fleet.baseURL
        // Seed: webhook messages of several sentiments and intents, and a saved conversation.
        for (i, text) in ["Adorei o atendimento, muito obrigado!", "Meu pedido atrasou de novo, péssimo serviço", "Quero cancelar meu plano", "Qual o prazo de entrega?"].enumerated() {
            let body = #"{"event_id":"b-\#(UUID())","event":"message","user_id":"whatsapp:55119876500\#(i)\#(i)","platform":"whatsapp","channel":"loja","message":{"id":"bm-\#(UUID())","text":"\#(text)","direction":"in","timestamp":"\#(RFC3339.format(Date()))"}}"#
            _ = try await Spawn.output("/usr/bin/curl", ["-fsS", "-X", "POST", "\(base)/webhooks/uchat", "-H", "X-Webhook-Secret: browser-webhook-secret", "-d", body], environment: [:])
        }
        let token = try await ToolClient.token(fleet.configuration, subject: "browser-seed")
        let save = #"{"session_id":"browser-session","user_id":"whatsapp:5511987650099","messages":[{"role":"user","content":"Oi, preciso de ajuda com meu boleto","timestamp":"\#(RFC3339.format(Date()))"},{"role":"assistant","content":"Claro!"}]}"#
        _ = try await Spawn.output("/usr/bin/curl", ["-fsS", "-X", "POST", "\(base)/api/v1/mcp/save_conversation", "-H", "Authorization: Bearer \(token)", "-H", "Content-Type: application/json", "-d", save], environment: [:])
        let stored = try await TestServices.withPostgres { postgres in
            try await TestServices.eventually(timeout: .seconds(20)) {
                var n = 0
                for try await c in try await postgres.query("SELECT count(*)::int FROM messages WHERE user_id LIKE 'whatsapp:55119876500%' AND received_at > now() - interval '5 minutes'", logger: TestServices.logger).decode(Int.self) { n = c }
                return n >= 4
            }
        }
        #expect(stored)
        let screenshot = TalkHubProcess.packageRoot.appendingPathComponent(".data/test-logs/dashboard.png").path
        let script = TalkHubProcess.packageRoot.appendingPathComponent("Tests/Browser/dashboard_check.py").path
        let (status, output) = try await Spawn.output(
            browserPython!, [script, base, fleet.configuration.adminSecret, screenshot],
            environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()], timeout: .seconds(180)
        )
        print("dashboard browser check: \(output.split(separator: "\n").last ?? "")")
        #expect(status == 0, "\(output.suffix(3000))")
        #expect(FileManager.default.fileExists(atPath: screenshot))
        await fleet.stop()
    }
}

/// The Python with selenium that scripts/test prepared when Chromium and its driver are installed.
let browserPython = ProcessInfo.processInfo.environment["TALKHUB_TEST_BROWSER_PYTHON"]
