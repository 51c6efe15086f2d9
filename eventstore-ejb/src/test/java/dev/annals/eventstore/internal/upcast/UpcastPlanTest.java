package dev.annals.eventstore.internal.upcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.upcast.UpcastEvent;
import dev.annals.eventstore.api.upcast.Upcaster;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Chains of Java and declarative upcasters over one event. */
class UpcastPlanTest {

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text.replace('\'', '"'))).readValue();
  }

  private static RecordedEvent stored(String type, int schemaVersion, String data) {
    return new RecordedEvent(
        EventId.random(),
        new StreamId("s-1"),
        type,
        1,
        new Checkpoint(1, 1),
        data.replace('\'', '"'),
        "{}",
        Instant.EPOCH,
        schemaVersion,
        Optional.empty());
  }

  private static Upcaster java(
      String type, int from, java.util.function.UnaryOperator<UpcastEvent> f) {
    return new Upcaster() {
      @Override
      public String eventType() {
        return type;
      }

      @Override
      public int fromVersion() {
        return from;
      }

      @Override
      public UpcastEvent upcast(UpcastEvent event) {
        return f.apply(event);
      }
    };
  }

  private static DeclarativeUpcaster declarative(String type, int from, String ops) {
    return DeclarativeUpcaster.of(type, from, json(ops));
  }

  @Test
  void aChainLiftsThroughEveryVersionAcrossKindsAndTypeRenames() {
    UpcastPlan plan =
        UpcastPlan.of(
            List.of(
                java(
                    "Ordered",
                    1,
                    e ->
                        e.withData(
                            Json.createObjectBuilder(e.data().asJsonObject())
                                .add("currency", "EUR")
                                .build()))),
            List.of(
                declarative("Ordered", 2, "[{'renameType':'OrderPlaced'}]"),
                declarative("OrderPlaced", 3, "[{'rename':{'from':'/qty','to':'/quantity'}}]")));
    RecordedEvent out = plan.lift(stored("Ordered", 1, "{'qty':2}"));
    assertEquals("OrderPlaced", out.type());
    assertEquals(4, out.schemaVersion());
    assertEquals(json("{'currency':'EUR','quantity':2}"), json(out.data()));
    assertTrue(out.upcastError().isEmpty());
  }

  @Test
  void aChainStartsAtTheStoredVersion() {
    UpcastPlan plan =
        UpcastPlan.of(
            List.of(),
            List.of(
                declarative("A", 1, "[{'add':{'path':'/one','value':1}}]"),
                declarative("A", 2, "[{'add':{'path':'/two','value':2}}]")));
    RecordedEvent out = plan.lift(stored("A", 2, "{}"));
    assertEquals(json("{'two':2}"), json(out.data()));
    assertEquals(3, out.schemaVersion());
    assertFalse(plan.applies(stored("A", 3, "{}")));
    assertFalse(plan.applies(stored("B", 1, "{}")));
  }

  @Test
  void aDeclarativeUpcasterTakesTheJavaOnesPlace() {
    UpcastPlan plan =
        UpcastPlan.of(
            List.of(
                java(
                    "A",
                    1,
                    e -> {
                      throw new IllegalStateException("not me");
                    })),
            List.of(declarative("A", 1, "[{'add':{'path':'/x','value':1}}]")));
    assertEquals(json("{'x':1}"), json(plan.lift(stored("A", 1, "{}")).data()));
  }

  @Test
  void aFailingStepNamesTheUpcasterAndVersion() {
    UpcastPlan plan =
        UpcastPlan.of(
            List.of(
                java(
                    "A",
                    2,
                    e -> {
                      throw new IllegalStateException("broken");
                    })),
            List.of(declarative("A", 1, "[{'add':{'path':'/x','value':1}}]")));
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> plan.lift(stored("A", 1, "{}")));
    assertTrue(e.getMessage().contains("A from version 2"), e.getMessage());
    assertTrue(e.getMessage().contains("broken"), e.getMessage());
  }

  @Test
  void nothingRegisteredIsTheEmptyPlan() {
    assertSame(UpcastPlan.EMPTY, UpcastPlan.of(List.of(), List.of()));
    assertTrue(UpcastPlan.EMPTY.isEmpty());
  }
}
