package dev.annals.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Caller} each verified token describes, kept per raw token: a client sends the same
 * token with every request, and turning its claims into roles and tenants (JSON values, sets, role
 * lookups) was 2–3% of a small read's CPU. A token's claims cannot change (its signature covers
 * them), and the container verifies the signature, issuer, audience and expiry before a request
 * reaches this cache, so an expired token never gets here. Bounded: once full, it starts over.
 */
@ApplicationScoped
public class CallerCache {

  /** Tokens kept at most; a deployment rarely has this many clients active at once. */
  static final int MAX_TOKENS = 10_000;

  private final ConcurrentHashMap<String, Caller> callers = new ConcurrentHashMap<>();

  /** The caller {@code jwt} describes. */
  public Caller of(JsonWebToken jwt) {
    String raw = jwt.getRawToken();
    if (raw == null) {
      return Caller.from(jwt);
    }
    Caller caller = callers.get(raw);
    if (caller == null) {
      if (callers.size() >= MAX_TOKENS) {
        callers.clear();
      }
      caller = Caller.from(jwt);
      callers.put(raw, caller);
    }
    return caller;
  }
}
