// Sagas of a tenant: the list by state and type (filtered and paged on the server), and one saga's
// step timeline built from its log stream (saga-<id>): each attempt of each step and of its
// compensation, with its time, duration and error. Cancel and retry ask first.
import { api, caller } from "../api.js";
import { ask, defaultTenant, duration, h, jsonView, notice, problemView, show, svg, tenantChooser, whileShown } from "../dom.js";

const PAGE = 50;
const STATES = ["running", "completed", "compensating", "compensated", "compensation_failed", "failed", "cancelled"];
const FINAL = ["completed", "compensated", "failed", "cancelled"];

export async function sagasPage(params) {
  const who = caller();
  const tenant = defaultTenant(who, params);
  const state = h("select", { id: "filter-saga-state", name: "state" }, h("option", { value: "" }, "any"), STATES.map((s) => h("option", { value: s, selected: s === params.get("state") }, s)));
  const type = h("input", { id: "filter-saga-type", name: "type", value: params.get("type") || "", list: "known-saga-types", placeholder: "any" });
  const types = h("datalist", { id: "known-saga-types" });
  const chooser = tenantChooser(
    who,
    tenant,
    (t) => {
      const query = new URLSearchParams({ tenant: t });
      if (state.value) query.set("state", state.value);
      if (type.value) query.set("type", type.value);
      window.location.hash = `#/sagas?${query}`;
    },
    types,
    h("label", null, "State", state),
    h("label", null, "Type", type),
  );
  const list = h("div", { id: "sagas" });
  const section = h("section", null, h("h1", null, "Sagas"), chooser, list);
  if (!tenant) return section;
  api("GET", `/api/tenants/${tenant}/saga-types`)
    .then((t) => show(types, t.sagaTypes.map((x) => h("option", { value: x.type }))))
    .catch(() => {});
  await listInto(list, tenant, { state: params.get("state") || "", type: params.get("type") || "" }, null);
  return section;
}

async function listInto(target, tenant, filter, after) {
  try {
    const query = new URLSearchParams({ limit: String(PAGE) });
    for (const [k, v] of Object.entries(filter)) if (v) query.set(k, v);
    if (after) query.set("after", after);
    const page = await api("GET", `/api/tenants/${tenant}/sagas?${query}`);
    show(
      target,
      page.sagas.length === 0
        ? h("p", null, "No sagas match.")
        : h("div", { class: "overflow-auto" }, h(
            "table",
            { class: "striped" },
            h("thead", null, h("tr", null, ["Id", "Type", "State", "Started", "Last change"].map((c) => h("th", { scope: "col" }, c)))),
            h(
              "tbody",
              null,
              page.sagas.map((s) =>
                h(
                  "tr",
                  { "data-saga": s.id },
                  h("td", null, h("a", { href: `#/sagas/${tenant}/${encodeURIComponent(s.id)}` }, s.id)),
                  h("td", null, s.type),
                  h("td", null, s.state),
                  h("td", null, s.startedAt),
                  h("td", null, s.updatedAt),
                ),
              ),
            ),
          )),
      page.next ? h("button", { type: "button", class: "secondary", onclick: () => listInto(target, tenant, filter, page.next) }, "Next page") : null,
    );
  } catch (e) {
    show(target, problemView(e));
  }
}

export async function sagaPage(tenant, id) {
  const who = caller();
  const body = h("div");
  const section = h(
    "section",
    null,
    h("p", null, h("a", { href: `#/sagas?tenant=${tenant}` }, `← Sagas of ${tenant}`)),
    h("h1", null, `Saga ${id}`),
    body,
  );
  const refresh = () => sagaInto(body, tenant, id, who, refresh);
  const state = await refresh();
  if (state && !FINAL.includes(state)) {
    whileShown(section, 1000, async () => {
      if (!FINAL.includes(body.getAttribute("data-state"))) await refresh();
    });
  }
  return section;
}

