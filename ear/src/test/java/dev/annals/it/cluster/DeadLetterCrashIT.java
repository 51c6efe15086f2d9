package dev.annals.it.cluster;

import static dev.annals.it.eventstore.DeadLettersApi.acknowledged;
import static dev.annals.it.eventstore.DeadLettersApi.eventIds;
import static dev.annals.it.eventstore.DeadLettersApi.firstArrivals;
import static dev.annals.it.eventstore.DeadLettersApi.letters;
import static dev.annals.it.eventstore.DeadLettersApi.only;
import static dev.annals.it.eventstore.DeadLettersApi.redrive;
import static dev.annals.it.eventstore.DeadLettersApi.requestsCarrying;
import static dev.annals.it.eventstore.DeadLettersApi.streams;
import static dev.annals.it.eventstore.DeadLettersApi.subscribe;
import static dev.annals.it.eventstore.DeadLettersApi.suffix;
import static dev.annals.it.eventstore.SubscriptionsApi.append;
import static dev.annals.it.eventstore.SubscriptionsApi.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annals.dlq.api.RecordingHook;
import dev.annals.it.Api;
import dev.annals.it.Tokens;
import dev.annals.it.eventstore.WebhookReceiver;
import dev.annals.it.handlers.HaltingRecordingHook;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server killed ({@code kill -9}) while its dead-letter listener records a letter: node B drives
 * a webhook subscription whose receiver fails one stream, and its listener is held (the test
 * library's {@link HaltingRecordingHook}, which only node B's configuration enables) after the
 * letter was sent with the checkpoint and before its insert, or after the insert and before the
 * transaction that acknowledges the message commits. B is killed there and started again: the
 * letter is recorded exactly once, the checkpoint never went back (no event was tried again or
 * skipped), the stream's later event parked behind it on node A meanwhile, the other stream flowed,
 * and a redrive delivers both in order.
 */
class DeadLetterCrashIT {

  private static final Duration HELD = Duration.ofMinutes(3);

  @BeforeAll
  static void nodeBIsUp() throws InterruptedException {
    NodeB.awaitReady(Duration.ofMinutes(5));
  }

  @ParameterizedTest
  @EnumSource(RecordingHook.Point.class)
  void aLetterHeldWhenTheServerIsKilledIsRecordedOnceAfterItsRestart(RecordingHook.Point point)
      throws Exception {
    // -Dit.test names it for the schema- and database-mode runs too: one run is enough.
    assumeTrue("shared".equals(Api.defaultIsolation()), "runs with shared-mode tenants only");
    String tenant = Api.createTenant("shared");
    String bad = "acct-bad-" + suffix();
    String good = "acct-good-" + suffix();
    Path dir = Path.of(System.getProperty("annals.it.haltDirB"));
    Files.createDirectories(dir);
    Path reached = dir.resolve(HaltingRecordingHook.reached(point));
    Files.deleteIfExists(reached);
    boolean killed = false;
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      receiver.failWhen(batch -> streams(batch).contains(bad));
      // One attempt: the event at fault is given up (open) at its first failure alone, so the
      // letter held is the open one, not a retrying one whose retries would go on meanwhile.
      String name =
          subscribe(
              tenant,
              receiver.url(),
              "{\"maxAttempts\":1,\"initialBackoffMs\":20,\"maxBackoffMs\":60,"
                  + "\"breaker\":{\"failureRatio\":1.0,\"window\":1000,\"delayMs\":1000}}");
      NodeB.drive(tenant, name, NodeB.nodeId());
      Files.writeString(
          dir.resolve(HaltingRecordingHook.request(point)), name, StandardCharsets.UTF_8);

      List<String> badIds = new ArrayList<>();
      List<String> goodIds = new ArrayList<>();
      badIds.add(append(tenant, bad, "Moved", "{\"i\":0}"));
      goodIds.add(append(tenant, good, "Moved", "{\"i\":0}"));
      awaitFile(reached);
      assertEquals(List.of(), letters(tenant, name), "held at " + point + ": nothing committed");
      // Its tries: one alone, or, in a batch with the other stream's event, that batch twice too.
      int tries = requestsCarrying(receiver, badIds.get(0));
      assertTrue(tries == 1 || tries == 3, "its tries: " + tries);

      NodeB.kill();
      killed = true;
      // While B is down, node A takes the subscription over: from the checkpoint the letter's
      // transaction moved, behind the block it wrote.
      badIds.add(append(tenant, bad, "Moved", "{\"i\":1}"));
      goodIds.add(append(tenant, good, "Moved", "{\"i\":1}"));
      await("the other stream, on node A", () -> firstArrivals(receiver, good), goodIds::equals);

      NodeB.start();
      killed = false;
      List<JsonObject> letters =
          await("the held letter, recorded", () -> letters(tenant, name), l -> l.size() == 2);
      JsonObject head = only(letters, "open");
      assertEquals(badIds.get(0), head.getString("eventId"));
      assertEquals(tries, head.getInt("attempts"));
      assertEquals(List.of(badIds.get(1)), eventIds(letters, "parked"));
      assertEquals(
          tries,
          requestsCarrying(receiver, badIds.get(0)),
          "never tried again: the checkpoint held");
      assertEquals(List.of(), acknowledged(receiver, bad));

      receiver.failWhen(batch -> false);
      String ops = "ops-" + suffix();
      JsonObject redriven =
          redrive(
              tenant,
              head.getJsonNumber("id").longValue(),
              Tokens.of(ops, List.of("tenant-admin"), List.of(tenant)));
      assertEquals(2, redriven.getInt("redriven"), redriven.toString());
      assertEquals(badIds, acknowledged(receiver, bad), "nothing skipped, in order, once");
      assertEquals(2, letters(tenant, name).size(), "each letter exactly once");
    } finally {
      Files.deleteIfExists(dir.resolve(HaltingRecordingHook.request(point)));
      Files.deleteIfExists(reached);
      if (killed) {
        NodeB.start();
      }
    }
  }

  private static void awaitFile(Path file) throws InterruptedException {
    long deadline = System.nanoTime() + HELD.toNanos();
    while (!Files.exists(file)) {
      assertTrue(System.nanoTime() < deadline, "the listener never reached " + file);
      Thread.sleep(100);
    }
  }
}
