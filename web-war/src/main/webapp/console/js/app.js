// The console's shell: sign-in (a token from the URL fragment is taken and removed at once),
// navigation by the URL's hash, and one page at a time in <main>.
import { caller, signIn, signOut, token } from "./api.js";
import { h, show } from "./dom.js";
import { signInPage } from "./pages/signin.js";
import { tenantsPage, tenantPage } from "./pages/tenants.js";
import { streamsPage } from "./pages/streams.js";
import { auditPage } from "./pages/audit.js";
import { subscriptionsPage } from "./pages/subscriptions.js";
import { deadLettersPage } from "./pages/deadletters.js";
import { sagasPage, sagaPage } from "./pages/sagas.js";
import { overviewPage } from "./pages/overview.js";

const routes = [
  [/^#\/tenants\/([a-z][a-z0-9_]{2,39})$/, (m) => tenantPage(m[1])],
  [/^#\/tenants$/, () => tenantsPage()],
  [/^#\/streams(?:\?(.*))?$/, (m) => streamsPage(new URLSearchParams(m[1] || ""))],
  [/^#\/audit(?:\?(.*))?$/, (m) => auditPage(new URLSearchParams(m[1] || ""))],
  [/^#\/subscriptions(?:\?(.*))?$/, (m) => subscriptionsPage(new URLSearchParams(m[1] || ""))],
  [/^#\/dead-letters(?:\?(.*))?$/, (m) => deadLettersPage(new URLSearchParams(m[1] || ""))],
  [/^#\/sagas\/([a-z][a-z0-9_]{2,39})\/([^/?#]+)$/, (m) => sagaPage(m[1], decodeURIComponent(m[2]))],
  [/^#\/sagas(?:\?(.*))?$/, (m) => sagasPage(new URLSearchParams(m[1] || ""))],
  [/^#\/overview$/, () => overviewPage()],
];

function takeTokenFromFragment() {
  const hash = window.location.hash;
  if (hash.startsWith("#token=")) {
    signIn(decodeURIComponent(hash.slice("#token=".length)));
    history.replaceState(null, "", window.location.pathname + "#/tenants");
  }
}

function navigation(who) {
  const nav = document.getElementById("nav");
  if (!who) {
    show(nav);
    return;
  }
  show(
    nav,
    h("li", null, h("a", { href: "#/overview" }, "Overview")),
    h("li", null, h("a", { href: "#/tenants" }, "Tenants")),
    h("li", null, h("a", { href: "#/streams" }, "Streams")),
    h("li", null, h("a", { href: "#/subscriptions" }, "Subscriptions")),
    who.tenantAdmin ? h("li", null, h("a", { href: "#/dead-letters" }, "Dead letters")) : null,
    h("li", null, h("a", { href: "#/sagas" }, "Sagas")),
    h("li", null, h("a", { href: "#/audit" }, "Audit")),
    h("li", { class: "who" }, `${who.subject} (${who.groups.join(", ") || "no roles"})`),
    h(
      "li",
      null,
      h(
        "button",
        {
          class: "secondary outline",
          type: "button",
          onclick: () => {
            signOut();
            window.location.hash = "#/signin";
            render();
          },
        },
        "Sign out",
      ),
    ),
  );
}

// Each render is numbered: a page that finishes loading after the address moved on is dropped,
// so a slow page never replaces the one asked for later.
let renders = 0;

async function render() {
  const generation = ++renders;
  const main = document.getElementById("main");
  const who = token() ? caller() : null;
  navigation(who);
  if (!who) {
    show(main, signInPage(() => {
      window.location.hash = "#/tenants";
      render();
    }));
    return;
  }
  const hash = window.location.hash || "#/tenants";
  for (const [pattern, page] of routes) {
    const match = hash.match(pattern);
    if (match) {
      show(main, h("p", { "aria-busy": "true" }, "Loading…"));
      const shown = await page(match);
      if (generation !== renders) return;
      show(main, shown);
      main.focus();
      // When the page's data first shows: what the benchmark reads as the page's first paint.
      performance.mark("annals:page-shown", { detail: hash });
      return;
    }
  }
  window.location.hash = "#/tenants";
}

takeTokenFromFragment();
window.addEventListener("hashchange", render);
render();
