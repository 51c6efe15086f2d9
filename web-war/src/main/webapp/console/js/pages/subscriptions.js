// Subscriptions and projections of a tenant: state, checkpoint, lag in events and seconds, breaker,
// pause/resume/reset, projection rebuilds with progress and ETA. The lag plots are sampled by this
// page every two seconds while it is open (the server keeps no lag history), for up to an hour.
import { api, caller } from "../api.js";
import { ask, defaultTenant, duration, h, notice, problemView, show, tenantChooser, whileShown } from "../dom.js";
import { timePlot } from "../plot.js";

const EVERY_MS = 2000;

export async function subscriptionsPage(params) {
  const who = caller();
  const tenant = defaultTenant(who, params);
  const chooser = tenantChooser(who, tenant, (t) => {
    window.location.hash = `#/subscriptions?tenant=${encodeURIComponent(t)}`;
  });
  const section = h("section", null, h("h1", null, "Subscriptions and projections"), chooser);
  if (!tenant) return section;
  const status = h("div", { id: "subscriptions-status", "aria-live": "polite" });
  const subscriptionRows = h("tbody");
  const projectionRows = h("tbody");
  const lagEvents = timePlot("lag-events", "Lag in events (sampled by this page every 2 s)", "events");
  const lagSeconds = timePlot("lag-seconds", "Lag in seconds (sampled by this page every 2 s)", "seconds");
  const admin = who.tenantAdmin;
  section.append(
    status,
    h("h2", null, "Subscriptions"),
    h(
      "div",
      { class: "overflow-auto" },
      h(
        "table",
        { class: "striped", id: "subscriptions" },
        h("thead", null, h("tr", null, ["Name", "Target", "State", "Checkpoint", "Lag (events)", "Lag", "Breaker", "Failures", "Retrying", "Rate", "Last error", admin ? "Actions" : null].filter(Boolean).map((c) => h("th", { scope: "col" }, c)))),
        subscriptionRows,
      ),
    ),
    h("h2", null, "Projections"),
    h(
      "div",
      { class: "overflow-auto" },
      h(
        "table",
        { class: "striped", id: "projections" },
        h("thead", null, h("tr", null, ["Name", "Generation", "State", "Checkpoint", "Lag (events)", "Lag", "Rate", "Rebuild", admin ? "Actions" : null].filter(Boolean).map((c) => h("th", { scope: "col" }, c)))),
        projectionRows,
      ),
    ),
    h("h2", null, "Lag over time"),
    h("p", { class: "who" }, "The server keeps no lag history: these plots show what this page sampled since it opened (up to an hour)."),
    h("div", { class: "grid" }, lagEvents.node, lagSeconds.node),
  );
  const refresh = async () => {
    try {
      const [subs, projections] = await Promise.all([
        api("GET", `/api/tenants/${tenant}/subscriptions`),
        api("GET", `/api/tenants/${tenant}/projections`),
      ]);
      show(status);
      sync(subscriptionRows, subs.subscriptions, "subscription", (s) => subscriptionRow(tenant, s, admin, refresh), fillSubscription);
      sync(projectionRows, projections.projections, "projection", (p) => projectionRow(tenant, p, admin, refresh), fillProjection);
      const events = {};
      const seconds = {};
      for (const s of subs.subscriptions) {
        events[s.name] = s.lagEvents;
        seconds[s.name] = s.lagSeconds;
      }
      for (const p of projections.projections) {
        events[`projection ${p.name}`] = p.lagEvents;
        seconds[`projection ${p.name}`] = p.lagSeconds;
      }
      lagEvents.add(events);
      lagSeconds.add(seconds);
    } catch (e) {
      show(status, problemView(e));
    }
  };
  await refresh();
  whileShown(section, EVERY_MS, refresh);
  return section;
}

/**
 * Keeps a table's rows in step with the server's list without rebuilding them: rows keep their
 * buttons (and the keyboard focus) while their cells are refreshed.
 */
function sync(tbody, items, kind, create, fill) {
  const seen = new Set();
  for (const item of items) {
    seen.add(item.name);
    let row = tbody.querySelector(`tr[data-${kind}="${CSS.escape(item.name)}"]`);
    if (!row) {
      row = create(item);
      tbody.append(row);
    }
    fill(row, item);
  }
  for (const row of [...tbody.children]) {
    if (!seen.has(row.getAttribute(`data-${kind}`))) row.remove();
  }
  if (items.length === 0 && tbody.children.length === 0) {
    tbody.append(h("tr", { "data-empty": "" }, h("td", { colspan: 11 }, `No ${kind}s.`)));
  } else if (items.length > 0) {
    tbody.querySelector("tr[data-empty]")?.remove();
  }
}