async function sagaInto(target, tenant, id, who, refresh) {
  let saga;
  let log;
  try {
    [saga, log] = await Promise.all([
      api("GET", `/api/tenants/${tenant}/sagas/${encodeURIComponent(id)}`),
      logOf(tenant, id),
    ]);
  } catch (e) {
    show(target, problemView(e));
    return null;
  }
  target.setAttribute("data-state", saga.state);
  const facts = [
    ["Type", saga.type],
    ["State", saga.state],
    ["Started", saga.startedAt],
    ["Finished", saga.finishedAt],
    ["Took", saga.finishedAt ? duration(Date.parse(saga.finishedAt) - Date.parse(saga.startedAt)) : null],
    ["Failure", saga.failure],
  ].filter(([, v]) => v);
  show(
    target,
    h("div", { class: "overflow-auto" }, h(
      "table",
      null,
      h(
        "tbody",
        null,
        facts.map(([k, v]) => h("tr", null, h("th", { scope: "row" }, k), h("td", { "data-field": k.toLowerCase() }, v))),
        h("tr", null, h("th", { scope: "row" }, "Correlation"), h("td", null, h("a", { href: `#/streams?${new URLSearchParams({ tenant, correlation: saga.correlationId })}` }, saga.correlationId))),
      ),
    )),
    who.writer ? actions(tenant, saga, refresh) : null,
    h("h2", null, "Timeline"),
    timeline(saga, log),
    h("h2", null, "Steps"),
    h("div", { class: "overflow-auto" }, stepsTable(saga)),
    h("details", null, h("summary", null, "Data"), jsonView(saga.data)),
    h("details", null, h("summary", null, `Log (stream saga-${id}, ${log.length} events)`), logTable(log)),
  );
  return saga.state;
}

/** The saga's log: its stream's events, oldest first (a saga's log is short; at most 1,000). */
async function logOf(tenant, id) {
  const events = [];
  let from = 1;
  for (let i = 0; i < 10; i++) {
    const page = await api("GET", `/api/tenants/${tenant}/streams/${encodeURIComponent(`saga-${id}`)}/events?from=${from}&limit=100`).catch((e) => {
      if (e.status === 404) return { events: [] };
      throw e;
    });
    events.push(...page.events);
    if (!page.next) break;
    from = page.next;
  }
  return events;
}

function actions(tenant, saga, refresh) {
  const act = (action, title, text) => async () => {
    const answer = await ask({ title, text, confirm: title.replace(/\?$/, "").replace(/ saga .*/, "") });
    if (!answer) return;
    try {
      await api("POST", `/api/tenants/${tenant}/sagas/${encodeURIComponent(saga.id)}/${action}`);
      notice(`Saga ${saga.id}: ${action} requested`);
    } catch (e) {
      notice(`${e.message}${e.correlationId ? ` (correlation id ${e.correlationId})` : ""}`);
    }
    await refresh();
  };
  const canCancel = saga.state === "running";
  const canRetry = saga.state === "failed" || saga.state === "compensation_failed";
  if (!canCancel && !canRetry) return null;
  return h(
    "p",
    null,
    canCancel
      ? h("button", { type: "button", class: "contrast", id: "cancel-saga", onclick: act("cancel", `Cancel saga ${saga.id}?`, "Its finished steps are compensated in reverse order; the step under way is not retried.") }, "Cancel saga")
      : null,
    canRetry
      ? h("button", { type: "button", id: "retry-saga", onclick: act("retry", `Retry saga ${saga.id}?`, saga.state === "compensation_failed" ? "The compensations that failed are tried again, then the ones still waiting." : "The failed step is tried again with a fresh retry budget.") }, "Retry saga")
      : null,
  );
}

/**
 * Attempts from the log: each step's action and compensation attempts, from their start to their
 * outcome (an attempt still under way runs to now).
 */
function attempts(log) {
  const open = new Map();
  const done = [];
  for (const e of log) {
    const d = e.data || {};
    const kind = e.type.replace(/^Saga/, "");
    const at = Date.parse(d.at || e.recordedAt);
    const key = (phase) => `${phase}/${d.step}/${d.attempt}`;
    if (kind === "StepStarted") open.set(key("action"), { step: d.step, phase: "action", attempt: d.attempt, start: at });
    if (kind === "CompensationStarted") open.set(key("compensation"), { step: d.step, phase: "compensation", attempt: d.attempt, start: at });
    const end = (phase, outcome) => {
      const a = open.get(key(phase)) || { step: d.step, phase, attempt: d.attempt, start: at };
      open.delete(key(phase));
      done.push({ ...a, end: at, outcome, error: d.error || null });
    };
    if (kind === "StepSucceeded") end("action", "succeeded");
    if (kind === "StepFailed") end("action", "failed");
    if (kind === "CompensationSucceeded") end("compensation", "succeeded");
    if (kind === "CompensationFailed") end("compensation", "failed");
  }
  for (const a of open.values()) done.push({ ...a, end: Date.now(), outcome: "running", error: null });
  return done.sort((x, y) => x.start - y.start);
}

