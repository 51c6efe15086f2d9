package dev.annals.tenancy.api;

import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * What happened, for the audit log; who did it and the correlation id are added when it is recorded
 * ({@link AuditActor}).
 *
 * @param scope which chains record it
 * @param action what was done, namespaced: {@code tenant.created}, {@code token.minted}, …
 * @param tenant the tenant concerned, if any (required for a scope with the tenant's chain)
 * @param target what the action was on (a tenant id, a subscription name, a path…), if anything
 * @param outcome how it ended
 * @param detail more, as a JSON object (never a secret: the log is readable by admins)
 */
public record AuditEvent(
    AuditScope scope,
    String action,
    Optional<TenantId> tenant,
    Optional<String> target,
    AuditOutcome outcome,
    JsonObject detail) {

  /** Longest action name. */
  public static final int MAX_ACTION = 100;

  /** Longest target. */
  public static final int MAX_TARGET = 500;

  /**
   * @throws IllegalArgumentException when a part is missing or too long, or a tenant scope has no
   *     tenant
   */
  public AuditEvent {
    if (scope == null || tenant == null || target == null || outcome == null || detail == null) {
      throw new IllegalArgumentException("an audit event needs every part (Optional.empty())");
    }
    if (action == null || action.isBlank() || action.length() > MAX_ACTION) {
      throw new IllegalArgumentException("audit action must be 1-" + MAX_ACTION + " characters");
    }
    if (target.isPresent() && target.get().length() > MAX_TARGET) {
      throw new IllegalArgumentException("audit target must be at most " + MAX_TARGET + " long");
    }
    if (scope != AuditScope.PLATFORM && tenant.isEmpty()) {
      throw new IllegalArgumentException("a tenant's chain needs the tenant");
    }
  }

  /**
   * A platform admin's successful action on a tenant (lifecycle, moves): recorded in the platform's
   * and the tenant's chain, its target the tenant.
   */
  public static AuditEvent onTenant(TenantId tenant, String action, JsonObject detail) {
    return new AuditEvent(
        AuditScope.PLATFORM_AND_TENANT,
        action,
        Optional.of(tenant),
        Optional.of(tenant.value()),
        AuditOutcome.SUCCEEDED,
        detail);
  }

  /** A platform-wide action (a token minted, an authentication or authorization failure). */
  public static AuditEvent onPlatform(
      String action,
      Optional<TenantId> tenant,
      Optional<String> target,
      AuditOutcome outcome,
      JsonObject detail) {
    return new AuditEvent(AuditScope.PLATFORM, action, tenant, target, outcome, detail);
  }
}
