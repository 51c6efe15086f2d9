package dev.annals.tenancy.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.tenancy.api.DatabaseServer;
import dev.annals.tenancy.api.Identifiers;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantState;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantDataSourcesTest {

  private static final Tenant ON_PG2 =
      new Tenant(
          new TenantId("acme"),
          "Acme",
          Isolation.DATABASE,
          TenantState.ACTIVE,
          Instant.EPOCH,
          Optional.of(new DatabaseServer("pg2", "pg2.internal", 5433, "pg2", 3, 20)),
          Optional.empty(),
          Optional.empty(),
          false,
          4);

  @Test
  void aPlacementsReadsDatasourceIsNamedAfterItsXaOne() {
    assertEquals(
        "jdbc/annals/tenant-reads/acme-4",
        Identifiers.readsJndiNameOf(Identifiers.jndiNameOf(new TenantId("acme"), 4)));
  }

  @Test
  void oneDeclarationHoldsTheXaAndTheReadsDatasourceOfAPlacement() {
    String xml = TenantDataSources.declaration(ON_PG2);

    assertTrue(xml.contains("id=\"annalsTenant_acme_4\" jndiName=\"jdbc/annals/tenant/acme-4\""));
    assertTrue(
        xml.contains(
            "id=\"annalsTenantReads_acme_4\" jndiName=\"jdbc/annals/tenant-reads/acme-4\""));
    assertTrue(xml.contains("type=\"javax.sql.ConnectionPoolDataSource\" transactional=\"false\""));
    assertEquals(2, count(xml, "serverName=\"pg2.internal\" portNumber=\"5433\""));
    assertEquals(2, count(xml, "databaseName=\"annals_tenant_acme\""));
    assertEquals(2, count(xml, "maxPoolSize=\"3\""), "each pool capped per tenant");
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}
