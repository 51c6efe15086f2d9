package dev.annals.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.probe.ProbeRejectedException;
import dev.annals.it.probe.TransactionProbe;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One JTA transaction spans a PostgreSQL insert through the XA datasource and a JMS send to the
 * embedded messaging engine: both arrive, or neither does; likewise with a database-mode tenant's
 * own datasource in the same transaction (a two-phase commit over two databases and JMS). The test
 * methods run inside the server; each uses a fresh id, so messages left on the persistent queue by
 * earlier runs do not matter.
 */
@ExtendWith(ArquillianExtension.class)
class TransactionSpanIT {

  private static final Duration DELIVERY = Duration.ofSeconds(10);
  private static final Duration ABSENCE = Duration.ofSeconds(2);

  /** A database-mode tenant (fresh databases each build, so a fixed id is free). */
  private static final String DATABASE_TENANT = "itxaprobe";

  @Inject private TransactionProbe probe;

  @Deployment
  static WebArchive deployment() {
    return Deployments.probes();
  }

  /** Runs on the client: the runtime role owns nothing, so the superuser creates the table. */
  @BeforeAll
  static void createProbeTable() throws InterruptedException, SQLException {
    ItServer.awaitReady(Duration.ofMinutes(2));
    try (Connection c = ItServer.ownerConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS public.it_tx_probe (id uuid PRIMARY KEY)");
      s.execute("GRANT SELECT, INSERT ON public.it_tx_probe TO annals_app");
    }
    HttpResponse<String> created =
        Api.post(
            "/api/tenants",
            "{\"id\":\"" + DATABASE_TENANT + "\",\"name\":\"XA\",\"isolation\":\"database\"}");
    assertTrue(created.statusCode() == 201 || created.statusCode() == 409, created.body());
    try (Connection c = Db.ownerOf(DATABASE_TENANT);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS public.it_tx_probe (id uuid PRIMARY KEY)");
      s.execute("GRANT SELECT, INSERT ON public.it_tx_probe TO annals_app");
    }
  }

  @Test
  void oneTransactionSpansTheTenantDatabaseThePlatformDatabaseAndJms() throws Exception {
    UUID id = UUID.randomUUID();

    probe.writeBothAndSend(DATABASE_TENANT, id, false);

    assertTrue(probe.rowExists(id), "platform row committed");
    assertTrue(probe.tenantRowExists(DATABASE_TENANT, id), "tenant database row committed");
    assertEquals(Optional.of(id.toString()), probe.receive(id, DELIVERY), "message delivered");
  }

  @Test
  void rollbackOnlyUndoesTheTenantDatabaseToo() throws Exception {
    UUID id = UUID.randomUUID();

    probe.writeBothAndSend(DATABASE_TENANT, id, true);

    assertFalse(probe.rowExists(id), "platform row rolled back");
    assertFalse(probe.tenantRowExists(DATABASE_TENANT, id), "tenant database row rolled back");
    assertEquals(Optional.empty(), probe.receive(id, ABSENCE), "message rolled back");
  }

  @Test
  void commitDeliversRowAndMessage() throws SQLException {
    UUID id = UUID.randomUUID();

    probe.writeAndSend(id);

    assertTrue(probe.rowExists(id), "row committed");
    assertEquals(Optional.of(id.toString()), probe.receive(id, DELIVERY), "message delivered");
  }

  @Test
  void rollbackOnlyDeliversNeither() throws SQLException {
    UUID id = UUID.randomUUID();

    probe.writeAndSendThenMarkRollbackOnly(id);

    assertFalse(probe.rowExists(id), "row rolled back");
    assertEquals(Optional.empty(), probe.receive(id, ABSENCE), "message rolled back");
  }

  @Test
  void rejectionAfterBothWritesDeliversNeither() throws SQLException {
    UUID id = UUID.randomUUID();

    assertThrows(ProbeRejectedException.class, () -> probe.writeAndSendThenReject(id));

    assertFalse(probe.rowExists(id), "row rolled back");
    assertEquals(Optional.empty(), probe.receive(id, ABSENCE), "message rolled back");
  }
}
