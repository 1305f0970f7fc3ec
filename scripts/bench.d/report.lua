-- Shared by the benchmark's wrk scripts: writes the run's figures as JSON to $BENCH_OUT.
function bench_report(summary, latency)
    local out = os.getenv("BENCH_OUT")
    if not out then return end
    local seconds = summary.duration / 1e6
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout + summary.errors.status
    local f = assert(io.open(out, "w"))
    f:write(string.format(
        '{"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, "errors": %d, "non_2xx": %d}\n',
        summary.requests, seconds, summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
        errors, summary.errors.status))
    f:close()
end
