// Building the page from data without ever parsing it as markup: every value becomes a text node
// or an attribute, so nothing a tenant stored (event data, names, errors) can run as script.

/** An element with attributes (on… keys are listeners) and children (nodes or text). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "value") {
      el.value = value;
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces what the target shows. */
export function show(target, ...nodes) {
  target.replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined));
}

/** A problem (RFC 9457) as the page shows it: title, detail and the correlation id. */
export function problemView(error) {
  const body = error.body || {};
  return h(
    "div",
    { class: "problem", role: "alert" },
    h("strong", null, body.title || error.message || "Request failed"),
    body.detail ? h("p", null, body.detail) : null,
    h("small", null, `HTTP ${error.status ?? "?"}`, error.correlationId ? ` · correlation id ${error.correlationId}` : ""),
  );
}

/** A JSON value pretty-printed as text. */
export function jsonView(value) {
  return h("pre", { class: "json" }, JSON.stringify(value, null, 2));
}

/** Asks before something destructive, naming what it will do. */
export function confirmed(what) {
  return window.confirm(what);
}

/** A short notice in the corner. */
export function notice(text) {
  const toast = document.getElementById("toast");
  show(toast, h("article", null, text));
  setTimeout(() => toast.replaceChildren(), 4000);
}

/** An SVG element (the timeline's bars): attributes only, never markup. */
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) el.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/**
 * Asks before something destructive in a modal dialog that names what will happen; with
 * {reason: "…"} it also asks for a reason (required). Resolves to null when cancelled, else to
 * {reason}. Escape cancels; the dialog's own buttons are the only controls while it is open.
 */
export function ask({ title, text, confirm, reason }) {
  return new Promise((resolve) => {
    const field = reason ? h("textarea", { id: "ask-reason", name: "reason", required: true, rows: 3 }) : null;
    const dialog = h("dialog", { id: "ask", "aria-labelledby": "ask-title" });
    const close = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    dialog.append(
      h(
        "article",
        null,
        h("h2", { id: "ask-title" }, title),
        h("p", { id: "ask-text" }, text),
        h(
          "form",
          {
            method: "dialog",
            onsubmit: (event) => {
              event.preventDefault();
              if (field && !field.value.trim()) {
                field.setAttribute("aria-invalid", "true");
                field.focus();
                return;
              }
              close({ reason: field ? field.value.trim() : null });
            },
          },
          field ? h("label", { for: "ask-reason" }, reason, field) : null,
          h(
            "footer",
            null,
            h("button", { type: "button", class: "secondary", id: "ask-cancel", onclick: () => close(null) }, "Cancel"),
            h("button", { type: "submit", id: "ask-confirm" }, confirm),
          ),
        ),
      ),
    );
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      close(null);
    });
    document.body.append(dialog);
    dialog.showModal();
    (field || dialog.querySelector("#ask-cancel")).focus();
  });
}

/**
 * The tenant a tenant-scoped page shows: a field (with the token's tenants to choose from) that
 * reloads the page for another tenant.
 */
export function tenantChooser(who, current, go, ...more) {
  const tenants = who.tenants.filter((t) => t !== "*");
  const field = h("input", { id: "tenant", name: "tenant", required: true, value: current, list: "known-tenants", pattern: "[a-z][a-z0-9_]{2,39}" });
  return h(
    "form",
    {
      class: "filters",
      "aria-label": "Choose a tenant",
      onsubmit: (event) => {
        event.preventDefault();
        go(field.value, event.target);
      },
    },
    h("datalist", { id: "known-tenants" }, tenants.map((t) => h("option", { value: t }))),
    h("label", null, "Tenant", field),
    more,
    h("button", { type: "submit" }, "Show"),
  );
}

/** The tenant a page starts on: the address's, else the token's first. */
export function defaultTenant(who, params) {
  return params.get("tenant") || who.tenants.find((t) => t !== "*") || "";
}

/** Runs {@code tick} every {@code ms} while {@code node} is on the page (polling stops with it). */
export function whileShown(node, ms, tick) {
  const timer = setInterval(() => {
    if (!document.body.contains(node)) {
      clearInterval(timer);
      return;
    }
    tick();
  }, ms);
}

/** A duration in milliseconds as people read it. */
export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
}
