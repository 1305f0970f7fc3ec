import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
import Workers

@testable import Gateway
@testable import Shared

@Suite("Dashboard page and summary", .enabled(if: TestServices.available))
struct DashboardEndToEndTests {
    @Test("the page, its script and style are served as files under the security headers")
    func page() async throws {
        let harness = try E2EHarness()
        try await harness.run(workers: nil) { client, _ in
            try await client.execute(uri: "/dashboard", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains(#"<script src="/dashboard/app.js" defer></script>"#))
                #expect(!html.contains("<script>"), "no inline script")
                #expect(!html.contains("http://") && !html.contains("https://"), "no CDN, no external fonts")
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
            }
            try await client.execute(uri: "/dashboard/app.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(String(buffer: response.body).contains("/api/v1/dashboard/summary"))
            }
            try await client.execute(uri: "/dashboard/app.css", method: .get) { response in
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            }
        }
    }

    @Test("the summary needs webhooks:read or admin, and counts what is stored")
    func summary() async throws {
        let harness = try E2EHarness()
        let channel = "dash-\(UUID().uuidString.prefix(8))"
        try await harness.run(workers: WorkerOptions(role: .all, concurrency: 1, batchSize: 50)) { client, _ in
            let admin = ToolClient(client: client, token: try await ToolClient.token(harness.configuration))
            #expect(try await ToolClient(client: client, token: "").request(.get, "/api/v1/dashboard/summary").status == .unauthorized)
            let toolsKey = try await admin.request(.post, "/api/v1/keys", ["name": "t", "scopes": ["tools"]]).json["key"]?.stringValue ?? ""
            #expect(try await ToolClient(client: client, token: toolsKey).request(.get, "/api/v1/dashboard/summary").status == .forbidden)
            let readKey = try await admin.request(.post, "/api/v1/keys", ["name": "r", "scopes": ["webhooks:read"]]).json["key"]?.stringValue ?? ""
            let reader = ToolClient(client: client, token: readKey)

            for (i, text) in ["Adorei o atendimento, obrigado!", "Meu pedido atrasou de novo, péssimo", "Quero cancelar meu plano"].enumerated() {
                let status = try await BrazilianEssentialsEndToEndTests.uchat(client, user: "dash-user-\(i)", text: text, at: Date(), channel: channel)
                #expect(status == .ok)
            }
            let session = try await admin.post("create_chat_session", ["user_id": "whatsapp:5511987650000", "platform": "whatsapp", "channel_id": .string(channel)])
            _ = try await admin.post("save_conversation", [
                "session_id": session.json["session_id"]!, "user_id": "whatsapp:5511987650000",
                "messages": [["role": "user", "content": "oi", "timestamp": .string(RFC3339.format(Date()))], ["role": "assistant", "content": "olá!"]],
            ])
            let ready = try await TestServices.eventually {
                try await reader.request(.get, "/api/v1/dashboard/summary?channel_id=\(channel)").json["throughput"]?["messages_last_hour"] == 5
            }
            #expect(ready)
            let s = try await reader.request(.get, "/api/v1/dashboard/summary?channel_id=\(channel)").json
            #expect(s["sentiment"]?.object?.keys.sorted() == ["negative", "neutral", "positive"])
            #expect(s["sentiment"]?.object?.values.compactMap(\.doubleValue).reduce(0, +) == 4)
            #expect(s["intents"]?["cancellation"] == 1)
            #expect(s["peak_hours"]?.object?.count == 24)
            #expect(s["peak_hours"]?.object?.values.compactMap(\.doubleValue).reduce(0, +) == 1)
            let recent = s["recent_conversations"]?.array ?? []
            #expect(recent.count == 1)
            #expect(recent.first?["user"] == "whatsapp:••••0000", "user ids are masked")
            #expect(recent.first?["message_count"] == 2)
            for key in ["streams", "consumers", "dead_letters", "throughput", "generated_at", "time_zone"] { #expect(s[key] != nil, "\(key)") }
            #expect(s["streams"]?["inbound"]?["consumers"] != nil)
        }
    }
}
