// Dead letters of a tenant: counts per consumer, letters filtered and paged on the server (a
// retrying letter with the time of its next attempt), each letter's cause and event, redrive one /
// a stream / all matching, discard with a reason. Every
// action asks first, naming what it will do. Letters are a tenant admin's: a reader is told so.
import { api, caller } from "../api.js";
import { ask, defaultTenant, h, jsonView, notice, problemView, show, tenantChooser } from "../dom.js";

const PAGE = 50;
const STATES = ["open", "retrying", "parked", "redriven", "discarded"];

export async function deadLettersPage(params) {
  const who = caller();
  const tenant = defaultTenant(who, params);
  const filter = {
    consumer: params.get("consumer") || "",
    stream: params.get("stream") || "",
    state: params.has("state") ? params.get("state") : "open",
  };
  const consumer = h("input", { id: "filter-consumer", name: "consumer", value: filter.consumer, list: "known-consumers", placeholder: "any" });
  const stream = h("input", { id: "filter-stream", name: "stream", value: filter.stream, placeholder: "any" });
  const state = h("select", { id: "filter-state", name: "state" }, h("option", { value: "" }, "any"), STATES.map((s) => h("option", { value: s, selected: s === filter.state }, s)));
  const consumers = h("datalist", { id: "known-consumers" });
  const chooser = tenantChooser(
    who,
    tenant,
    (t) => {
      const query = new URLSearchParams({ tenant: t, state: state.value });
      if (consumer.value) query.set("consumer", consumer.value);
      if (stream.value) query.set("stream", stream.value);
      window.location.hash = `#/dead-letters?${query}`;
    },
    consumers,
    h("label", null, "Consumer", consumer),
    h("label", null, "Stream", stream),
    h("label", null, "State", state),
  );
  const section = h("section", null, h("h1", null, "Dead letters"), chooser);
  if (!tenant) return section;
  if (!who.tenantAdmin) {
    section.append(h("p", { role: "note" }, "Dead letters are shown to tenant admins and platform admins only."));
    return section;
  }
  const counts = h("div", { id: "letter-counts" });
  const letters = h("div", { id: "letters" });
  const reload = async () => {
    await Promise.all([countsInto(counts, consumers, tenant, reload), lettersInto(letters, tenant, filter, null, reload)]);
  };
  section.append(h("h2", null, "Per consumer"), counts, h("h2", null, "Letters"), letters);
  await reload();
  return section;
}

function failed(e) {
  notice(`${e.message}${e.correlationId ? ` (correlation id ${e.correlationId})` : ""}`);
}

function summary(s) {
  return `${s.redriven} redriven, ${s.failed} failed again, ${s.remaining} still waiting`;
}

async function redriveSelection(tenant, consumer, stream, reload) {
  const answer = await ask({
    title: "Redrive dead letters?",
    text: stream
      ? `Every open letter of consumer ${consumer} for stream ${stream} is delivered again, then the letters parked behind it, in stream order.`
      : `Every open letter of consumer ${consumer} is delivered again, each stream's in order, then the letters parked behind them.`,
    confirm: "Redrive",
  });
  if (!answer) return;
  try {
    const body = stream ? { consumer, stream } : { consumer };
    notice(`Redrive: ${summary(await api("POST", `/api/tenants/${tenant}/dead-letters/redrive`, body))}`);
  } catch (e) {
    failed(e);
  }
  await reload();
}

async function countsInto(target, datalist, tenant, reload) {
  try {
    const { consumers } = await api("GET", `/api/tenants/${tenant}/dead-letters/counts`);
    show(datalist, consumers.map((c) => h("option", { value: c.consumer })));
    show(
      target,
      consumers.length === 0
        ? h("p", null, "No dead letters.")
        : h("div", { class: "overflow-auto" }, h(
            "table",
            { class: "striped", id: "counts" },
            h("thead", null, h("tr", null, ["Consumer", "Kind", "Open", "Retrying", "Parked", "Redriven", "Discarded", "Actions"].map((c) => h("th", { scope: "col" }, c)))),
            h(
              "tbody",
              null,
              consumers.map((c) =>
                h(
                  "tr",
                  { "data-consumer": c.consumer },
                  h("th", { scope: "row" }, h("a", { href: `#/dead-letters?${new URLSearchParams({ tenant, consumer: c.consumer, state: "open" })}` }, c.consumer)),
                  h("td", null, c.consumerKind),
                  h("td", { "data-field": "open" }, String(c.open)),
                  h("td", { "data-field": "retrying" }, String(c.retrying)),
                  h("td", { "data-field": "parked" }, String(c.parked)),
                  h("td", null, String(c.redriven)),
                  h("td", null, String(c.discarded)),
                  h(
                    "td",
                    { class: "actions" },
                    c.open > 0
                      ? h("button", { type: "button", "data-action": "redrive-consumer", "aria-label": `Redrive every open letter of ${c.consumer}`, onclick: () => redriveSelection(tenant, c.consumer, null, reload) }, "Redrive all open")
                      : null,
                  ),
                ),
              ),
            ),
          )),
    );
  } catch (e) {
    show(target, problemView(e));
  }
}

