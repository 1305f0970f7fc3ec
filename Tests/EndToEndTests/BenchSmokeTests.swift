import Foundation
import Testing
import TestSupport

/// `scripts/bench --quick` end to end, on the debug build the tests already have (its figures
/// mean nothing there; the point is that every phase runs, nothing is lost and
/// `bench/results.json` carries every key the benchmark promises).
@Suite("Benchmark smoke run", .serialized)
struct BenchSmokeTests {
    static let keys = [
        "ingest_ratio", "ingest_p99_ratio", "persist_ratio", "tool_ratio", "tool_p99_ratio", "analysis_msgs_per_s",
        "analysis_median_msgs_per_s",
        "analytics_growth_ratio", "gateway_rss_mb", "worker_rss_mb", "lost_events", "bare_post", "redis_xadd_rps",
        "pg_insert_rows_per_s", "ingest", "tool", "accepted_events", "stored_messages", "analytics_small", "analytics_large",
    ]

    @Test("scripts/bench --quick runs every phase and loses nothing", .enabled(if: TalkHubProcess.isAvailable))
    func quick() async throws {
        let root = TalkHubProcess.packageRoot
        let results = FileManager.default.temporaryDirectory.appendingPathComponent("talkhub-bench-\(UUID().uuidString.prefix(8)).json")
        try? FileManager.default.removeItem(at: results)
        var environment = ProcessInfo.processInfo.environment.filter { ["PATH", "HOME"].contains($0.key) }
        environment["BENCH_CONFIGURATION"] = "debug"
        // swift test holds the build folder's lock: use the binaries it built.
        environment["BENCH_SKIP_BUILD"] = "1"
        environment["BENCH_RESULTS"] = results.path
        let started = ContinuousClock.now
        let (status, output) = try await Spawn.output(
            "/bin/bash", ["-c", "cd '\(root.path)' && scripts/bench --quick 2>&1"], environment: environment, timeout: .seconds(300)
        )
        let elapsed = ContinuousClock.now - started
        print(output.split(separator: "\n").suffix(14).joined(separator: "\n"))
        #expect(status == 0, "\(output.suffix(2_000))")
        // The three-minute bound is for release builds; the debug smoke run only has to end.
        print("bench smoke run (debug build): \(elapsed)")
        let data = try Data(contentsOf: results)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in Self.keys { #expect(json[key] != nil, "results.json lacks \(key)") }
        #expect(json["lost_events"] as? Int == 0)
        #expect((json["accepted_events"] as? Int ?? 0) > 0)
        #expect(json["stored_messages"] as? Int == json["accepted_events"] as? Int)
        #expect((json["analysis_msgs_per_s"] as? Int ?? 0) > 0)
        // The best round is reported, never below the median.
        #expect((json["analysis_msgs_per_s"] as? Int ?? 0) >= (json["analysis_median_msgs_per_s"] as? Int ?? .max))
    }
}
