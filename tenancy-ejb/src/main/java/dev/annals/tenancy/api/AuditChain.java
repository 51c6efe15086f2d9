package dev.annals.tenancy.api;

import java.util.Optional;

/**
 * One hash chain of the audit log: the platform's, or one tenant's. A tenant's chain outlives the
 * tenant (deletion and purge keep it), and tenant ids are never reused, so it is never shared.
 *
 * @param tenant the tenant whose chain this is; empty for the platform's
 */
public record AuditChain(Optional<TenantId> tenant) {

  private static final AuditChain PLATFORM = new AuditChain(Optional.empty());

  public AuditChain {
    if (tenant == null) {
      throw new IllegalArgumentException("tenant must be present or empty, not null");
    }
  }

  /** The platform's chain. */
  public static AuditChain platform() {
    return PLATFORM;
  }

  /** The chain of {@code tenant}. */
  public static AuditChain of(TenantId tenant) {
    return new AuditChain(Optional.of(tenant));
  }

  /** The chain's name, stored in every record: {@code platform} or {@code tenant:<id>}. */
  public String name() {
    return tenant.map(t -> "tenant:" + t.value()).orElse("platform");
  }

  @Override
  public String toString() {
    return name();
  }
}
