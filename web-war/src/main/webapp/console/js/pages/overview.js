// The overview: health of PostgreSQL, Redis and messaging (/health, open), and from the server's
// /metrics (a platform admin's, or the metrics role's) the append and read rates, their latency
// percentiles and the open dead letters. The server keeps counters, not history: the rates are
// differences between this page's samples, and the plots show what it sampled since it opened.
import { api, caller, fetchText } from "../api.js";
import { duration, h, problemView, show, whileShown } from "../dom.js";
import { timePlot } from "../plot.js";

const EVERY_MS = 3000;
const OPERATIONS = ["append", "read"];
const QUANTILES = ["0.5", "0.95", "0.99"];

export async function overviewPage() {
  const who = caller();
  const health = h("div", { id: "health", class: "grid" });
  const figures = h("div", { id: "figures" });
  const section = h("section", null, h("h1", null, "Overview"), h("h2", null, "Health"), health, h("h2", null, "Traffic"), figures);
  // Health and metrics are asked for at once: the page shows when the slower of the two answers.
  const healthShown = healthInto(health);
  whileShown(section, EVERY_MS * 2, () => healthInto(health));
  if (!who.platformAdmin) {
    show(figures, h("p", { role: "note" }, "Rates, latencies and dead-letter totals come from /metrics, which a platform admin reads."));
    await healthShown;
    return section;
  }
  const rates = timePlot("plot-rates", "Requests per second (this page's samples)", "per second");
  const latency = timePlot("plot-latency", "Latency, 95th percentile (last minutes, at the server)", "ms");
  const letters = timePlot("plot-letters", "Open dead letters (as last counted by this node)", "letters");
  const table = h("tbody");
  const status = h("div", { "aria-live": "polite" });
  const openLetters = h("strong", { id: "open-letters" }, "…");
  show(
    figures,
    status,
    h("div", { class: "overflow-auto" }, h(
      "table",
      { class: "striped", id: "traffic" },
      h("thead", null, h("tr", null, ["Operation", "Requests", "Per second", "p50", "p95", "p99"].map((c) => h("th", { scope: "col" }, c)))),
      table,
    )),
    h("p", null, "Open dead letters: ", openLetters),
    h("div", { class: "grid" }, rates.node, latency.node),
    letters.node,
  );
  let last = null;
  const sample = async () => {
    let text;
    try {
      text = await fetchText("/metrics?scope=application");
    } catch (e) {
      show(status, problemView(e));
      return;
    }
    show(status);
    const now = { at: Date.now(), metrics: parse(text) };
    const rateNow = {};
    const p95 = {};
    show(
      table,
      OPERATIONS.map((op) => {
        const count = value(now.metrics, "annals_api_requests_seconds_count", { operation: op });
        const before = last ? value(last.metrics, "annals_api_requests_seconds_count", { operation: op }) : null;
        const rate = before === null || count === null ? null : Math.max(0, (count - before) / ((now.at - last.at) / 1000));
        if (rate !== null) rateNow[op] = rate;
        const q = QUANTILES.map((quantile) => value(now.metrics, "annals_api_requests_seconds", { operation: op, quantile }));
        if (q[1] !== null) p95[op] = q[1] * 1000;
        return h(
          "tr",
          { "data-operation": op },
          h("th", { scope: "row" }, op),
          h("td", { "data-field": "count" }, count === null ? "0" : String(count)),
          h("td", { "data-field": "rate" }, rate === null ? "…" : rate.toFixed(1)),
          q.map((v, i) => h("td", { "data-field": `p${QUANTILES[i].slice(2).padEnd(2, "0")}` }, v === null ? "—" : duration(v * 1000))),
        );
      }),
    );
    const open = sum(now.metrics, "annals_deadletters_open");
    openLetters.textContent = String(open);
    rates.add(rateNow);
    latency.add(p95);
    letters.add({ open });
    last = now;
  };
  await Promise.all([healthShown, sample()]);
  whileShown(section, EVERY_MS, sample);
  return section;
}

async function healthInto(target) {
  let body;
  try {
    body = await api("GET", "/health");
  } catch (e) {
    // /health answers 503 with the same document while a check is DOWN.
    body = e.body && e.body.checks ? e.body : null;
    if (!body) {
      show(target, problemView(e));
      return;
    }
  }
  const checks = new Map((body.checks || []).map((c) => [c.name, c]));
  const card = (name, title, detail) => {
    const c = checks.get(name);
    const state = !c ? "unknown" : detail(c) || c.status;
    return h(
      "article",
      { "data-check": name, "data-status": state },
      h("header", null, title),
      h("strong", null, state),
      c && c.data && c.data.error ? h("p", null, h("small", null, c.data.error)) : null,
      c && c.data && c.data.since ? h("p", null, h("small", null, `since ${c.data.since}`)) : null,
    );
  };
  show(
    target,
    card("database", "PostgreSQL", (c) => (c.status === "UP" ? "UP" : "DOWN")),
    card("redis", "Redis", (c) => (c.data && c.data.redis === "degraded" ? "DEGRADED" : c.status)),
    card("messaging", "Messaging", (c) => (c.data && c.data.messaging === "down" ? "DOWN" : c.status)),
  );
}

/** Prometheus text: [{name, labels, value}] (comments skipped). */
function parse(text) {
  const samples = [];
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const match = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/);
    if (!match) continue;
    const labels = {};
    for (const pair of (match[3] || "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]] = pair[2];
    samples.push({ name: match[1], labels, value: Number(match[4]) });
  }
  return samples;
}

function matching(samples, name, labels) {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v) && !Number.isNaN(s.value));
}

function value(samples, name, labels) {
  const found = matching(samples, name, labels);
  return found.length === 0 ? null : found.reduce((a, s) => a + s.value, 0);
}

function sum(samples, name) {
  return matching(samples, name, {}).reduce((a, s) => a + s.value, 0);
}
