package dev.annals.eventstore.api;

import java.util.List;
import java.util.Optional;

/**
 * Request rates per principal and per tenant, counted in Redis over a sliding one-second window
 * (one round trip per request). Redis is not needed for correctness: while it is down or slow the
 * check lets requests through unchecked (and counts them), it never fails or delays one.
 */
public interface RequestRates {

  /** What a limit counts. */
  enum Scope {
    /** One principal's requests, wherever they go. */
    PRINCIPAL,
    /** One principal's requests on one tenant. */
    TENANT_PRINCIPAL,
    /** All requests on one tenant. */
    TENANT
  }

  /**
   * One limit a request counts against.
   *
   * @param scope what it counts
   * @param key who it counts (a principal, a tenant, both), unique within the scope
   * @param perSecond requests per second; 0 or less: no limit (not counted)
   */
  record Limit(Scope scope, String key, int perSecond) {}

  /**
   * A refusal.
   *
   * @param scope the limit that was exceeded
   * @param perSecond that limit, in requests per second
   * @param retryAfterSeconds when a retry may pass
   */
  record Refusal(Scope scope, int perSecond, long retryAfterSeconds) {}

  /**
   * Counts one request against each limit and decides whether it may pass.
   *
   * @return the first limit exceeded, empty when the request may pass (also when Redis could not be
   *     asked)
   */
  Optional<Refusal> check(List<Limit> limits);
}
