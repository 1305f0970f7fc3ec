import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@testable import Gateway
@testable import Shared

/// Monitoring and deployment files, checked with the real tools where this machine has them
/// (promtool from Debian's prometheus package; the docker CLI for `docker stack config`).
@Suite("Operations: metrics, monitoring files, image and stack")
struct OperationsTests {
    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static let root = TalkHubProcess.packageRoot
    static var environment: [String: String] { ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"] }

    static func run(_ command: String, in directory: URL = root) async throws -> (Int32?, String) {
        try await Spawn.output("/bin/bash", ["-c", "cd '\(directory.path)' && \(command)"], environment: environment, timeout: .seconds(60))
    }

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("talkhub-ops-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("promtool accepts prometheus.yml and alerts.yml", .enabled(if: which("promtool") != nil))
    func prometheusFiles() async throws {
        let dir = try Self.scratch()
        // The config names in-container paths; check a copy that points at the files here.
        let config = try String(contentsOf: Self.root.appendingPathComponent("monitoring/prometheus.yml"), encoding: .utf8)
            .replacingOccurrences(of: "/etc/prometheus/alerts.yml", with: Self.root.appendingPathComponent("monitoring/alerts.yml").path)
            .replacingOccurrences(of: "/run/secrets/metrics_token", with: dir.appendingPathComponent("token").path)
        try config.write(to: dir.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
        try "token".write(to: dir.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        let (status, output) = try await Self.run("promtool check config prometheus.yml", in: dir)
        #expect(status == 0, "\(output)")
        #expect(config.contains("tasks.gateway") && config.contains("tasks.worker-ingest") && config.contains("dns_sd_configs"))
        let rules = try await Self.run("promtool check rules monitoring/alerts.yml")
        #expect(rules.0 == 0, "\(rules.1)")
        #expect(rules.1.contains("SUCCESS: 10 rules found"))
    }

    @Test("every Grafana panel query is valid PromQL over our metric names", .enabled(if: which("promtool") != nil))
    func grafanaDashboard() async throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("monitoring/grafana/dashboards/talkhub.json"))
        let dashboard = try JSONValue.parse(Array(data))
        let expressions = (dashboard["panels"]?.array ?? []).flatMap { $0["targets"]?.array ?? [] }.compactMap { $0["expr"]?.stringValue }
        #expect(expressions.count >= 12)
        for expression in expressions { #expect(expression.contains("talkhub_"), "\(expression)") }
        // Wrapped as recording rules, promtool parses every expression.
        var rules = "groups:\n  - name: dashboard\n    rules:\n"
        for (i, expression) in expressions.enumerated() {
            rules += "      - record: dashboard:panel_\(i)\n        expr: \(JSONValue.string(expression).jsonText)\n"
        }
        let dir = try Self.scratch()
        try rules.write(to: dir.appendingPathComponent("dashboard-rules.yml"), atomically: true, encoding: .utf8)
        let (status, output) = try await Self.run("promtool check rules dashboard-rules.yml", in: dir)
        #expect(status == 0, "\(output)")
        #expect(output.contains("SUCCESS: \(expressions.count) rules found"))
    }

    @Test(
        "a live /metrics scrape passes promtool check metrics, moves with traffic, and honours METRICS_TOKEN",
        .enabled(if: TestServices.available && which("promtool") != nil)
    )
    func liveScrape() async throws {
        let harness = try E2EHarness(overrides: ["METRICS_TOKEN": "scrape-secret"])
        try await harness.run(workers: nil) { client, _ in
            func scrape() async throws -> String {
                try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer scrape-secret"]) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                    return String(buffer: response.body)
                }
            }
            func count(_ text: String, _ prefix: String) -> Double {
                text.split(separator: "\n").filter { $0.hasPrefix(prefix) }.compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }.reduce(0, +)
            }
            #expect(try await client.execute(uri: "/metrics", method: .get) { $0.status } == .unauthorized)
            #expect(try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer wrong"]) { $0.status } == .unauthorized)
            let before = try await scrape()
            for _ in 0..<5 { _ = try await client.execute(uri: "/health/live", method: .get) { $0.status } }
            _ = try await client.execute(uri: "/api/v1/mcp/tools", method: .get) { $0.status }
            let after = try await scrape()
            let live = #"talkhub_http_requests_total{route="/health/live",method="GET",status="200"}"#
            #expect(count(after, live) - count(before, live) >= 5, "\(after.prefix(2000))")
            #expect(after.contains(#"talkhub_http_requests_total{route="/api/v1/mcp/tools",method="GET",status="401"}"#))
            #expect(after.contains("talkhub_http_request_duration_seconds_bucket"))
            // No ids in labels: routes are templates.
            #expect(!after.contains("request_id"))
            let dir = try Self.scratch()
            try after.write(to: dir.appendingPathComponent("scrape.txt"), atomically: true, encoding: .utf8)
            let (status, output) = try await Self.run("promtool check metrics < scrape.txt", in: dir)
            #expect(status == 0, "\(output)")
        }
    }

    @Test("docker stack config accepts docker-stack.yml", .enabled(if: which("docker") != nil))
    func stackFile() async throws {
        let (status, output) = try await Self.run("TALKHUB_HOST=talkhub.example.com docker stack config -c docker-stack.yml")
        #expect(status == 0, "\(output.suffix(2000))")
        for service in ["gateway:", "worker-ingest:", "worker-tools:", "worker-background:", "redis:", "postgres:", "prometheus:", "grafana:"] {
            #expect(output.contains(service), "\(service)")
        }
        #expect(output.contains("order: start-first") && output.contains("failure_action: rollback"))
        #expect(output.contains("Host(`talkhub.example.com`)"))
        #expect(output.contains("--appendonly"))
        // Without TALKHUB_HOST the stack refuses to render.
        #expect(try await Self.run("env -u TALKHUB_HOST docker stack config -c docker-stack.yml").0 != 0)
    }

    @Test("the Dockerfile matches Package.swift (scripts/check-image), and scripts/deploy explains itself without Docker")
    func imageAndDeployScript() async throws {
        let (status, output) = try await Self.run("scripts/check-image")
        #expect(status == 0, "\(output)")
        let syntax = try await Self.run("bash -n scripts/deploy && scripts/deploy; echo exit=$?")
        #expect(syntax.1.contains("scripts/deploy secrets") && syntax.1.contains("exit=2"), "\(syntax.1)")
        // A Dockerfile that forgets the runtime library is refused.
        let dir = try Self.scratch()
        let broken = try String(contentsOf: Self.root.appendingPathComponent("Dockerfile"), encoding: .utf8).replacingOccurrences(of: "libhiredis0.14 ", with: "")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("scripts"), withIntermediateDirectories: true)
        try broken.write(to: dir.appendingPathComponent("Dockerfile"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Package.swift"), to: dir.appendingPathComponent("Package.swift"))
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("scripts/check-image"), to: dir.appendingPathComponent("scripts/check-image"))
        let refused = try await Self.run("scripts/check-image", in: dir)
        #expect(refused.0 != 0)
        #expect(refused.1.contains("libhiredis0.14"), "\(refused.1)")
    }
}
