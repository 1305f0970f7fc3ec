import Foundation
import Metrics
import Prometheus
import Synchronization

/// The process's metrics: swift-metrics instruments backed by one Prometheus registry,
/// bootstrapped once per process (gateway, worker, or a test process running both). Labels
/// are bounded sets (route templates, stream and group names, envelope kinds, tool names,
/// status codes); no ids ever become labels.
public enum TalkHubMetrics {
    /// The registry `/metrics` renders. Bootstrapping happens on first use.
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        let fast: [Duration] = [.microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
                                .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100)]
        factory.durationHistogramBuckets["talkhub_analysis_duration_seconds"] = fast
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Makes sure the metrics system is bootstrapped (call at start-up).
    public static func bootstrap() { _ = registry }

    /// What each metric means: emitted as `# HELP` lines (swift-metrics has no place for help
    /// text, so the exposition gets it here).
    static let help: [String: String] = [
        "talkhub_http_requests_total": "HTTP requests answered, by route template, method and status.",
        "talkhub_http_request_duration_seconds": "HTTP request latency, by route template and method.",
        "talkhub_enqueue_total": "Events and tool calls put on a stream, by stream and result (ok or failed).",
        "talkhub_rate_limit_rejections_total": "API requests refused with 429 by the rate limit.",
        "talkhub_tool_calls_total": "Tool calls through this gateway, by tool and outcome (finished or timeout).",
        "talkhub_tool_wait_seconds": "Time a tool call waited for its worker's answer, by tool.",
        "talkhub_entries_total": "Stream entries handled by workers, by outcome (processed, failed, retried, dead_lettered) and envelope kind.",
        "talkhub_db_batch_duration_seconds": "Time to handle one batch (analysis and its database transaction), by envelope kind.",
        "talkhub_analysis_duration_seconds": "Message analysis time per message.",
        "talkhub_stream_length": "Entries in a stream (inbound, tools, dlq).",
        "talkhub_group_lag": "Entries of a stream not yet delivered to a consumer group.",
        "talkhub_group_pending": "Entries delivered to a consumer group and not yet acknowledged.",
        "talkhub_group_consumers": "Consumers in a consumer group.",
        "talkhub_dependency_up": "1 when the dependency (redis, postgres) answers, else 0.",
    ]

    /// The Prometheus text exposition of every metric, with help lines.
    public static func render() -> [UInt8] {
        bootstrap()
        let text = String(decoding: registry.emitToBuffer(), as: UTF8.self)
        var out = ""
        out.reserveCapacity(text.utf8.count + 2048)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# TYPE ") {
                let name = line.dropFirst(7).split(separator: " ").first.map(String.init) ?? ""
                if let help = help[name] { out += "# HELP \(name) \(help)\n" }
            }
            out += line
            out += "\n"
        }
        if out.hasSuffix("\n\n") { out.removeLast() }
        return Array(out.utf8)
    }

    // MARK: Instruments (names follow Prometheus conventions: _total, _seconds).

    /// The per-request instruments, made once per label set (making one goes through the
    /// factory's locks and the registry's name checks; a request should not pay that).
    struct InstrumentKey: Hashable {
        var name: String
        /// The label values, in the fixed order of the name's labels.
        var labels: [String]
    }

    private static let counters = Mutex<[InstrumentKey: Metrics.Counter]>([:])
    private static let timers = Mutex<[InstrumentKey: Metrics.Timer]>([:])

    static func counter(_ name: String, _ dimensions: KeyValuePairs<String, String>) -> Metrics.Counter {
        let key = InstrumentKey(name: name, labels: dimensions.map(\.value))
        if let counter = counters.withLock({ $0[key] }) { return counter }
        bootstrap()
        let counter = Metrics.Counter(label: name, dimensions: dimensions.map { ($0.key, $0.value) })
        counters.withLock { $0[key] = counter }
        return counter
    }

    static func timer(_ name: String, _ dimensions: KeyValuePairs<String, String>) -> Metrics.Timer {
        let key = InstrumentKey(name: name, labels: dimensions.map(\.value))
        if let timer = timers.withLock({ $0[key] }) { return timer }
        bootstrap()
        let timer = Metrics.Timer(label: name, dimensions: dimensions.map { ($0.key, $0.value) })
        timers.withLock { $0[key] = timer }
        return timer
    }

    public static func httpRequest(route: String, method: String, status: Int, duration: Duration) {
        counter("talkhub_http_requests_total", ["route": route, "method": method, "status": String(status)]).increment()
        timer("talkhub_http_request_duration_seconds", ["route": route, "method": method]).recordNanoseconds(duration.nanoseconds)
    }

    public static func enqueued(stream: String, count: Int, failed: Bool) {
        counter("talkhub_enqueue_total", ["stream": stream, "result": failed ? "failed" : "ok"]).increment(by: count)
    }

    public static func rateLimited() {
        bootstrap()
        Counter(label: "talkhub_rate_limit_rejections_total").increment()
    }

    public static func toolCall(tool: String, outcome: String, wait: Duration) {
        counter("talkhub_tool_calls_total", ["tool": tool, "outcome": outcome]).increment()
        timer("talkhub_tool_wait_seconds", ["tool": tool]).recordNanoseconds(wait.nanoseconds)
    }

    /// Outcomes of stream entries in the workers: processed, failed, retried, dead_lettered.
    public static func entries(_ outcome: String, kind: String, count: Int = 1) {
        bootstrap()
        Counter(label: "talkhub_entries_total", dimensions: [("outcome", outcome), ("kind", kind)]).increment(by: count)
    }

    public static func handlerDuration(kind: String, duration: Duration) {
        bootstrap()
        Timer(label: "talkhub_db_batch_duration_seconds", dimensions: [("kind", kind)]).recordNanoseconds(duration.nanoseconds)
    }

    public static func analysis(duration: Duration) {
        bootstrap()
        Timer(label: "talkhub_analysis_duration_seconds").recordNanoseconds(duration.nanoseconds)
    }

    /// Stream and consumer-group figures, sampled (`StreamStatsSampler`).
    public static func stream(_ stream: String, length: Int) {
        bootstrap()
        Gauge(label: "talkhub_stream_length", dimensions: [("stream", stream)]).record(length)
    }

    public static func group(stream: String, group: String, lag: Int, pending: Int, consumers: Int) {
        bootstrap()
        let dims = [("stream", stream), ("group", group)]
        Gauge(label: "talkhub_group_lag", dimensions: dims).record(lag)
        Gauge(label: "talkhub_group_pending", dimensions: dims).record(pending)
        Gauge(label: "talkhub_group_consumers", dimensions: dims).record(consumers)
    }

    public static func dependencyUp(_ name: String, _ up: Bool) {
        bootstrap()
        Gauge(label: "talkhub_dependency_up", dimensions: [("dependency", name)]).record(up ? 1 : 0)
    }
}

extension Duration {
    /// Whole nanoseconds, for swift-metrics timers.
    public var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
