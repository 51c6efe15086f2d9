package dev.annals.web.security.management;

import static dev.annals.web.security.management.ManagementAccess.Decision.ALLOW;
import static dev.annals.web.security.management.ManagementAccess.Decision.FORBIDDEN;
import static dev.annals.web.security.management.ManagementAccess.Decision.UNAUTHENTICATED;
import static dev.annals.web.security.management.ManagementAccess.METRICS;
import static dev.annals.web.security.management.ManagementAccess.OPENAPI_UI;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManagementAccessTest {

  private final ManagementAccess withScrapeRole = new ManagementAccess(Optional.of("scraper"));
  private final ManagementAccess withoutScrapeRole = new ManagementAccess(Optional.empty());

  @Test
  void noVerifiedTokenIsUnauthenticated() {
    assertEquals(UNAUTHENTICATED, withScrapeRole.decide(METRICS, Optional.empty()));
    assertEquals(UNAUTHENTICATED, withScrapeRole.decide(OPENAPI_UI, Optional.empty()));
  }

  @Test
  void aPlatformAdminReadsBoth() {
    Optional<Set<String>> admin = Optional.of(Set.of("platform-admin"));
    assertEquals(ALLOW, withoutScrapeRole.decide(METRICS, admin));
    assertEquals(ALLOW, withoutScrapeRole.decide(OPENAPI_UI, admin));
  }

  @Test
  void theScrapeRoleReadsMetricsOnly() {
    Optional<Set<String>> scraper = Optional.of(Set.of("scraper"));
    assertEquals(ALLOW, withScrapeRole.decide(METRICS, scraper));
    assertEquals(FORBIDDEN, withScrapeRole.decide(OPENAPI_UI, scraper));
    assertEquals(FORBIDDEN, withoutScrapeRole.decide(METRICS, scraper));
  }

  @Test
  void tenantRolesAreForbidden() {
    for (String role : new String[] {"tenant-admin", "writer", "reader"}) {
      assertEquals(FORBIDDEN, withScrapeRole.decide(METRICS, Optional.of(Set.of(role))), role);
      assertEquals(FORBIDDEN, withScrapeRole.decide(OPENAPI_UI, Optional.of(Set.of(role))), role);
    }
    assertEquals(FORBIDDEN, withScrapeRole.decide(METRICS, Optional.of(Set.of())));
  }

  @Test
  void aBlankScrapeRoleIsNone() {
    ManagementAccess blank = new ManagementAccess(Optional.of("  "));
    assertEquals(FORBIDDEN, blank.decide(METRICS, Optional.of(Set.of("  "))));
    assertEquals(FORBIDDEN, blank.decide(METRICS, Optional.of(Set.of(""))));
  }
}
