// Streams and events: find a stream of a tenant and page through it (forward or backward), read
// an event's data and metadata, follow the tenant's $all live, and jump to a correlation's events.
import { api, caller, token } from "../api.js";
import { h, jsonView, problemView, show } from "../dom.js";

const PAGE = 20;

export async function streamsPage(params) {
  const who = caller();
  const tenants = who.tenants.filter((t) => t !== "*");
  const tenant = h("input", { id: "tenant", name: "tenant", required: true, value: params.get("tenant") || tenants[0] || "", list: "known-tenants" });
  const stream = h("input", { id: "stream", name: "stream", value: params.get("stream") || "", placeholder: "order-42" });
  const correlation = h("input", { id: "correlation", name: "correlation", value: params.get("correlation") || "", placeholder: "correlation id" });
  const results = h("div", { id: "results" });
  const go = (query) => {
    window.location.hash = `#/streams?${new URLSearchParams(query)}`;
  };
  const form = h(
    "form",
    {
      class: "filters",
      onsubmit: (event) => {
        event.preventDefault();
        const query = { tenant: tenant.value };
        if (correlation.value) query.correlation = correlation.value;
        else if (stream.value) query.stream = stream.value;
        go(query);
      },
    },
    h("datalist", { id: "known-tenants" }, tenants.map((t) => h("option", { value: t }))),
    h("label", null, "Tenant", tenant),
    h("label", null, "Stream", stream),
    h("label", null, "or correlation id", correlation),
    h("button", { type: "submit" }, "Show"),
    h("button", { type: "button", class: "secondary", id: "live", onclick: () => liveInto(results, tenant.value) }, "Follow $all live"),
  );
  const section = h("section", null, h("h1", null, "Streams and events"), form, results);
  const t = params.get("tenant");
  if (t && params.get("correlation")) {
    await correlationInto(results, t, params.get("correlation"));
  } else if (t && params.get("stream")) {
    await streamInto(results, t, params.get("stream"), params.get("from"), params.get("direction") || "forward");
  }
  return section;
}

async function streamInto(target, tenant, stream, from, direction) {
  const query = new URLSearchParams({ limit: String(PAGE), direction });
  if (from) query.set("from", from);
  try {
    const page = await api("GET", `/api/tenants/${tenant}/streams/${encodeURIComponent(stream)}/events?${query}`);
    const link = (label, f, d) => {
      const q = new URLSearchParams({ tenant, stream, direction: d });
      if (f !== null) q.set("from", String(f));
      return h("a", { href: `#/streams?${q}`, role: "button", class: "secondary" }, label);
    };
    show(
      target,
      h("h2", null, stream),
      h("p", null, link("Oldest first", null, "forward"), " ", link("Newest first", null, "backward")),
      eventsTable(tenant, page.events),
      page.next ? link("Next page", page.next, direction) : h("p", null, "End of stream."),
    );
  } catch (e) {
    show(target, problemView(e));
  }
}

async function correlationInto(target, tenant, correlationId) {
  try {
    const page = await api("GET", `/api/tenants/${tenant}/correlations/${encodeURIComponent(correlationId)}/events?limit=100`);
    show(target, h("h2", null, `Correlation ${correlationId}`), eventsTable(tenant, page.events));
  } catch (e) {
    show(target, problemView(e));
  }
}

function eventsTable(tenant, events) {
  if (events.length === 0) return h("p", null, "No events.");
  return h("div", { class: "overflow-auto" }, h(
    "table",
    { class: "striped", id: "events" },
    h("thead", null, h("tr", null, h("th", null, "Version"), h("th", null, "Stream"), h("th", null, "Type"), h("th", null, "Recorded"), h("th", null, "Event"))),
    h("tbody", null, events.map((e) => eventRow(tenant, e))),
  ));
}

function eventRow(tenant, e) {
  const correlationId = e.metadata && e.metadata.correlationId;
  return h(
    "tr",
    { "data-event": e.eventId },
    h("td", null, String(e.version)),
    h("td", null, h("a", { href: `#/streams?${new URLSearchParams({ tenant, stream: e.streamId })}` }, e.streamId)),
    h("td", null, e.type),
    h("td", null, e.recordedAt),
    h(
      "td",
      null,
      h(
        "details",
        null,
        h("summary", null, "data and metadata"),
        h("strong", null, "data"),
        jsonView(e.data),
        h("strong", null, "metadata"),
        jsonView(e.metadata),
        correlationId
          ? h("a", { href: `#/streams?${new URLSearchParams({ tenant, correlation: correlationId })}` }, "All events of this correlation")
          : null,
      ),
    ),
  );
}

/**
 * The tenant's $all, live, over Server-Sent Events. EventSource cannot send a bearer token, so the
 * stream is read with fetch and parsed here; it stops when the page changes. It starts at the
 * statistics projection's checkpoint (normally a wake-up behind the head), never at the first event:
 * following a tenant of a million events must not send the whole history to the browser first.
 */
async function liveInto(target, tenant) {
  const rows = h("tbody");
  const status = h("p", { id: "live-status", "aria-live": "polite" }, "Connecting…");
  show(
    target,
    h("h2", null, `Live: ${tenant}`),
    status,
    h("div", { class: "overflow-auto" }, h("table", { class: "striped", id: "live-events" }, h("thead", null, h("tr", null, h("th", null, "Stream"), h("th", null, "Version"), h("th", null, "Type"), h("th", null, "Checkpoint"))), rows)),
  );
  const controller = new AbortController();
  window.addEventListener("hashchange", () => controller.abort(), { once: true });
  let response;
  try {
    const after = await recentCheckpoint(tenant);
    response = await fetch(`/api/tenants/${tenant}/events/live${after ? `?after=${encodeURIComponent(after)}` : ""}`, {
      headers: { Authorization: `Bearer ${token()}`, Accept: "text/event-stream" },
      signal: controller.signal,
    });
  } catch (e) {
    status.textContent = "The server did not answer.";
    return;
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    show(target, problemView({ status: response.status, body: problem, correlationId: response.headers.get("X-Correlation-Id") }));
    return;
  }
  status.textContent = "Following: catching up, then live.";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (message.split("\n").includes(": live")) status.textContent = "Live: new events appear at the top.";
        const event = parseMessage(message);
        if (event && event.data) {
          const e = JSON.parse(event.data);
          rows.prepend(h("tr", { "data-event": e.eventId }, h("td", null, e.streamId), h("td", null, String(e.version)), h("td", null, e.type), h("td", null, event.id || "")));
          while (rows.children.length > 200) rows.lastChild.remove();
        }
      }
    }
    status.textContent = "The server closed the feed.";
  } catch (e) {
    if (!controller.signal.aborted) status.textContent = "The feed broke off.";
  }
}

/** Where following starts: the statistics projection's checkpoint, or null (from the start). */
async function recentCheckpoint(tenant) {
  try {
    const t = await api("GET", `/api/tenants/${tenant}`);
    return t.statistics?.checkpoint || null;
  } catch (e) {
    return null;
  }
}

function parseMessage(message) {
  const event = { data: "" };
  for (const line of message.split("\n")) {
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "data") event.data += (event.data ? "\n" : "") + value;
    else if (field === "id") event.id = value;
    else if (field === "event") event.type = value;
  }
  return event;
}
