// Tenants: the list (a platform admin pages through all; anyone else sees the tenants their token
// names), creation, suspend/resume, delete with retention, and moves with their progress.
import { api, caller } from "../api.js";
import { confirmed, h, notice, problemView, show } from "../dom.js";

const PAGE = 50;
const ISOLATIONS = ["shared", "schema", "database"];
const PHASES = ["copying", "fenced", "switched", "done"];

const STATES = ["active", "suspended", "moving", "deleted"];

export async function tenantsPage() {
  const who = caller();
  const body = h("div");
  const filter = { state: "", isolation: "" };
  const choose = (name, values) =>
    h(
      "label",
      null,
      name === "state" ? "State" : "Isolation",
      h(
        "select",
        {
          id: `filter-${name}`,
          onchange: (event) => {
            filter[name] = event.target.value;
            listInto(body, who, null, filter);
          },
        },
        h("option", { value: "" }, "any"),
        values.map((v) => h("option", { value: v }, v)),
      ),
    );
  const page = h(
    "section",
    null,
    h("h1", null, "Tenants"),
    who.platformAdmin ? createForm() : null,
    who.platformAdmin ? h("form", { class: "filters", "aria-label": "Filter tenants" }, choose("state", STATES), choose("isolation", ISOLATIONS)) : null,
    body,
  );
  await listInto(body, who, null, filter);
  return page;
}

async function listInto(target, who, after, filter) {
  try {
    let tenants;
    let next = null;
    if (who.platformAdmin) {
      const query = new URLSearchParams({ limit: String(PAGE) });
      if (after) query.set("after", after);
      if (filter.state) query.set("state", filter.state);
      if (filter.isolation) query.set("isolation", filter.isolation);
      const pageOfTenants = await api("GET", `/api/tenants?${query}`);
      tenants = pageOfTenants.tenants;
      next = pageOfTenants.next;
    } else {
      const named = who.tenants.filter((t) => t !== "*");
      tenants = (
        await Promise.all(named.map((t) => api("GET", `/api/tenants/${t}`).catch(() => null)))
      ).filter(Boolean);
    }
    show(
      target,
      tenants.length === 0
        ? h("p", null, "No tenants yet.")
        : h("div", { class: "overflow-auto" }, h(
            "table",
            { class: "striped" },
            h(
              "thead",
              null,
              h("tr", null, h("th", null, "Id"), h("th", null, "Name"), h("th", null, "Isolation"), h("th", null, "State"), who.platformAdmin ? h("th", null, "Actions") : null),
            ),
            h(
              "tbody",
              null,
              tenants.map((t) =>
                h(
                  "tr",
                  { "data-tenant": t.id },
                  h("td", null, h("a", { href: `#/tenants/${t.id}` }, t.id)),
                  h("td", null, t.name),
                  h("td", null, t.isolation),
                  h("td", null, t.state),
                  who.platformAdmin ? h("td", { class: "actions" }, lifecycleButtons(t, () => listInto(target, who, after, filter))) : null,
                ),
              ),
            ),
          )),
      next
        ? h("button", { type: "button", class: "secondary", onclick: () => listInto(target, who, next, filter) }, "Next page")
        : null,
    );
  } catch (e) {
    show(target, problemView(e));
  }
}

function createForm() {
  const id = h("input", { name: "id", id: "new-tenant-id", required: true, pattern: "[a-z][a-z0-9_]{2,39}", placeholder: "acme" });
  const name = h("input", { name: "name", id: "new-tenant-name", required: true, placeholder: "Acme Ltd" });
  const isolation = h("select", { name: "isolation", id: "new-tenant-isolation" }, ISOLATIONS.map((i) => h("option", { value: i }, i)));
  const server = h("input", { name: "server", id: "new-tenant-server", placeholder: "registered server (database mode)" });
  const result = h("div");
  return h(
    "details",
    null,
    h("summary", null, "Create a tenant"),
    h(
      "form",
      {
        id: "create-tenant",
        onsubmit: async (event) => {
          event.preventDefault();
          const request = { id: id.value, name: name.value, isolation: isolation.value };
          if (isolation.value === "database" && server.value) request.database = { server: server.value };
          try {
            await api("POST", "/api/tenants", request);
            notice(`Tenant ${request.id} created`);
            window.location.hash = `#/tenants/${request.id}`;
          } catch (e) {
            show(result, problemView(e));
          }
        },
      },
      h("div", { class: "grid" }, h("label", null, "Id", id), h("label", null, "Name", name)),
      h("div", { class: "grid" }, h("label", null, "Isolation", isolation), h("label", null, "Database server", server)),
      result,
      h("button", { type: "submit" }, "Create"),
    ),
  );
}

