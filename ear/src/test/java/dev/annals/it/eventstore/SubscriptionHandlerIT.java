package dev.annals.it.eventstore;

import static dev.annals.it.eventstore.SubscriptionsApi.append;
import static dev.annals.it.eventstore.SubscriptionsApi.await;
import static dev.annals.it.eventstore.SubscriptionsApi.effectSources;
import static dev.annals.it.eventstore.SubscriptionsApi.handlerBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions to the in-process test handler ({@code it-effects}, which appends one effect per
 * delivered event in the delivery transaction), in the suite's isolation mode: nothing skipped or
 * repeated past a slow transaction, a failing handler's writes rolled back with the checkpoint,
 * pause, resume and reset.
 */
class SubscriptionHandlerIT {

  private static String name() {
    return "sub-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aSlowTransactionHoldingALowerPositionIsNeitherSkippedNorRepeated() throws Exception {
    String tenant = Api.createTenant();
    String sub = name();
    List<String> before = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      before.add(append(tenant, "orders-a", "Placed", "{\"n\":" + i + "}"));
    }
    String held = UUID.randomUUID().toString();
    try (Connection slow = Db.openAppend(tenant, "orders-held", held)) {
      // These commit while the held transaction (lower position, lower transaction id) is open;
      // the subscriptions are created after that, so every read they make sees them committed.
      for (int i = 0; i < 5; i++) {
        append(tenant, "orders-b", "Placed", "{\"n\":" + i + "}");
      }
      JsonObject fromNow =
          SubscriptionsApi.create(tenant, handlerBody(name(), "orders-", "now"))
              .getJsonObject("subscription");
      assertEquals(
          SubscriptionsApi.checkpointOf(tenant, before.get(2)),
          fromNow.getString("checkpoint"),
          "\"now\" stops before the open transaction");
      SubscriptionsApi.create(tenant, handlerBody(sub, "orders-", "beginning"));
      assertEquals(
          before,
          await(
              "the events before the open transaction",
              () -> effectSources(tenant, sub),
              s -> s.size() >= 3),
          "only what precedes the open transaction");
      slow.commit();
    }

