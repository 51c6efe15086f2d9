package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.Quota;
import dev.annals.tenancy.api.QuotaSettings;
import dev.annals.tenancy.api.ReloadedCopy;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * This node's copy of the configured quotas, so an append learns its tenant's quotas without a
 * database call: reloaded at most every {@value #REFRESH_MILLIS} ms and after every change
 * committed here ({@link ReloadedCopy}).
 */
@ApplicationScoped
public class QuotaCache {

  static final long REFRESH_MILLIS = 5_000;

  @EJB LimitsLoader loader; // outside the caller's transaction

  @Inject Config config;

  private QuotaSettings defaults;

  private final ReloadedCopy<Map<String, QuotaSettings>> configured =
      new ReloadedCopy<>("the tenants' quotas", REFRESH_MILLIS, Map.of(), this::load);

  /** The server's defaults ({@link Quota#configKey}; absent, 0 or negative: unlimited). */
  @PostConstruct
  void readDefaults() {
    defaults =
        new QuotaSettings(
            configured(Quota.STREAMS),
            configured(Quota.STORAGE_BYTES),
            configured(Quota.SUBSCRIPTIONS));
  }

  private long configured(Quota quota) {
    return Math.max(0, config.getOptionalValue(quota.configKey(), Long.class).orElse(0L));
  }

  /** The server's defaults. */
  QuotaSettings defaults() {
    return defaults;
  }

  /** The tenant's enforced quotas. */
  QuotaSettings limits(String tenant) {
    return configured.get().getOrDefault(tenant, QuotaSettings.DEFAULTS).resolve(defaults());
  }

  /** The next lookup reloads the copy (after a change committed on this node). */
  void invalidate() {
    configured.invalidate();
  }

  private Map<String, QuotaSettings> load() throws java.sql.SQLException {
    Map<String, QuotaSettings> copy = new HashMap<>();
    loader.all().forEach((tenant, limits) -> copy.put(tenant, limits.quotas()));
    return Map.copyOf(copy);
  }
}
