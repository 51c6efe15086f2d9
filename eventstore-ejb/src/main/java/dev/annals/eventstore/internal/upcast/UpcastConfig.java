package dev.annals.eventstore.internal.upcast;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Upcasting tunables (MicroProfile Config). */
@ApplicationScoped
public class UpcastConfig {

  @Inject
  @ConfigProperty(name = "annals.upcasters.cache-ttl-ms", defaultValue = "5000")
  long cacheTtlMs;

  /**
   * How long a node uses a tenant's declarative upcasters before reading them again: the longest a
   * change made on another node takes to apply here (this node's own changes apply at once).
   */
  public long cacheTtlMs() {
    return Math.max(0, cacheTtlMs);
  }
}
