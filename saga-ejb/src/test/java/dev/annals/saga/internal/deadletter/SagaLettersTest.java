package dev.annals.saga.internal.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.annals.saga.api.SagaId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SagaLettersTest {

  @Test
  void aSagaKeepsOneLetterKeyHoweverOftenItGivesUp() {
    assertEquals(SagaLetters.key("order-17"), SagaLetters.key("order-17"));
    assertNotEquals(SagaLetters.key("order-17"), SagaLetters.key("order-18"));
  }

  @Test
  void aLettersStreamNamesItsSaga() {
    assertEquals(Optional.of(new SagaId("order-17")), SagaLetters.saga("saga-order-17"));
    assertEquals(Optional.empty(), SagaLetters.saga("order-17"), "not a saga's log");
    assertEquals(Optional.empty(), SagaLetters.saga("saga-"), "no saga id");
    assertEquals(Optional.empty(), SagaLetters.saga("saga-a b"), "not a saga id");
  }
}
