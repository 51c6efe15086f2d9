package dev.annals.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.tenancy.api.TenantId;
import jakarta.json.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

  private static final TenantId ACME = new TenantId("acme");
  private static final TenantId GLOBEX = new TenantId("globex");

  @Test
  void tenantsClaimAsJsonArrayLimitsTheTenants() {
    Caller c =
        Caller.of(
            "alice",
            List.of("reader"),
            Json.createArrayBuilder().add("acme").add(Json.createValue(42)).build());
    assertTrue(c.sees(ACME));
    assertFalse(c.sees(GLOBEX));
    assertEquals(Set.of(Role.READER), c.roles());
  }

  @Test
  void starMeansEveryTenant() {
    assertTrue(Caller.of("bot", List.of("reader"), Json.createValue("*")).sees(GLOBEX));
    assertTrue(Caller.of("bot", List.of("reader"), List.of("*")).sees(GLOBEX));
  }

  @Test
  void platformAdminSeesEveryTenantWithoutATenantsClaim() {
    Caller admin = Caller.of("root", List.of("platform-admin"), null);
    assertTrue(admin.sees(GLOBEX));
    assertTrue(admin.holdsAny(Role.PLATFORM_ADMIN));
  }

  @Test
  void noTenantsClaimMeansNoTenantAndUnknownGroupsAreNoRoles() {
    Caller c = Caller.of("carol", List.of("admin", "Writer", "writer"), null);
    assertFalse(c.sees(ACME));
    assertEquals(Set.of(Role.WRITER), c.roles());
    assertFalse(c.holdsAny(Role.READER, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN));
  }

  @Test
  void aTenantNamedLikeAnotherIsNotIt() {
    Caller c = Caller.of("dave", List.of("reader"), List.of("acme_old", "ACME"));
    assertFalse(c.sees(ACME));
  }
}
