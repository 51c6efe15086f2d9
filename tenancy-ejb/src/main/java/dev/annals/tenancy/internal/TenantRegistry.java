package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.Tenants;
import dev.annals.tenancy.api.UnavailableException;
import dev.annals.tenancy.infrastructure.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry as requests see it: a cache of registry rows, so checking a tenant costs no query. A
 * change made on this node invalidates its entry at once; entries expire after a second, which
 * bounds how long another node's change can go unnoticed here. Writes do not depend on it: the
 * write gate where the tenant's data lives decides inside the writing transaction. Lookups run
 * outside the caller's transaction, so the registry never joins it (no two-phase commit for a
 * registry read).
 */
@ApplicationScoped
public class TenantRegistry {

  private static final long TTL_NANOS = 1_000_000_000L;

  private record Entry(Optional<Tenant> tenant, long loadedAt) {}

  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  @Inject TenantRepository repository;

  /**
   * The tenant in any state, at most a second old. A hit costs a map lookup and nothing else (no
   * interceptor, no transaction suspended); a miss reads outside the caller's transaction.
   */
  public Optional<Tenant> find(TenantId id) {
    Entry e = cache.get(id.value());
    long now = System.nanoTime();
    if (e != null && now - e.loadedAt() < TTL_NANOS) {
      return e.tenant();
    }
    try {
      Optional<Tenant> tenant = repository.findOutsideTransaction(id);
      if (tenant.isPresent()) { // unknown ids are not cached: random ids must not grow the cache
        cache.put(id.value(), new Entry(tenant, now));
      }
      return tenant;
    } catch (SQLException ex) {
      throw new UnavailableException(
          "The tenant registry cannot be read now; retry in a moment", ex);
    }
  }

  /** The tenant, unless it does not exist (or is still being created) or was deleted. */
  public Tenant requireLive(TenantId id) {
    return Tenants.live(id, find(id));
  }

  /** Forgets what is cached of the tenant (after a change on this node). */
  public void invalidate(TenantId id) {
    cache.remove(id.value());
  }
}