function lifecycleButtons(t, refresh) {
  const act = async (method, path, what) => {
    try {
      await api(method, path);
      notice(what);
      await refresh();
    } catch (e) {
      notice(`${e.message}${e.correlationId ? ` (correlation id ${e.correlationId})` : ""}`);
    }
  };
  return [
    t.state === "active"
      ? h("button", { type: "button", class: "secondary", onclick: () => act("POST", `/api/tenants/${t.id}/suspend`, `${t.id} suspended`) }, "Suspend")
      : null,
    t.state === "suspended"
      ? h("button", { type: "button", class: "secondary", onclick: () => act("POST", `/api/tenants/${t.id}/resume`, `${t.id} resumed`) }, "Resume")
      : null,
    t.state !== "deleted"
      ? h(
          "button",
          {
            type: "button",
            class: "contrast",
            onclick: () => {
              if (confirmed(`Delete tenant ${t.id}? Its data is kept for 30 days, then purged.`)) {
                act("DELETE", `/api/tenants/${t.id}`, `${t.id} deleted`);
              }
            },
          },
          "Delete",
        )
      : null,
  ];
}

export async function tenantPage(id) {
  const who = caller();
  const details = h("div");
  const section = h("section", null, h("h1", null, `Tenant ${id}`), details);
  await detailsInto(details, id, who);
  return section;
}

async function detailsInto(target, id, who) {
  let t;
  try {
    t = await api("GET", `/api/tenants/${id}`);
  } catch (e) {
    show(target, problemView(e));
    return;
  }
  const rows = [
    ["Name", t.name],
    ["Isolation", t.isolation],
    ["State", t.state],
    ["Created", t.created],
    ["Streams", t.streams],
    ["Events", t.events],
  ].filter(([, v]) => v !== undefined && v !== null);
  show(
    target,
    h("div", { class: "overflow-auto" }, h("table", null, h("tbody", null, rows.map(([k, v]) => h("tr", null, h("th", { scope: "row" }, k), h("td", { "data-field": k.toLowerCase() }, String(v))))))),
    t.move ? moveProgress(t.move) : null,
    h("p", null, h("a", { href: `#/streams?tenant=${id}` }, "Browse its streams")),
    who.platformAdmin ? h("div", null, lifecycleButtons(t, () => detailsInto(target, id, who)), t.state === "active" ? moveForm(t, () => detailsInto(target, id, who)) : null) : null,
  );
  if (t.state === "moving" && document.body.contains(target)) {
    setTimeout(() => {
      if (document.body.contains(target)) detailsInto(target, id, who);
    }, 500);
  }
}

function moveProgress(move) {
  const step = move.phase === "failed" ? 0 : PHASES.indexOf(move.phase) + 1;
  return h(
    "article",
    { id: "move" },
    h("header", null, `Move to ${move.to}: `, h("strong", { id: "move-phase" }, move.phase)),
    h("progress", { id: "move-progress", value: step, max: PHASES.length, "aria-label": "Move progress" }),
    h("small", null, `${move.eventsCopied ?? 0} events copied`),
    move.error ? h("p", { role: "alert" }, move.error) : null,
  );
}

function moveForm(t, refresh) {
  const target = h("select", { id: "move-to", "aria-label": "Move to" }, ISOLATIONS.filter((i) => i !== t.isolation).map((i) => h("option", { value: i }, i)));
  const server = h("input", { id: "move-server", placeholder: "registered server (database mode)", "aria-label": "Database server" });
  return h(
    "form",
    {
      id: "move-tenant",
      onsubmit: async (event) => {
        event.preventDefault();
        if (!confirmed(`Move tenant ${t.id} from ${t.isolation} to ${target.value}? It stays online.`)) return;
        const request = { isolation: target.value };
        if (target.value === "database" && server.value) request.database = { server: server.value };
        try {
          await api("POST", `/api/tenants/${t.id}/move`, request);
          await refresh();
        } catch (e) {
          notice(e.message);
        }
      },
    },
    h("fieldset", { role: "group" }, target, server, h("button", { type: "submit" }, "Move")),
  );
}
