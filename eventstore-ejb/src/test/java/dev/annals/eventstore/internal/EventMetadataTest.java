package dev.annals.eventstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.annals.eventstore.api.AppendContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class EventMetadataTest {

  @Test
  void callerCorrelationAndCausationWinOverTheRequest() {
    JsonObject caller =
        Json.createObjectBuilder().add("correlationId", "c1").add("causationId", "x1").build();
    JsonObject stored =
        EventMetadata.complete(caller, new AppendContext("c2", "x2", null), "generated");
    assertEquals("c1", stored.getString("correlationId"));
    assertEquals("x1", stored.getString("causationId"));
  }

  @Test
  void requestIdsFillWhatTheCallerLeftOut() {
    JsonObject stored =
        EventMetadata.complete(
            Json.createObjectBuilder().add("tag", "a").build(),
            new AppendContext("c2", "x2", null),
            "generated");
    assertEquals("c2", stored.getString("correlationId"));
    assertEquals("x2", stored.getString("causationId"));
    assertEquals("a", stored.getString("tag"));
  }

  @Test
  void aNewCorrelationIdWhenNobodyGaveOneAndNoCausation() {
    JsonObject stored =
        EventMetadata.complete(Json.createObjectBuilder().build(), AppendContext.none(), "gen");
    assertEquals("gen", stored.getString("correlationId"));
    assertFalse(stored.containsKey("causationId"));
  }

  @Test
  void callerCannotForgeThePrincipal() {
    JsonObject caller = Json.createObjectBuilder().add("principal", "admin").build();
    assertFalse(EventMetadata.complete(caller, AppendContext.none(), "g").containsKey("principal"));
    assertEquals(
        "alice",
        EventMetadata.complete(caller, new AppendContext(null, null, "alice"), "g")
            .getString("principal"));
  }
}
