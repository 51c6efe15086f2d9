package dev.annals.eventstore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "ab", "Acme", "1abc", "a-b-c", "acme;drop", "acme'", "ａcme", "a b c"})
  void tenantIdsOutsideThePatternAreRejected(String id) {
    assertThrows(InvalidRequestException.class, () -> new TenantId(id));
  }

  @Test
  void tenantIdOfFortyOneCharactersIsRejected() {
    assertThrows(InvalidRequestException.class, () -> new TenantId("a".repeat(41)));
    assertEquals("a".repeat(40), new TenantId("a".repeat(40)).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "$all", "a/b", "a b", "é", "order#1"})
  void streamIdsOutsideThePatternAreRejected(String id) {
    assertThrows(InvalidRequestException.class, () -> new StreamId(id));
  }

  @Test
  void streamIdsAllowTheDocumentedCharactersUpTo200() {
    assertEquals("Order-1.a:b@c_d", new StreamId("Order-1.a:b@c_d").value());
    new StreamId("s".repeat(200));
    assertThrows(InvalidRequestException.class, () -> new StreamId("s".repeat(201)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1Placed", "Order Placed", "Order/Placed"})
  void eventTypesOutsideThePatternAreRejected(String type) {
    assertThrows(InvalidRequestException.class, () -> new EventType(type));
  }

  @Test
  void checkpointsRoundTripAndOrderByTransactionFirst() {
    Checkpoint c = Checkpoint.parse("12-7");
    assertEquals(new Checkpoint(12, 7), c);
    assertEquals("12-7", c.toString());
    assertTrue(new Checkpoint(11, 900).compareTo(c) < 0);
    assertThrows(InvalidRequestException.class, () -> Checkpoint.parse("12"));
    assertThrows(InvalidRequestException.class, () -> Checkpoint.parse("-1-2"));
    assertThrows(InvalidRequestException.class, () -> Checkpoint.parse("99999999999999999999-1"));
  }

  @Test
  void expectedVersionsHaveTheirWireForms() {
    assertEquals("any", new ExpectedVersion.Any().describe());
    assertEquals("no_stream", new ExpectedVersion.NoStream().describe());
    assertEquals("exists", new ExpectedVersion.StreamExists().describe());
    assertEquals("3", new ExpectedVersion.Exact(3).describe());
    assertThrows(InvalidRequestException.class, () -> new ExpectedVersion.Exact(-1));
  }

  @Test
  void eventIdsMustBeCanonicalUuids() {
    assertThrows(InvalidRequestException.class, () -> EventId.parse("not-a-uuid"));
    assertThrows(InvalidRequestException.class, () -> EventId.parse("1-1-1-1-1"));
    assertEquals(
        "3f2b1c9e-0000-4000-8000-000000000001",
        EventId.parse("3f2b1c9e-0000-4000-8000-000000000001").toString());
  }
}