function cell(field) {
  return h("td", { "data-field": field });
}

function set(row, field, text) {
  const td = row.querySelector(`[data-field="${field}"]`);
  if (td && td.textContent !== text) td.textContent = text;
}

function subscriptionRow(tenant, s, admin, refresh) {
  const target = s.target.webhook ? `webhook ${s.target.webhook.url}` : `handler ${s.target.handler}`;
  const act = (action, body, done) => async () => {
    try {
      await api("POST", `/api/tenants/${tenant}/subscriptions/${s.name}/${action}`, body);
      notice(done);
      await refresh();
    } catch (e) {
      notice(`${e.message}${e.correlationId ? ` (correlation id ${e.correlationId})` : ""}`);
    }
  };
  const reset = async () => {
    const to = resetTarget(row, s.name);
    if (!to) return;
    const answer = await ask({
      title: `Reset subscription ${s.name}?`,
      text: RESET_MEANS[to] ? RESET_MEANS[to](tenant) : `It will move its checkpoint to ${to}: events up to ${to} count as delivered, and every event of ${tenant} after it is delivered (again).`,
      confirm: `Reset to ${to}`,
    });
    if (answer) await act("reset", { to }, `${s.name} reset to ${to}`)();
  };
  const row = h(
    "tr",
    { "data-subscription": s.name },
    h("th", { scope: "row" }, h("a", { href: `#/dead-letters?${new URLSearchParams({ tenant, consumer: s.name })}`, title: "Its dead letters" }, s.name)),
    h("td", null, target),
    cell("state"),
    cell("checkpoint"),
    cell("lagEvents"),
    cell("lagSeconds"),
    cell("breaker"),
    cell("failures"),
    cell("retrying"),
    cell("rate"),
    cell("lastError"),
    admin
      ? h(
          "td",
          { class: "actions" },
          h("button", { type: "button", class: "secondary", "data-action": "pause", "aria-label": `Pause ${s.name}`, onclick: act("pause", undefined, `${s.name} paused`) }, "Pause"),
          h("button", { type: "button", class: "secondary", "data-action": "resume", "aria-label": `Resume ${s.name}`, onclick: act("resume", undefined, `${s.name} resumed`) }, "Resume"),
          h(
            "select",
            { name: "reset-to", "aria-label": `Reset ${s.name} to`, onchange: () => showCheckpointField(row) },
            h("option", { value: "beginning" }, "beginning"),
            h("option", { value: "now" }, "now"),
            h("option", { value: "checkpoint" }, "a checkpoint…"),
          ),
          h(
            "span",
            { class: "reset-checkpoint", hidden: true },
            h("input", {
              name: "reset-checkpoint",
              id: `reset-checkpoint-${s.name}`,
              "aria-label": `Checkpoint to reset ${s.name} to`,
              placeholder: "e.g. 1234-56",
              inputmode: "numeric",
              autocomplete: "off",
              "aria-describedby": `reset-checkpoint-${s.name}-error`,
            }),
            h("small", { id: `reset-checkpoint-${s.name}-error`, class: "field-error", "data-field": "resetError", "aria-live": "polite" }),
          ),
          h("button", { type: "button", class: "contrast", "data-action": "reset", "aria-label": `Reset ${s.name}`, onclick: reset }, "Reset"),
        )
      : null,
  );
  return row;
}

const RESET_MEANS = {
  beginning: (tenant) => `It will deliver every event of ${tenant} again, from the first.`,
  now: () => "It will skip every event committed until now and deliver only later ones.",
};

/** A checkpoint as the API writes it: the transaction id and the position, e.g. 1234-56. */
const CHECKPOINT = /^[0-9]{1,19}-[0-9]{1,19}$/;

function showCheckpointField(row) {
  const chosen = row.querySelector("select[name=reset-to]").value === "checkpoint";
  row.querySelector(".reset-checkpoint").hidden = !chosen;
  if (chosen) row.querySelector("input[name=reset-checkpoint]").focus();
}

/**
 * Where the row's reset goes: "beginning", "now" or the checkpoint typed in; null (the field
 * marked invalid with a message saying why) for a checkpoint that is not one.
 */
