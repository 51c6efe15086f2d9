package dev.annals.web.rest.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.subscription.SubscriptionStart;
import dev.annals.eventstore.api.subscription.SubscriptionTarget;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionRequestParserTest {

  private static JsonObject json(String text) {
    try (var r = Json.createReader(new StringReader(text))) {
      return r.readObject();
    }
  }

  private static String refusal(String body) {
    return assertThrows(
            InvalidRequestException.class, () -> SubscriptionRequestParser.create(json(body)))
        .getMessage();
  }

  @Test
  void readsAWebhookSubscriptionWithFilterAndStart() {
    var c =
        SubscriptionRequestParser.create(
            json(
                "{\"name\":\"orders-out\",\"filter\":{\"streamPrefix\":\"order-\","
                    + "\"eventTypes\":[\"Placed\"]},\"start\":\"12-34\","
                    + "\"target\":{\"webhook\":{\"url\":\"https://x.test/h\"}}}"));
    assertEquals("orders-out", c.name().value());
    assertEquals(Optional.of("order-"), c.filter().streamPrefix());
    assertEquals(Set.of("Placed"), c.filter().eventTypes());
    assertEquals(new SubscriptionStart.After(new Checkpoint(12, 34)), c.start());
    assertEquals("https://x.test/h", ((SubscriptionTarget.Webhook) c.target()).url().toString());
  }

  @Test
  void defaultsToEveryEventFromTheBeginning() {
    var c =
        SubscriptionRequestParser.create(
            json("{\"name\":\"all-of-it\",\"target\":{\"handler\":\"h\"}}"));
    assertEquals(new SubscriptionStart.Beginning(), c.start());
    assertTrue(c.filter().eventTypes().isEmpty());
    assertEquals(new SubscriptionTarget.Handler("h"), c.target());
    assertEquals(
        new SubscriptionStart.Now(), SubscriptionRequestParser.reset(json("{\"to\":\"now\"}")));
  }

  @Test
  void namesTheFieldAtFault() {
    assertTrue(refusal("{\"target\":{\"handler\":\"h\"}}").contains("'name' is required"));
    assertTrue(refusal("{\"name\":\"abc\"}").contains("'target' is required"));
    assertTrue(refusal("{\"name\":\"abc\",\"target\":{}}").contains("exactly one"));
    assertTrue(
        refusal("{\"name\":\"abc\",\"target\":{\"handler\":\"h\",\"webhook\":{\"url\":\"x\"}}}")
            .contains("exactly one"));
    assertTrue(
        refusal("{\"name\":\"abc\",\"target\":{\"webhook\":{}}}").contains("'target.webhook.url'"));
    assertTrue(
        refusal("{\"name\":\"abc\",\"target\":{\"handler\":\"h\"},\"start\":\"later\"}")
            .contains("'start'"));
    assertTrue(
        refusal(
                "{\"name\":\"abc\",\"target\":{\"handler\":\"h\"},\"filter\":{\"eventTypes\":\"x\"}}")
            .contains("'filter.eventTypes'"));
    assertTrue(
        refusal("{\"name\":\"abc\",\"target\":{\"handler\":\"h\"},\"filter\":{\"other\":1}}")
            .contains("'filter.other'"));
    assertTrue(
        refusal("{\"name\":\"abc\",\"target\":{\"handler\":\"h\"},\"x\":1}").contains("'x'"));
  }
}