    List<String> expected = SubscriptionsApi.orderIds(tenant);
    List<String> delivered =
        await("every event", () -> effectSources(tenant, sub), s -> s.size() >= 9);
    assertEquals(9, expected.size());
    assertEquals(expected, delivered, "every event once, in $all order");
    assertTrue(delivered.indexOf(held) == 3, "the held event right after the first three");
    // Its own effects follow in $all (committed with the last delivery): it passes over them,
    // filtered out, to the head once a wake-up or a re-read comes after that commit.
    String head = lastCheckpoint(tenant);
    JsonObject shown =
        await(
            "the subscription past its own effects, at the head",
            () -> SubscriptionsApi.get(tenant, sub),
            s -> s.getString("state").equals("live") && head.equals(s.getString("checkpoint")));
    assertEquals(9, shown.getJsonNumber("delivered").longValue());
  }

  @Test
  void aHandlerThatThrowsRollsBackItsWritesAndTheCheckpointTogether() throws Exception {
    String tenant = Api.createTenant();
    String sub = name();
    append(tenant, "failing-" + sub, "Switched", "{\"on\":true}"); // version 1: fail
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      orders.add(append(tenant, "orders-" + i, "Placed", "{}"));
    }
    SubscriptionsApi.create(tenant, handlerBody(sub, "orders-", "beginning"));

    JsonObject failing =
        await(
            "repeated failures, the events retrying beside the flow",
            () -> SubscriptionsApi.get(tenant, sub),
            s -> s.getInt("failures") >= 2 && s.getJsonNumber("retrying").longValue() == 3);
    assertTrue(failing.getString("lastError").contains("refused on purpose"), failing.toString());
    assertEquals(0, failing.getJsonNumber("delivered").longValue());
    assertEquals(List.of(), effectSources(tenant, sub), "the effects written before the throw");
    List<JsonObject> letters = SubscriptionsApi.deadLetters(tenant, sub);
    assertEquals(3, letters.size(), letters.toString());
    for (JsonObject letter : letters) {
      assertEquals("retrying", letter.getString("state"), letter.toString());
      assertTrue(letter.getInt("attempts") >= 1, letter.toString());
      assertTrue(letter.getString("cause").contains("refused on purpose"), letter.toString());
    }

    append(tenant, "failing-" + sub, "Switched", "{\"on\":false}"); // version 2: succeed
    List<String> delivered =
        await("delivery after the failures", () -> effectSources(tenant, sub), s -> s.size() >= 3);
    // Each order is its own stream, retried on its own: no order among them is promised.
    assertEquals(
        orders.stream().sorted().toList(),
        delivered.stream().sorted().toList(),
        "each event's effect exactly once");
    await(
        "the retries counted",
        () -> SubscriptionsApi.get(tenant, sub),
        s -> s.getJsonNumber("delivered").longValue() == 3);
    JsonObject recovered = awaitLive(tenant, sub);
    assertEquals(0, recovered.getInt("failures"));
    assertFalse(present(recovered, "lastError"), recovered.toString());
    assertEquals(3, recovered.getJsonNumber("delivered").longValue());
    assertEquals(lastCheckpoint(tenant), recovered.getString("checkpoint"));
  }

  @Test
  void pauseResumeAndResetMoveDeliveryAsAsked() throws Exception {
    String tenant = Api.createTenant();
    String sub = name();
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      orders.add(append(tenant, "orders-x", "Placed", "{}"));
    }
    SubscriptionsApi.create(tenant, handlerBody(sub, "orders-", "beginning"));
    await("delivery", () -> effectSources(tenant, sub), s -> s.size() == 3);
    awaitLive(tenant, sub);

    JsonObject paused = SubscriptionsApi.post(tenant, sub, "pause", null);
    assertEquals("paused", paused.getString("state"));
    assertFalse(present(paused, "node"), "a paused one has no node");
    orders.add(append(tenant, "orders-x", "Placed", "{}"));
    orders.add(append(tenant, "orders-x", "Placed", "{}"));
    await(
        "the paused subscription's lag",
        () -> SubscriptionsApi.get(tenant, sub),
        s -> s.getJsonNumber("lagEvents").longValue() == 2);
    assertEquals(3, effectSources(tenant, sub).size(), "nothing delivered while paused");

    assertTrue(
        List.of("catching_up", "live")
            .contains(SubscriptionsApi.post(tenant, sub, "resume", null).getString("state")));
    assertEquals(
        orders, await("resumed delivery", () -> effectSources(tenant, sub), s -> s.size() >= 5));

    SubscriptionsApi.post(tenant, sub, "reset", "{\"to\":\"beginning\"}");
    List<String> again =
        await(
            "redelivery from the beginning", () -> effectSources(tenant, sub), s -> s.size() >= 10);
    assertEquals(orders, again.subList(5, 10));

    String third = SubscriptionsApi.checkpointOf(tenant, orders.get(2));
    JsonObject reset = SubscriptionsApi.post(tenant, sub, "reset", "{\"to\":\"" + third + "\"}");
    assertEquals(third, reset.getString("checkpoint"));
    List<String> tail =
        await(
            "redelivery after a checkpoint", () -> effectSources(tenant, sub), s -> s.size() >= 12);
    assertEquals(orders.subList(3, 5), tail.subList(10, 12));
    assertEquals(5, new HashSet<>(tail).size());
  }

  /**
   * A subscription catching up reads each next page while its batch commits (read-ahead). Resets to
   * the beginning, sent while it catches up, may land anywhere: during a batch (whose
   * compare-and-set then fails), or between a batch and the next, whose page was read ahead from
   * the old checkpoint and must not be taken. Whatever the timing, the effects are runs that each
   * start at the first event and go on without a gap or a repeat, the last one complete: a page
   * taken after a reset would show as a run that does not start at the first event.
   */
  @Test
  void resetsWhileCatchingUpRestartAtTheFirstEventWithNothingSkippedOrRepeated() throws Exception {
    String tenant = Api.createTenant();
    String sub = name();
    List<String> orders = new ArrayList<>();
    for (int a = 0; a < 6; a++) { // 6 appends of 150 events: 9 full batches of 100
      List<String> events = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        UUID id = UUID.randomUUID();
        orders.add(id.toString());
        events.add(Api.event(id, "Placed", "{\"n\":" + i + "}"));
      }
      var r =
          Api.post(
              "/api/tenants/" + tenant + "/streams/orders-" + a + "/events",
              Api.appendBody("\"any\"", events.toArray(String[]::new)));
      assertEquals(201, r.statusCode(), r.body());
    }
    assertEquals(orders, SubscriptionsApi.orderIds(tenant));
    SubscriptionsApi.create(tenant, handlerBody(sub, "orders-", "beginning"));
    int afterLastReset = 0;
    int beforeLastReset = 0;
    for (int resets = 0; resets < 3; resets++) {
      // Delivery went on since the last reset (it may have finished a whole run by now already).
      int seen = afterLastReset;
      await("delivery to go on", () -> effectSources(tenant, sub), s -> s.size() > seen);
      beforeLastReset = effectSources(tenant, sub).size();
      SubscriptionsApi.post(tenant, sub, "reset", "{\"to\":\"beginning\"}");
      afterLastReset = effectSources(tenant, sub).size(); // may hold the new run's first batches
    }
    // Caught up after the last reset: the effects end with one whole run, which began after the
    // effects counted before that reset was sent (a quiet machine commits the new run's first
    // batches before a count after the reset could be read, so no count marks where it starts).
    awaitLive(tenant, sub);
    String first = orders.get(0);
    List<String> effects =
        await(
            "a whole run after the last reset",
            () -> effectSources(tenant, sub),
            s -> s.size() - s.lastIndexOf(first) == orders.size());
    int lastRun = effects.lastIndexOf(first);
    assertTrue(
        lastRun >= beforeLastReset,
        "the last run began after the last reset was sent: " + lastRun + ", " + beforeLastReset);
    assertEquals(
        orders, effects.subList(lastRun, effects.size()), "one whole run after the last reset");
    int next = 0; // the index in orders the next effect continues the run with
    int runs = 0;
    for (int i = 0; i < effects.size(); i++) {
      if (next < orders.size() && effects.get(i).equals(orders.get(next))) {
        runs += next == 0 ? 1 : 0;
        next++;
      } else {
        assertEquals(
            orders.get(0), effects.get(i), "effect " + i + " neither follows nor restarts");
        runs++;
        next = 1;
      }
    }
    assertTrue(runs >= 2 && runs <= 4, "one run, and one more after each reset at most: " + runs);
    awaitLive(tenant, sub);
    assertEquals(effects, effectSources(tenant, sub), "nothing delivered after the whole run");
  }

  @Test
  void anotherDriverTakesOverWhenTheLeaseHolderStopsRenewing() throws Exception {
    String tenant = Api.createTenant();
    String sub = name();
    append(tenant, "orders-l", "Placed", "{}");
    SubscriptionsApi.create(tenant, handlerBody(sub, "orders-", "beginning"));
    JsonObject running = awaitLive(tenant, sub);
    assertEquals(1, running.getJsonNumber("delivered").longValue());

    // A node that is gone holds a live lease: this server may not deliver.
    setLease(tenant, sub, "dead-node", "interval '1 hour'");
    String second = append(tenant, "orders-l", "Placed", "{}");
    await(
        "the event to be visible",
        () -> SubscriptionsApi.get(tenant, sub),
        s -> s.getJsonNumber("lagEvents").longValue() == 1);
    assertEquals("dead-node", SubscriptionsApi.get(tenant, sub).getString("node"));
    assertEquals(1, effectSources(tenant, sub).size(), "no delivery under another node's lease");

    // Its lease expires: a live driver claims the subscription at its next scan (this server or the
    // second test node, annals-it-b, whichever scans first).
    setLease(tenant, sub, "dead-node", "interval '-1 second'");
    List<String> delivered =
        await("the takeover", () -> effectSources(tenant, sub), s -> s.size() >= 2);
    assertEquals(second, delivered.get(1));
    awaitLive(tenant, sub);
    assertNotEquals("dead-node", SubscriptionsApi.get(tenant, sub).getString("node"));
  }

  private static void setLease(String tenant, String sub, String node, String from)
      throws Exception {
    try (Connection c = Db.ownerOf(tenant);
        var ps =
            c.prepareStatement(
                "UPDATE subscriptions SET node = ?, lease_until = now() + "
                    + from
                    + " WHERE tenant_id = ? AND name = ?")) {
      ps.setString(1, node);
      ps.setString(2, tenant);
      ps.setString(3, sub);
      assertEquals(1, ps.executeUpdate());
    }
  }

  private static JsonObject awaitLive(String tenant, String sub) {
    return await(
        "subscription " + sub + " at the head",
        () -> SubscriptionsApi.get(tenant, sub),
        s -> s.getString("state").equals("live") && present(s, "node"));
  }

  /** Whether the view carries a (non-null) value for {@code key}: absent values are omitted. */
  private static boolean present(JsonObject view, String key) {
    return view.containsKey(key) && !view.isNull(key);
  }

  /** The checkpoint of the tenant's last event. */
  private static String lastCheckpoint(String tenant) throws Exception {
    List<String> all = Db.eventIds(tenant);
    return SubscriptionsApi.checkpointOf(tenant, all.get(all.size() - 1));
  }
}
