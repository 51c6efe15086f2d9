package dev.annals.it.eventstore;

import static dev.annals.it.Api.appendBody;
import static dev.annals.it.Api.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * $all is ordered by transaction id as a number. Transaction ids are moved to just below a power of
 * ten, so the appends cross a change in digit count (999 to 1000, 9999 to 10000), where any
 * ordering by the id's text would put the later transactions first and readers would skip.
 */
class AllOrderIT {

  @Test
  void pagingAcrossATransactionIdDigitBoundaryFollowsNumericOrder() throws Exception {
    String tenant = Api.createTenant();
    burnTransactionIdsToJustBelowAPowerOfTen(4);

    List<String> appended = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      UUID id = UUID.randomUUID();
      appended.add(id.toString());
      var r =
          Api.post(
              "/api/tenants/" + tenant + "/streams/crossing-" + i + "/events",
              appendBody("\"any\"", event(id, "Crossed", "{}")));
      assertEquals(201, r.statusCode(), r.body());
    }

    List<String> paged = new ArrayList<>();
    String after = null;
    while (true) {
      JsonObject page = AllCheckpointIT.all(tenant, after, 2);
      List<String> ids = AllCheckpointIT.ids(page);
      if (ids.isEmpty()) {
        break;
      }
      paged.addAll(ids);
      after = page.getString("checkpoint");
    }
    assertEquals(appended, paged);
    assertEquals(Db.eventIds(tenant), paged);
  }

  /** Assigns transaction ids until the next one is a few below a power of ten. */
  private static void burnTransactionIdsToJustBelowAPowerOfTen(int margin) throws SQLException {
    try (Connection c = Db.owner();
        Statement s = c.createStatement()) {
      long current = next(s);
      long boundary = 10;
      while (boundary <= current + margin) {
        boundary *= 10;
      }
      // One transaction id per COMMIT, all in one round trip (a DO block may commit when it is
      // not itself inside a transaction block).
      s.execute(
          "DO $$ BEGIN FOR i IN 1.."
              + Math.max(0, boundary - margin - current)
              + " LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$");
    }
  }

  private static long next(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT pg_current_xact_id()::text::bigint")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
