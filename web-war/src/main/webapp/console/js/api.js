// The console's only way to the server: the public /api with the signed-in bearer token. The
// token lives in sessionStorage (this tab only, never a cookie, never in a URL after sign-in).

const KEY = "annals.token";

export function token() {
  return sessionStorage.getItem(KEY);
}

export function signIn(value) {
  sessionStorage.setItem(KEY, value.trim());
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/** A refusal from the server: status, its problem document and the request's correlation id. */
export class Problem extends Error {
  constructor(status, body, correlationId) {
    super((body && (body.title || body.detail)) || `HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.correlationId = correlationId;
  }
}

/** Calls the API; resolves to the JSON answer (or null), rejects with a Problem. */
export async function api(method, path, body) {
  const text = await send(method, path, body, "application/json");
  return text ? JSON.parse(text) : null;
}

/** Reads a text resource of the server (the Prometheus text at /metrics) with the token. */
export function fetchText(path) {
  return send("GET", path, undefined, "text/plain");
}

async function send(method, path, body, accept) {
  const headers = { Accept: accept };
  if (token()) headers.Authorization = `Bearer ${token()}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new Problem(0, { title: "The server did not answer", detail: String(e) }, null);
  }
  const correlationId = response.headers.get("X-Correlation-Id");
  const text = await response.text();
  if (!response.ok) {
    let json;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = { title: `HTTP ${response.status}`, detail: text.slice(0, 200) };
    }
    throw new Problem(response.status, json, correlationId);
  }
  return text;
}

/**
 * What the token says of its holder, for choosing what to show. The server decides what is
 * allowed; a button hidden here is a convenience, not a control.
 */
export function caller() {
  const t = token();
  if (!t) return null;
  try {
    const payload = t.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const claims = JSON.parse(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), "=")));
    const groups = claims.groups || [];
    const tenants = claims.tenants || [];
    return {
      subject: claims.sub || claims.upn || "?",
      groups,
      tenants,
      expires: claims.exp ? new Date(claims.exp * 1000) : null,
      platformAdmin: groups.includes("platform-admin"),
      tenantAdmin: groups.includes("platform-admin") || groups.includes("tenant-admin"),
      writer: groups.some((g) => ["platform-admin", "tenant-admin", "writer"].includes(g)),
    };
  } catch (e) {
    return null;
  }
}
