package dev.annals.web.security;

import dev.annals.tenancy.api.AuditActor;
import dev.annals.tenancy.api.AuditEvent;
import dev.annals.tenancy.api.AuditLog;
import dev.annals.tenancy.api.AuditOutcome;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records every {@link SecurityEvent} in the platform's audit chain: refusals (401, 403, a hidden
 * tenant) and minted tokens. Anyone can cause refusals, and each record waits on the chain's lock,
 * so refusals are recorded at most {@value #REFUSALS_PER_SECOND} a second on a node: the rest are
 * counted and the next recorded refusal carries that count ({@code suppressed}), so a flood leaves
 * evidence of its size without becoming a load on the database. Minted tokens are always recorded.
 * A record that cannot be written (database down) is logged, never thrown: the request's answer
 * does not depend on it.
 */
@ApplicationScoped
public class SecurityAudit {

  static final int REFUSALS_PER_SECOND = 20;

  private static final Logger LOG = Logger.getLogger(SecurityAudit.class.getName());

  @EJB AuditLog audit;

  private final AtomicLong second = new AtomicLong();
  private final AtomicLong inSecond = new AtomicLong();
  private final AtomicLong suppressed = new AtomicLong();

  void on(@Observes SecurityEvent event) {
    boolean refusal = event.kind() != SecurityEvent.Kind.TOKEN_MINTED;
    if (refusal && !withinBudget()) {
      suppressed.incrementAndGet();
      return;
    }
    JsonObjectBuilder detail = Json.createObjectBuilder();
    if (event.detail() != null) {
      detail.add("reason", event.detail());
    }
    if (refusal) {
      long earlier = suppressed.getAndSet(0);
      if (earlier > 0) {
        detail.add("suppressed", earlier);
      }
    }
    Optional<TenantId> tenant = tenantOf(event.tenant());
    try {
      audit.record(
          AuditEvent.onPlatform(
              action(event.kind()),
              tenant,
              Optional.ofNullable(event.action()).map(SecurityAudit::clip),
              refusal ? AuditOutcome.REFUSED : AuditOutcome.SUCCEEDED,
              detail.build()),
          new AuditActor(
              event.principal() == null || event.principal().isEmpty()
                  ? "(unauthenticated)"
                  : event.principal(),
              Optional.ofNullable(event.correlationId())));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not audit " + event.kind() + " of " + event.action(), e);
    }
  }

  /** Whether this refusal is among the first {@value #REFUSALS_PER_SECOND} of its second. */
  private boolean withinBudget() {
    long now = System.currentTimeMillis() / 1000;
    long current = second.get();
    if (current != now && second.compareAndSet(current, now)) {
      inSecond.set(0);
    }
    return inSecond.incrementAndGet() <= REFUSALS_PER_SECOND;
  }

  /** The tenant, when the event names a valid id (a refused path may name anything). */
  private static Optional<TenantId> tenantOf(String tenant) {
    if (tenant == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TenantId(tenant));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  static String action(SecurityEvent.Kind kind) {
    return switch (kind) {
      case AUTHENTICATION_FAILED -> "auth.unauthenticated";
      case ACCESS_DENIED -> "auth.forbidden";
      case TENANT_REFUSED -> "auth.tenant-refused";
      case TOKEN_MINTED -> "token.minted";
    };
  }

  private static String clip(String s) {
    return s.length() <= AuditEvent.MAX_TARGET ? s : s.substring(0, AuditEvent.MAX_TARGET);
  }
}
