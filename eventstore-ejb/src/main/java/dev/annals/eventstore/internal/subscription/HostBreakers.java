package dev.annals.eventstore.internal.subscription;

import dev.annals.dlq.api.BreakerStatus;
import dev.annals.dlq.api.Policies;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's webhook host breakers, one per tenant and host ({@link
 * dev.annals.eventstore.api.subscription.SubscriptionTarget.Webhook#host(java.net.URI)}), with the
 * breaker policy of the {@code annals.failures.breaker.*} defaults. Per tenant, not per host alone:
 * one tenant's subscriptions to a failing URL must not pause another tenant's deliveries to the
 * same host. Transitions are recorded like a consumer's (kind {@value #KIND}, the host as
 * consumer), so the subscriptions' view and {@code /metrics} show them; a breaker created after a
 * restart or on another node takes the recorded state over.
 */
@ApplicationScoped
public class HostBreakers {

  /** The consumer kind under which host breakers are recorded. */
  public static final String KIND = "webhook-host";

  private static final Logger LOG = Logger.getLogger(HostBreakers.class.getName());

  @EJB Policies policies;

  private final Map<String, HostBreaker> breakers = new ConcurrentHashMap<>();

  /** How long to wait before posting to {@code host}: 0 when a post may start now. */
  long permit(TenantId tenant, String host) {
    return of(tenant, host).permit(System.currentTimeMillis());
  }

  /** A post to {@code host} went through ({@code ok}, counted per event it carried) or failed. */
  void record(TenantId tenant, String host, boolean ok, int times) {
    HostBreaker breaker = of(tenant, host);
    for (int i = 0; i < times; i++) {
      breaker.record(ok, System.currentTimeMillis());
    }
  }

  private HostBreaker of(TenantId tenant, String host) {
    return breakers.computeIfAbsent(
        tenant.value() + "/" + host,
        k ->
            new HostBreaker(
                policies.defaults().breaker(),
                recorded(tenant, host),
                status -> recordTransition(tenant, host, status)));
  }

  private BreakerStatus recorded(TenantId tenant, String host) {
    try {
      return policies.breaker(tenant, KIND, host);
    } catch (RuntimeException e) {
      return BreakerStatus.CLOSED;
    }
  }

  private void recordTransition(TenantId tenant, String host, BreakerStatus status) {
    try {
      policies.recordBreaker(tenant, KIND, host, status);
    } catch (RuntimeException e) {
      LOG.log(
          Level.FINE,
          "Could not record the breaker of webhook host {0} of {1}: {2}",
          new Object[] {host, tenant, Failures.describe(e)});
    }
  }
}