async function lettersInto(target, tenant, filter, after, reload) {
  try {
    const query = new URLSearchParams({ limit: String(PAGE) });
    for (const [k, v] of Object.entries(filter)) if (v) query.set(k, v);
    if (after) query.set("after", String(after));
    const page = await api("GET", `/api/tenants/${tenant}/dead-letters?${query}`);
    const matching = filter.consumer && filter.state !== "redriven" && filter.state !== "discarded"
      ? h(
          "button",
          { type: "button", id: "redrive-matching", onclick: () => redriveSelection(tenant, filter.consumer, filter.stream || null, reload) },
          filter.stream ? `Redrive all open letters of ${filter.consumer} on ${filter.stream}` : `Redrive all open letters of ${filter.consumer}`,
        )
      : null;
    show(
      target,
      matching,
      page.deadLetters.length === 0
        ? h("p", { id: "no-letters" }, "No letters match.")
        : h(
            "div",
            { class: "overflow-auto" },
            h(
              "table",
              { class: "striped" },
              h("thead", null, h("tr", null, ["Id", "Consumer", "Stream", "State", "Attempts", "Last failure", "Due", "Cause", "Actions"].map((c) => h("th", { scope: "col" }, c)))),
              h("tbody", null, page.deadLetters.map((l) => letterRows(tenant, l, reload))),
            ),
          ),
      h(
        "p",
        null,
        after ? h("button", { type: "button", class: "secondary", onclick: () => lettersInto(target, tenant, filter, null, reload) }, "First page") : null,
        " ",
        page.next ? h("button", { type: "button", class: "secondary", id: "next-letters", onclick: () => lettersInto(target, tenant, filter, page.next, reload) }, "Next page") : null,
      ),
    );
  } catch (e) {
    show(target, problemView(e));
  }
}

function letterRows(tenant, l, reload) {
  const detail = h("td", { colspan: 9 });
  const detailRow = h("tr", { hidden: true, "data-detail": String(l.id) }, detail);
  const inspect = async (event) => {
    const button = event.target;
    if (!detailRow.hidden) {
      detailRow.hidden = true;
      button.setAttribute("aria-expanded", "false");
      return;
    }
    try {
      const d = await api("GET", `/api/tenants/${tenant}/dead-letters/${l.id}`);
      show(
        detail,
        h("strong", null, "Cause"),
        h("p", { class: "cause" }, d.letter.cause || "—"),
        d.letter.reason ? h("p", null, `Reason: ${d.letter.reason}`) : null,
        d.stackSummary ? [h("strong", null, "Stack summary"), h("pre", { class: "json" }, d.stackSummary)] : null,
        h("strong", null, "Event"),
        d.event ? jsonView(d.event) : h("p", null, "Not kept."),
        h("small", null, `First failure ${d.letter.firstFailure || "—"}, last ${d.letter.lastFailure || "—"}, updated ${d.updatedAt}`),
      );
    } catch (e) {
      show(detail, problemView(e));
    }
    detailRow.hidden = false;
    button.setAttribute("aria-expanded", "true");
  };
  const redrive = async () => {
    const answer = await ask({
      title: `Redrive dead letter ${l.id}?`,
      text: `Event ${l.eventId} of stream ${l.streamId} is delivered to ${l.consumer} again; if it goes through, the letters parked behind it follow in order.`,
      confirm: "Redrive",
    });
    if (!answer) return;
    try {
      notice(`Letter ${l.id}: ${summary(await api("POST", `/api/tenants/${tenant}/dead-letters/${l.id}/redrive`))}`);
    } catch (e) {
      failed(e);
    }
    await reload();
  };
  const discard = async () => {
    const answer = await ask({
      title: `Discard dead letter ${l.id}?`,
      text: `Event ${l.eventId} of stream ${l.streamId} will never be delivered to ${l.consumer}; ${l.state === "parked" ? "it is given up." : "the letters parked behind it are released."} The reason goes to the audit log.`,
      confirm: "Discard",
      reason: "Reason",
    });
    if (!answer) return;
    try {
      await api("POST", `/api/tenants/${tenant}/dead-letters/${l.id}/discard`, { reason: answer.reason });
      notice(`Letter ${l.id} discarded`);
    } catch (e) {
      failed(e);
    }
    await reload();
  };
  const waiting = l.state === "open" || l.state === "retrying" || l.state === "parked";
  const heads = l.state === "open" || l.state === "retrying";
  return [
    h(
      "tr",
      { "data-letter": String(l.id), "data-state": l.state },
      h("td", null, String(l.id)),
      h("td", null, l.consumer),
      h("td", null, h("a", { href: `#/streams?${new URLSearchParams({ tenant, stream: l.streamId })}` }, l.streamId)),
      h("td", null, l.state),
      h("td", null, String(l.attempts)),
      h("td", null, l.lastFailure || "—"),
      h("td", { "data-field": "dueAt" }, l.dueAt || "—"),
      h("td", { class: "cause" }, (l.cause || l.reason || "").slice(0, 120)),
      h(
        "td",
        { class: "actions" },
        h("button", { type: "button", class: "secondary", "aria-expanded": "false", "aria-label": `Inspect letter ${l.id}`, onclick: inspect }, "Inspect"),
        heads ? h("button", { type: "button", "data-action": "redrive", "aria-label": `Redrive letter ${l.id}`, onclick: redrive }, "Redrive") : null,
        l.state === "open"
          ? h("button", { type: "button", class: "secondary", "data-action": "redrive-stream", "aria-label": `Redrive every open letter of stream ${l.streamId} for ${l.consumer}`, onclick: () => redriveSelection(tenant, l.consumer, l.streamId, reload) }, "Redrive stream")
          : null,
        waiting ? h("button", { type: "button", class: "contrast", "data-action": "discard", "aria-label": `Discard letter ${l.id}`, onclick: discard }, "Discard") : null,
      ),
    ),
    detailRow,
  ];
}
