package dev.annals.it.saga;

import static dev.annals.it.saga.SagaIT.awaitState;
import static dev.annals.it.saga.SagaIT.defineType;
import static dev.annals.it.saga.SagaIT.paths;
import static dev.annals.it.saga.SagaIT.sagas;
import static dev.annals.it.saga.SagaIT.start;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A saga of a suspended tenant waits: a step whose outcome arrives while the tenant is suspended is
 * neither recorded nor counted as a failure, no node picks the saga up meanwhile, and after the
 * tenant resumes the saga resumes the same attempt under the same idempotency key and completes.
 */
public class SagaSuspensionIT {

  /** The node holding the saga's lease, or "" when none does. */
  private static String leaseHolder(String tenant, String id) {
    try {
      return Db.tenantColumn(
              tenant,
              "SELECT coalesce(node, '') FROM sagas WHERE tenant_id = ? AND saga_id = ?",
              tenant,
              id)
          .get(0);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aSagaOfASuspendedTenantWaitsThenResumesTheSameAttempt() throws Exception {
    String t = Api.createTenant();
    String run = UUID.randomUUID().toString();
    try (StepReceiver receiver = new StepReceiver()) {
      String type = defineType(t, receiver, run);
      receiver.holdFirst(run + "/two");
      String id =
          start(t, "{\"type\":\"" + type + "\",\"data\":{\"order\":\"o-3\"}}", 201).getString("id");
      receiver.awaitHeld(run + "/two");

      assertEquals(200, Api.post("/api/tenants/" + t + "/suspend", "").statusCode());
      receiver.release(run + "/two"); // its 200 comes while the tenant is suspended
      SagaIT.await("the run to end", () -> leaseHolder(t, id), ""::equals);
      JsonObject waiting = Api.json(Api.get(sagas(t) + "/" + id));
      assertEquals("running", waiting.getString("state"), waiting.toString());
      JsonObject two = waiting.getJsonArray("steps").getJsonObject(1);
      assertEquals("running", two.getString("state"), "nothing recorded, no failure");
      assertEquals(1, two.getInt("attempts"));

      assertEquals(200, Api.post("/api/tenants/" + t + "/resume", "").statusCode());
      JsonObject done = awaitState(t, id, "completed");
      assertEquals(1, done.getJsonArray("steps").getJsonObject(1).getInt("attempts"));
      assertEquals(List.of("one", "two", "two", "three"), paths(receiver, run));
      assertEquals(
          List.of(id + ":two", id + ":two"),
          receiver.calls(run + "/two").stream().map(StepReceiver.Call::idempotencyKey).toList(),
          "the resumed attempt calls again under the same key");
    }
  }
}
