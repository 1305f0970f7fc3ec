-- Signed WhatsApp deliveries from $BENCH_FILE (`talkhub bench-payloads`: "<hex>\t<body>"
-- per line), each sent once: thread k of $BENCH_THREADS sends lines k, k+n, k+2n, ... and
-- stops when its share is used up, so every accepted event is distinct.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
require("report")

local next_thread = 0
function setup(thread)
    thread:set("tid", next_thread)
    next_thread = next_thread + 1
end

function init(args)
    local threads = tonumber(os.getenv("BENCH_THREADS"))
    requests = {}
    local index = 0
    for line in io.lines(os.getenv("BENCH_FILE")) do
        if index % threads == tid then
            local signature, body = line:match("^(%x+)\t(.*)$")
            requests[#requests + 1] = wrk.format("POST", "/webhooks/whatsapp", {
                ["Content-Type"] = "application/json",
                ["X-Hub-Signature-256"] = "sha256=" .. signature,
            }, body)
        end
        index = index + 1
    end
    -- wrk calls request() once on thread 0 to check the script, and sends nothing for it:
    -- that thread starts with its first delivery twice (a redelivery, stored once).
    if tid == 0 and #requests > 0 then table.insert(requests, 1, requests[1]) end
    sent = 0
end

function request()
    sent = sent + 1
    if sent > #requests then
        wrk.thread:stop()
        sent = #requests
    end
    return requests[sent]
end

function done(summary, latency, requests)
    bench_report(summary, latency)
end