function resetTarget(row, name) {
  const to = row.querySelector("select[name=reset-to]").value;
  if (to !== "checkpoint") return to;
  const field = row.querySelector("input[name=reset-checkpoint]");
  const message = row.querySelector("[data-field=resetError]");
  const value = field.value.trim();
  if (CHECKPOINT.test(value)) {
    field.removeAttribute("aria-invalid");
    message.textContent = "";
    return value;
  }
  field.setAttribute("aria-invalid", "true");
  message.textContent = value
    ? `"${value}" is not a checkpoint: use one the API returned for ${name}, such as 1234-56 (transaction id, position).`
    : `Type the checkpoint to reset ${name} to, such as 1234-56 (transaction id, position).`;
  field.focus();
  return null;
}

function fillSubscription(row, s) {
  set(row, "state", s.state);
  set(row, "checkpoint", s.checkpoint);
  set(row, "lagEvents", String(s.lagEvents));
  set(row, "lagSeconds", duration(s.lagSeconds * 1000));
  set(row, "breaker", s.breaker.state + (s.breaker.since ? ` since ${s.breaker.since}` : ""));
  set(row, "failures", String(s.failures));
  set(row, "retrying", String(s.retrying || 0));
  set(row, "rate", `${s.eventsPerSecond.toFixed(1)}/s`);
  set(row, "lastError", s.lastError || "");
  const pause = row.querySelector("[data-action=pause]");
  const resume = row.querySelector("[data-action=resume]");
  if (pause) pause.disabled = s.state === "paused";
  if (resume) resume.disabled = s.state !== "paused" && s.state !== "stopped";
}

function projectionRow(tenant, p, admin, refresh) {
  const rebuild = async () => {
    const answer = await ask({
      title: `Rebuild projection ${p.name}?`,
      text: `A new generation is built from the first event of ${tenant} beside the live one, which keeps answering reads until the new one has caught up and replaces it.`,
      confirm: "Rebuild",
    });
    if (!answer) return;
    try {
      await api("POST", `/api/tenants/${tenant}/projections/${p.name}/rebuild`);
      notice(`Rebuilding ${p.name}`);
      await refresh();
    } catch (e) {
      notice(`${e.message}${e.correlationId ? ` (correlation id ${e.correlationId})` : ""}`);
    }
  };
  return h(
    "tr",
    { "data-projection": p.name },
    h("th", { scope: "row" }, p.name),
    cell("generation"),
    cell("state"),
    cell("checkpoint"),
    cell("lagEvents"),
    cell("lagSeconds"),
    cell("rate"),
    h(
      "td",
      { "data-field": "rebuild" },
      h("progress", { "aria-label": `Rebuild of ${p.name}`, max: 1, value: 0, hidden: true }),
      h("span", { "data-field": "rebuildText" }),
    ),
    admin ? h("td", { class: "actions" }, h("button", { type: "button", class: "contrast", "data-action": "rebuild", "aria-label": `Rebuild ${p.name}`, onclick: rebuild }, "Rebuild")) : null,
  );
}

function fillProjection(row, p) {
  set(row, "generation", String(p.generation));
  set(row, "state", p.state + (p.lastError ? ` (${p.lastError})` : ""));
  set(row, "checkpoint", p.checkpoint);
  set(row, "lagEvents", String(p.lagEvents));
  set(row, "lagSeconds", duration(p.lagSeconds * 1000));
  set(row, "rate", `${p.eventsPerSecond.toFixed(1)}/s`);
  const bar = row.querySelector("progress");
  const button = row.querySelector("[data-action=rebuild]");
  if (p.rebuild) {
    const r = p.rebuild;
    bar.hidden = false;
    bar.max = Math.max(r.eventsTotal, 1);
    bar.value = r.eventsDone;
    const eta = r.etaSeconds === undefined || r.etaSeconds === null ? "" : `, about ${duration(r.etaSeconds * 1000)} left`;
    set(row, "rebuildText", `generation ${r.generation}: ${r.eventsDone} of ${r.eventsTotal} events${eta}`);
    if (button) button.disabled = true;
  } else {
    bar.hidden = true;
    set(row, "rebuildText", p.lastRebuildFinishedAt ? `last finished ${p.lastRebuildFinishedAt}` : "");
    if (button) button.disabled = false;
  }
}
