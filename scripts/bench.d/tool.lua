-- save_conversation through the gateway with $BENCH_TOKEN, a new conversation per call
-- (no Idempotency-Key), spread over 2,000 users and a few conversation shapes.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
require("report")

local shapes = {
    { "Oi, meu pedido ainda não chegou e já faz 10 dias", "Sinto muito! Vou verificar o rastreio agora." },
    { "Quanto custa o plano anual?", "O plano anual custa R$ 199,00." },
    { "my card was declined again", "Sorry about that, let me check the payment." },
    { "quero cancelar minha assinatura", "Tudo bem, posso ajudar com o cancelamento." },
}

function init(args)
    bodies = {}
    for i = 1, 2000 do
        local shape = shapes[(i % #shapes) + 1]
        bodies[i] = string.format(
            '{"session_id":"bench-%d","user_id":"bench-user-%d","messages":[' ..
            '{"role":"user","content":"%s","timestamp":"2026-12-01T12:00:00Z"},' ..
            '{"role":"assistant","content":"%s","timestamp":"2026-12-01T12:00:04Z"},' ..
            '{"role":"user","content":"obrigado!","timestamp":"2026-12-01T12:01:00Z"}],' ..
            '"metadata":{"channel":"bench"}}', i, i, shape[1], shape[2])
    end
    headers = {
        ["Content-Type"] = "application/json",
        ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"),
    }
    counter = 0
end

function request()
    counter = counter + 1
    return wrk.format("POST", "/api/v1/mcp/save_conversation", headers, bodies[(counter % #bodies) + 1])
end

function done(summary, latency, requests)
    bench_report(summary, latency)
end
