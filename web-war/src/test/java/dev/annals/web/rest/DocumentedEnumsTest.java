package dev.annals.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.dlq.api.BreakerState;
import dev.annals.dlq.api.LetterState;
import dev.annals.eventstore.api.Direction;
import dev.annals.eventstore.api.subscription.SubscriptionState;
import dev.annals.saga.api.SagaState;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.MovePhase;
import dev.annals.tenancy.api.TenantState;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document spells the enumerations out in annotations (which take only constants): this
 * pins each to the Java enum that says it once, so neither can change alone.
 */
class DocumentedEnumsTest {

  private static final Map<String, List<String>> DOCUMENTED =
      Arrays.stream(AnnalsApi.class.getAnnotation(OpenAPIDefinition.class).components().schemas())
          .filter(s -> s.enumeration().length > 0)
          .collect(Collectors.toMap(Schema::name, s -> List.of(s.enumeration())));

  @SafeVarargs
  private static <E extends Enum<E>> List<String> wire(
      Class<E> type, Function<E, String> name, E... internal) {
    List<E> hidden = List.of(internal);
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> !hidden.contains(e))
        .map(name)
        .toList();
  }

  @Test
  void documentedEnumerationsAreTheJavaEnumsWireNames() {
    assertEquals(wire(Isolation.class, Isolation::wireName), DOCUMENTED.get("Isolation"));
    assertEquals(
        wire(TenantState.class, TenantState::wireName, TenantState.CREATING),
        DOCUMENTED.get("TenantState"));
    assertEquals(wire(MovePhase.class, MovePhase::wireName), DOCUMENTED.get("MovePhase"));
    assertEquals(
        wire(Direction.class, d -> d.name().toLowerCase(Locale.ROOT)), DOCUMENTED.get("Direction"));
    assertEquals(
        wire(SubscriptionState.class, SubscriptionState::wireName),
        DOCUMENTED.get("SubscriptionState"));
    assertEquals(wire(LetterState.class, LetterState::wireName), DOCUMENTED.get("DeadLetterState"));
    assertEquals(wire(BreakerState.class, BreakerState::wireName), DOCUMENTED.get("BreakerState"));
    assertEquals(wire(SagaState.class, SagaState::wireName), DOCUMENTED.get("SagaState"));
  }

  @Test
  void everyDocumentedEnumerationIsPinned() {
    assertEquals(
        List.of(
            "BreakerState",
            "DeadLetterState",
            "Direction",
            "Isolation",
            "MovePhase",
            "SagaState",
            "SubscriptionState",
            "TenantState"),
        DOCUMENTED.keySet().stream().sorted().toList(),
        "a new enumeration in AnnalsApi is pinned to its Java enum above");
  }
}
