// TalkHub dashboard: signs in with the admin secret, then polls /api/v1/dashboard/summary.
// No framework and no build step; served by the gateway (the CSP forbids inline script).
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { token: sessionStorage.getItem("talkhub.token"), timer: null };

  function setText(field, value) {
    document.querySelectorAll('[data-field="' + field + '"]').forEach((el) => { el.textContent = value; });
  }
  function fmt(n) { return n === null || n === undefined ? "—" : Number(n).toLocaleString("pt-BR"); }

  function showBoard(signedIn) {
    $("signin").hidden = signedIn;
    $("board").hidden = !signedIn;
    $("signout").hidden = !signedIn;
    $("status").textContent = signedIn ? "conectado" : "desconectado";
  }

  function bars(container, counts, order) {
    const el = $(container);
    el.textContent = "";
    const keys = order || Object.keys(counts).sort((a, b) => counts[b] - counts[a]);
    const max = Math.max(1, ...keys.map((k) => counts[k] || 0));
    keys.forEach((key) => {
      const row = document.createElement("div"); row.className = "row"; row.dataset.key = key;
      const name = document.createElement("span"); name.textContent = key;
      const track = document.createElement("div"); track.className = "track";
      const fill = document.createElement("div"); fill.className = "fill " + key;
      fill.style.width = ((counts[key] || 0) / max * 100) + "%";
      track.appendChild(fill);
      const count = document.createElement("span"); count.className = "count"; count.textContent = fmt(counts[key] || 0);
      row.append(name, track, count);
      el.appendChild(row);
    });
  }

  function hours(counts) {
    const el = $("hours");
    el.textContent = "";
    const max = Math.max(1, ...Object.values(counts));
    for (let h = 0; h < 24; h++) {
      const col = document.createElement("div"); col.className = "col"; col.title = h + "h: " + (counts[String(h)] || 0);
      const bar = document.createElement("div"); bar.className = "bar"; bar.dataset.hour = String(h);
      bar.dataset.count = String(counts[String(h)] || 0);
      bar.style.height = ((counts[String(h)] || 0) / max * 100) + "%";
      const label = document.createElement("div"); label.className = "label"; label.textContent = String(h);
      col.append(bar, label);
      el.appendChild(col);
    }
  }

  function recent(rows) {
    const body = $("recent").querySelector("tbody");
    body.textContent = "";
    rows.forEach((r) => {
      const tr = document.createElement("tr");
      const started = r.started_at ? new Date(r.started_at).toLocaleString("pt-BR") : "—";
      [started, r.user, r.platform, r.intent || "—", r.sentiment || "—", fmt(r.message_count)].forEach((v) => {
        const td = document.createElement("td"); td.textContent = v; tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function render(s) {
    const inbound = s.streams.inbound, tools = s.streams.tools;
    setText("inbound_depth", fmt(inbound.lag + inbound.pending));
    setText("inbound_lag", fmt(inbound.lag)); setText("inbound_pending", fmt(inbound.pending));
    setText("tools_depth", fmt(tools.lag + tools.pending));
    setText("tools_lag", fmt(tools.lag)); setText("tools_pending", fmt(tools.pending));
    setText("messages_last_minute", fmt(s.throughput.messages_last_minute));
    setText("messages_last_hour", fmt(s.throughput.messages_last_hour));
    setText("consumers", fmt(s.consumers));
    setText("dead_letters", fmt(s.dead_letters));
    setText("time_zone", s.time_zone);
    bars("sentiment", s.sentiment, ["positive", "neutral", "negative"]);
    bars("intents", s.intents);
    hours(s.peak_hours);
    recent(s.recent_conversations);
    setText("updated", new Date(s.generated_at).toLocaleTimeString("pt-BR"));
    document.body.dataset.loaded = "true";
  }

  async function refresh() {
    if (!state.token) return;
    const channel = $("channel").value.trim();
    const url = "/api/v1/dashboard/summary" + (channel ? "?channel_id=" + encodeURIComponent(channel) : "");
    try {
      const response = await fetch(url, { headers: { Authorization: "Bearer " + state.token } });
      if (response.status === 401) { signOut(); return; }
      if (!response.ok) { $("status").textContent = "erro " + response.status; return; }
      render(await response.json());
      $("status").textContent = "conectado";
    } catch (e) {
      $("status").textContent = "sem conexão";
    }
  }

  function start() {
    showBoard(true);
    refresh();
    clearInterval(state.timer);
    state.timer = setInterval(refresh, 5000);
  }

  function signOut() {
    state.token = null;
    sessionStorage.removeItem("talkhub.token");
    clearInterval(state.timer);
    showBoard(false);
  }

  $("signin-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("signin-error").hidden = true;
    const response = await fetch("/api/v1/auth/token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "dashboard", admin_secret: $("secret").value }),
    });
    if (!response.ok) {
      $("signin-error").textContent = response.status === 429 ? "Muitas tentativas; aguarde." : "Segredo incorreto.";
      $("signin-error").hidden = false;
      return;
    }
    state.token = (await response.json()).token;
    sessionStorage.setItem("talkhub.token", state.token);
    $("secret").value = "";
    start();
  });
  $("signout").addEventListener("click", signOut);
  $("channel").addEventListener("change", refresh);

  if (state.token) start(); else showBoard(false);
})();
