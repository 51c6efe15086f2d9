// Audit: a chain's records a page at a time, and verifying the chain end to end.
import { api, caller } from "../api.js";
import { h, problemView, show } from "../dom.js";

export async function auditPage(params) {
  const who = caller();
  const tenant = params.get("tenant") || (who.platformAdmin ? "" : who.tenants.find((t) => t !== "*") || "");
  const base = tenant ? `/api/tenants/${tenant}/audit` : "/api/audit";
  const verdict = h("div", { id: "verdict" });
  const records = h("div");
  const chooser = h(
    "form",
    {
      class: "filters",
      onsubmit: (event) => {
        event.preventDefault();
        const value = event.target.elements.tenant.value;
        window.location.hash = value ? `#/audit?tenant=${encodeURIComponent(value)}` : "#/audit";
      },
    },
    h("label", null, "Tenant (empty: the platform's chain)", h("input", { name: "tenant", value: tenant })),
    h("button", { type: "submit" }, "Show"),
    h(
      "button",
      {
        type: "button",
        id: "verify",
        class: "secondary",
        onclick: async () => {
          try {
            const v = await api("GET", `${base}/verify`);
            show(
              verdict,
              h(
                "article",
                { role: "status" },
                v.valid ? h("strong", null, `Chain valid: ${v.records} records verified.`) : h("strong", null, `Chain broken at record ${v.firstBrokenRecord} of ${v.records}.`),
              ),
            );
          } catch (e) {
            show(verdict, problemView(e));
          }
        },
      },
      "Verify chain",
    ),
  );
  await recordsInto(records, base, null);
  return h("section", null, h("h1", null, "Audit"), chooser, verdict, records);
}

async function recordsInto(target, base, after) {
  try {
    const query = new URLSearchParams({ limit: "50" });
    if (after) query.set("after", String(after));
    const page = await api("GET", `${base}?${query}`);
    show(
      target,
      h("div", { class: "overflow-auto" }, h(
        "table",
        { class: "striped" },
        h("thead", null, h("tr", null, ["#", "Time", "Principal", "Action", "Target", "Outcome"].map((c) => h("th", null, c)))),
        h(
          "tbody",
          null,
          page.records.map((r) => h("tr", null, h("td", null, String(r.sequence)), h("td", null, r.time), h("td", null, r.principal), h("td", null, r.action), h("td", null, r.target || ""), h("td", null, r.outcome || ""))),
        ),
      )),
      page.next ? h("button", { type: "button", class: "secondary", onclick: () => recordsInto(target, base, page.next) }, "Next page") : null,
    );
  } catch (e) {
    show(target, problemView(e));
  }
}