function timeline(saga, log) {
  const all = attempts(log);
  if (all.length === 0) return h("p", null, "No step has started yet.");
  const start = Math.min(...all.map((a) => a.start));
  const end = Math.max(...all.map((a) => a.end), start + 1);
  const scale = (t) => ((t - start) / (end - start)) * 1000;
  const steps = saga.steps.map((s) => s.name);
  const rowHeight = 22;
  const chart = svg(
    "svg",
    { viewBox: `0 0 1000 ${steps.length * 2 * rowHeight}`, preserveAspectRatio: "none", class: "timeline", "aria-hidden": "true" },
    steps.map((name, i) =>
      ["action", "compensation"].map((phase, j) =>
        all
          .filter((a) => a.step === name && a.phase === phase)
          .map((a) =>
            svg(
              "rect",
              { x: scale(a.start), y: (i * 2 + j) * rowHeight + 4, width: Math.max(scale(a.end) - scale(a.start), 3), height: rowHeight - 8, class: `bar ${phase} ${a.outcome}` },
              svg("title", null, `${name} ${phase} attempt ${a.attempt}: ${a.outcome}`),
            ),
          ),
      ),
    ),
  );
  return h(
    "figure",
    { id: "timeline" },
    h("div", { class: "timeline-rows" }, h("div", { class: "timeline-labels", "aria-hidden": "true" }, steps.flatMap((n) => [h("span", null, n), h("span", null, `${n} (undo)`)])), chart),
    h("figcaption", null, `From ${new Date(start).toISOString()} over ${duration(end - start)}: actions and compensations, each attempt a bar (failed attempts in red, compensations outlined in blue).`),
    h(
      "div",
      { class: "overflow-auto" },
      h(
      "table",
      { class: "striped", id: "attempts" },
      h("thead", null, h("tr", null, ["Step", "Phase", "Attempt", "Started", "Took", "Outcome", "Error"].map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        null,
        all.map((a) =>
          h(
            "tr",
            { "data-step": a.step, "data-phase": a.phase, "data-outcome": a.outcome },
            h("td", null, a.step),
            h("td", null, a.phase),
            h("td", null, String(a.attempt)),
            h("td", null, new Date(a.start).toISOString()),
            h("td", null, duration(a.end - a.start)),
            h("td", null, a.outcome),
            h("td", null, a.error || ""),
          ),
        ),
      ),
    ),
    ),
  );
}

function stepsTable(saga) {
  return h("div", { class: "overflow-auto" }, h(
    "table",
    { class: "striped", id: "steps" },
    h("thead", null, h("tr", null, ["Step", "State", "Attempts", "Compensation attempts", "Started", "Finished", "Took", "Last error"].map((c) => h("th", { scope: "col" }, c)))),
    h(
      "tbody",
      null,
      saga.steps.map((s) =>
        h(
          "tr",
          { "data-step": s.name, "data-state": s.state },
          h("th", { scope: "row" }, s.name),
          h("td", null, s.state),
          h("td", null, String(s.attempts)),
          h("td", null, String(s.compensationAttempts)),
          h("td", null, s.startedAt || "—"),
          h("td", null, s.finishedAt || "—"),
          h("td", null, s.startedAt && s.finishedAt ? duration(Date.parse(s.finishedAt) - Date.parse(s.startedAt)) : "—"),
          h("td", null, s.error || ""),
        ),
      ),
    ),
  ));
}

function logTable(log) {
  return h("div", { class: "overflow-auto" }, h(
    "table",
    { class: "striped" },
    h("thead", null, h("tr", null, ["Version", "At", "Event", "Step", "Attempt", "Error"].map((c) => h("th", { scope: "col" }, c)))),
    h(
      "tbody",
      null,
      log.map((e) =>
        h(
          "tr",
          null,
          h("td", null, String(e.version)),
          h("td", null, (e.data && e.data.at) || e.recordedAt),
          h("td", null, e.type),
          h("td", null, (e.data && e.data.step) || ""),
          h("td", null, e.data && e.data.attempt !== undefined ? String(e.data.attempt) : ""),
          h("td", null, (e.data && (e.data.error || e.data.reason)) || ""),
        ),
      ),
    ),
  ));
}
