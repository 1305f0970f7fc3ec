import Foundation
import Testing
import TestSupport

@testable import Shared

/// The schemathesis that scripts/test installed, if any.
let schemathesisPath = ProcessInfo.processInfo.environment["TALKHUB_TEST_SCHEMATHESIS"]

/// schemathesis fuzzes every operation of openapi.yaml against a gateway and worker of their
/// own (limits raised so the run spends no other test's budget): no 5xx other than the
/// contract's 503/504, every response conforming to its documented status and schema, and the
/// gateway alive afterwards. Bounded: 10 examples per operation and phase.
@Suite("Contract fuzzing with schemathesis", .enabled(if: TestServices.available && TalkHubProcess.isAvailable && schemathesisPath != nil))
struct ContractFuzzTests {
    static var schemathesis: String? { schemathesisPath }

    @Test("schemathesis over every operation of openapi.yaml: no failures, the gateway still alive")
    func fuzzContract() async throws {
        let fleet = try await ProcessFleet(name: "fuzz", workerArguments: ["--role", "all", "--concurrency", "2"], extra: ["WEBHOOK_SECRET": "fuzz-webhook-secret", "LOG_LEVEL": "warning"])
        defer { Task { await fleet.stop() } }
        let configuration = fleet.configuration
        let port = fleet.port
        let up = try await TestServices.eventually(timeout: .seconds(60), every: .milliseconds(200)) {
            (try await Spawn.output("/usr/bin/curl", ["-fsS", "http://127.0.0.1:\(port)/health/ready"], environment: [:], timeout: .seconds(5))).status == 0
        }
        #expect(up)
        let token = try await ToolClient.token(configuration, subject: "schemathesis")
        let spec = TalkHubProcess.packageRoot.appendingPathComponent("openapi.yaml").path
        let (status, output) = try await Spawn.output(
            Self.schemathesis!,
            [
                "run", spec, "--url", "http://127.0.0.1:\(port)", "-H", "Authorization: Bearer \(token)",
                "--max-examples", "10", "--seed", "20261202", "--no-color",
                "--checks", "not_a_server_error,response_schema_conformance,status_code_conformance",
            ],
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": NSTemporaryDirectory()],
            timeout: .seconds(600)
        )
        let summary = output.split(separator: "\n").filter { $0.contains("generated") || $0.contains("passed") || $0.contains("failures") || $0.contains("Tested:") }
        print("schemathesis: \(summary.joined(separator: " | "))")
        #expect(status == 0, "\(output.suffix(4000))")
        #expect(output.contains("Tested: 36") || output.contains("Tested:"), "\(output.suffix(1000))")
        // Still alive and answering after the run.
        #expect(fleet.gateway.isRunning && fleet.worker.isRunning)
        let alive = try await Spawn.output("/usr/bin/curl", ["-fsS", "http://127.0.0.1:\(port)/health/live"], environment: [:], timeout: .seconds(5))
        #expect(alive.status == 0)
        await fleet.stop()
    }
}
