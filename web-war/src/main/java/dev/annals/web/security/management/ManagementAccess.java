package dev.annals.web.security.management;

import dev.annals.web.security.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which callers may read each management endpoint: a platform admin reads both; the scrape role,
 * when one is configured, reads {@code /metrics} only. {@code /health} and {@code /openapi} are not
 * management endpoints: they stay open.
 *
 * @param scrapeRole the {@code groups} entry that lets a monitoring system's token read /metrics
 */
public record ManagementAccess(Optional<String> scrapeRole) {

  /** The endpoints this guards, by their context root. */
  public static final String METRICS = "/metrics";

  /** The OpenAPI UI's context root. */
  public static final String OPENAPI_UI = "/openapi/ui";

  /** Every guarded context root. */
  public static final List<String> GUARDED = List.of(METRICS, OPENAPI_UI);

  /** The answer for one request. */
  public enum Decision {
    ALLOW,
    UNAUTHENTICATED,
    FORBIDDEN
  }

  public ManagementAccess {
    scrapeRole = scrapeRole.map(String::strip).filter(r -> !r.isEmpty());
  }

  /**
   * @param contextRoot the endpoint's context root ({@link #METRICS} or {@link #OPENAPI_UI})
   * @param groups the verified token's {@code groups}, empty when there is no verified token
   */
  public Decision decide(String contextRoot, Optional<Set<String>> groups) {
    if (groups.isEmpty()) {
      return Decision.UNAUTHENTICATED;
    }
    Set<String> g = groups.get();
    if (g.contains(Role.PLATFORM_ADMIN.claim())) {
      return Decision.ALLOW;
    }
    boolean scraper = scrapeRole.filter(g::contains).isPresent();
    return scraper && METRICS.equals(contextRoot) ? Decision.ALLOW : Decision.FORBIDDEN;
  }
}
