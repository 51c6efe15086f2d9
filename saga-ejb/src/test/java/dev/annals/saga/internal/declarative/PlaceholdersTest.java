package dev.annals.saga.internal.declarative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annals.saga.api.StepRefusedException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  private static final JsonObject DATA =
      json(
          "{\"orderId\": \"o/1 ?&\", \"qty\": 3, \"paid\": true, \"customer\": {\"id\": \"c-9\","
              + " \"tags\": [\"vip\"]}}");

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void urlValuesArePercentEncodedSoTheyCannotChangeThePathsShape() {
    assertEquals(
        "https://x.test/orders/o%2F1%20%3F%26/items?qty=3&paid=true",
        Placeholders.url(
            "https://x.test/orders/${data.orderId}/items?qty=${data.qty}&paid=${data.paid}", DATA));
    assertEquals(
        "https://x.test/customers/c-9",
        Placeholders.url("https://x.test/customers/${data.customer.id}", DATA));
  }

  @Test
  void aWholeStringPlaceholderInABodyBecomesTheValueItself() {
    JsonValue body =
        Placeholders.body(
            json(
                "{\"qty\": \"${data.qty}\", \"customer\": \"${data.customer}\", \"note\": \"order"
                    + " ${data.orderId} x${data.qty}\", \"list\": [\"${data.paid}\", 1], \"plain\": \"$5\"}"),
            DATA);
    assertEquals(
        json(
            "{\"qty\": 3, \"customer\": {\"id\": \"c-9\", \"tags\": [\"vip\"]}, \"note\": \"order o/1 ?&"
                + " x3\", \"list\": [true, 1], \"plain\": \"$5\"}"),
        body);
  }

  @Test
  void aMissingFieldOrAnObjectInsideTextFailsTheStepForGood() {
    assertEquals(
        "The saga's data has no 'data.missing'",
        assertThrows(
                StepRefusedException.class,
                () -> Placeholders.url("https://x.test/${data.missing}", DATA))
            .getMessage());
    assertEquals(
        "The saga's data has no 'data.qty.x'",
        assertThrows(
                StepRefusedException.class,
                () -> Placeholders.body(Json.createValue("${data.qty.x}"), DATA))
            .getMessage());
    assertEquals(
        "A placeholder inside text needs a string, number or boolean, not object",
        assertThrows(
                StepRefusedException.class,
                () -> Placeholders.url("https://x.test/${data.customer}", DATA))
            .getMessage());
  }
}
