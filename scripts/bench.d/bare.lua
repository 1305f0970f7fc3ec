-- The reference: a 1 KB JSON POST to talkhub-bare's /echo, the same body every time.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
require("report")

local entries = {}
for i = 1, 6 do
    entries[#entries + 1] = string.format(
        '{"id":"wamid.reference.%d","from":"55119%08d","timestamp":"1764432000","text":"%s"}',
        i, i, string.rep("Oi, meu pedido ainda não chegou. ", 4))
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"object":"whatsapp_business_account","entries":[' .. table.concat(entries, ",") .. ']}'

function done(summary, latency, requests)
    bench_report(summary, latency)
end
