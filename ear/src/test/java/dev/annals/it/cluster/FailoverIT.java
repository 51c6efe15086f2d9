package dev.annals.it.cluster;

import static dev.annals.it.eventstore.SubscriptionsApi.await;
import static dev.annals.it.eventstore.SubscriptionsApi.effectSources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annals.it.Api;
import dev.annals.it.eventstore.SubscriptionsApi;
import dev.annals.it.eventstore.WebhookReceiver;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node that dies while it drives subscriptions: node B drives a handler subscription (the test
 * handler {@code it-effects}, exactly-once effects) and a webhook subscription while events are
 * appended on node A; B is killed ({@code kill -9}: no clean stop, no lease handed back), A takes
 * both over when the leases expire, and in the end every event has exactly one effect, in {@code
 * $all} order, and the webhook receiver got every event at least once, in per-stream order once
 * deduplicated on {@code eventId}. B is started again before the test ends.
 */
class FailoverIT {

  private static final Logger LOG = Logger.getLogger(FailoverIT.class.getName());

  @BeforeAll
  static void nodeBIsUp() throws InterruptedException {
    NodeB.awaitReady(Duration.ofMinutes(5));
  }

  @Test
  void killingTheDrivingNodeHandsItsSubscriptionsOverWithNothingLostOrAppliedTwice()
      throws Exception {
    // -Dit.test names it for the schema- and database-mode runs too: one run is enough.
    assumeTrue("shared".equals(Api.defaultIsolation()), "runs with shared-mode tenants only");
    String tenant = Api.createTenant("shared");
    String handled = "fo-" + UUID.randomUUID().toString().substring(0, 8);
    String hooked = "fo-hook-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> appended = new CopyOnWriteArrayList<>();
    Map<String, List<String>> appendedByStream = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      appendOne(tenant, i, appended, appendedByStream);
    }
    boolean killed = false;
    ExecutorService writer = Executors.newSingleThreadExecutor();
    AtomicBoolean stop = new AtomicBoolean();
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      SubscriptionsApi.create(
          tenant, SubscriptionsApi.handlerBody(handled, "orders-", "beginning"));
      SubscriptionsApi.create(
          tenant, SubscriptionsApi.webhookBody(hooked, "orders-", receiver.url()));
      String nodeB = NodeB.nodeId();
      for (String sub : List.of(handled, hooked)) {
        NodeB.drive(tenant, sub, nodeB);
      }
      int beforeWriting = appended.size();
      await(
          "node B's deliveries",
          () -> effectSources(tenant, handled).size(),
          n -> n >= beforeWriting);

      Future<?> writing =
          writer.submit(
              () -> {
                for (int i = beforeWriting; !stop.get(); i++) {
                  appendOne(tenant, i, appended, appendedByStream);
                }
                return null;
              });
      // Kill B while it delivers: events are coming in and it has delivered some of them.
      int target = beforeWriting + 20;
      await(
          "node B delivering under load",
          () -> effectSources(tenant, handled).size(),
          n -> n >= target);
      assertEquals(nodeB, nodeOf(tenant, handled), "still node B's");
      NodeB.kill();
      killed = true;
      long killedAt = System.nanoTime();

      for (String sub : List.of(handled, hooked)) {
        awaitTakeover(tenant, sub, nodeB);
      }
      LOG.info(
          () ->
              "Taken over "
                  + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt)
                  + " ms after the kill");
      int afterTakeover = appended.size() + 20;
      await("appends after the takeover", appended::size, n -> n >= afterTakeover);
      stop.set(true);
      writing.get(1, TimeUnit.MINUTES);

      List<String> expected = SubscriptionsApi.orderIds(tenant);
      assertEquals(Set.copyOf(appended), Set.copyOf(expected), "acknowledged = stored");
      List<String> effects =
          await(
              "every event's effect",
              () -> effectSources(tenant, handled),
              s -> s.size() >= expected.size());
      assertEquals(expected, effects, "each event's effect exactly once, in $all order");

      Map<String, List<String>> received =
          await(
              "every event at the receiver",
              () -> firstArrivals(receiver),
              r -> r.values().stream().mapToInt(List::size).sum() >= expected.size());
      assertEquals(
          byStreamCopy(appendedByStream),
          received,
          "every event at least once, in per-stream order once deduplicated");
    } finally {
      stop.set(true);
      writer.shutdownNow();
      if (killed) {
        NodeB.start();
      }
    }
  }

  private static void appendOne(
      String tenant, int i, List<String> appended, Map<String, List<String>> byStream) {
    String stream = "orders-" + (i % 4);
    String id = SubscriptionsApi.append(tenant, stream, "Placed", "{\"i\":" + i + "}");
    appended.add(id);
    synchronized (byStream) {
      byStream.computeIfAbsent(stream, s -> new ArrayList<>()).add(id);
    }
  }

  private static Map<String, List<String>> byStreamCopy(Map<String, List<String>> byStream) {
    synchronized (byStream) {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      byStream.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return copy;
    }
  }

  /** What the receiver got, per stream, each event at its first arrival (receivers dedupe). */
  private static Map<String, List<String>> firstArrivals(WebhookReceiver receiver) {
    Set<String> seen = new LinkedHashSet<>();
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (WebhookReceiver.Request r : receiver.acknowledged()) {
      for (JsonValue e : r.json().getJsonArray("events")) {
        JsonObject event = e.asJsonObject();
        if (seen.add(event.getString("eventId"))) {
          out.computeIfAbsent(event.getString("streamId"), s -> new ArrayList<>())
              .add(event.getString("eventId"));
        }
      }
    }
    return out;
  }

  private static String nodeOf(String tenant, String sub) {
    JsonObject shown = SubscriptionsApi.get(tenant, sub);
    return shown.containsKey("node") && !shown.isNull("node") ? shown.getString("node") : "";
  }

  /** Waits until another live node (A) holds the subscription's lease. */
  private static void awaitTakeover(String tenant, String sub, String deadNode) {
    long deadline = System.nanoTime() + NodeB.TAKEOVER.toNanos();
    while (true) {
      String node = nodeOf(tenant, sub);
      if (!node.isEmpty() && !node.equals(deadNode)) {
        return; // B is not started again before this: any other node is A
      }
      assertTrue(System.nanoTime() < deadline, sub + " not taken over; node: " + node);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
