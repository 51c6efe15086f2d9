package dev.annals.saga.internal.trigger;

import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.subscription.SubscriptionBatch;
import dev.annals.eventstore.api.subscription.SubscriptionHandler;
import dev.annals.saga.api.SagaId;
import dev.annals.saga.api.SagaStart;
import dev.annals.saga.api.Sagas;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/**
 * Starts a saga per event: a subscription named {@code start-<type>} with handler {@value #NAME}
 * starts a saga of {@code <type>} for every event it delivers, with id {@code event-<event id>} (a
 * batch delivered again starts nothing new), the event's data as the saga's data (a value that is
 * not an object as {@code {"value": …}}) and the event's correlation id, which every step then
 * carries. The start commits with the subscription's checkpoint; a start that is refused (no such
 * type, data that does not fit) refuses the batch, which comes again after a pause.
 */
@ApplicationScoped
public class SagaStartingHandler implements SubscriptionHandler {

  /** The handler's name. */
  public static final String NAME = "start-saga";

  /** The prefix of the subscription's name before the saga type. */
  public static final String PREFIX = "start-";

  @EJB Sagas sagas;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void handle(SubscriptionBatch batch) {
    String subscription = batch.subscription().value();
    if (!subscription.startsWith(PREFIX)) {
      throw new IllegalStateException(
          "Subscription '" + subscription + "' must be named " + PREFIX + "<saga type>");
    }
    String type = subscription.substring(PREFIX.length());
    for (RecordedEvent e : batch.events()) {
      sagas.start(
          batch.tenant(),
          new SagaStart(
              type,
              data(e.data()),
              Optional.of(new SagaId("event-" + e.eventId())),
              correlationId(e.metadata())));
    }
  }

  private static JsonObject data(String json) {
    JsonValue value = read(json);
    return value.getValueType() == JsonValue.ValueType.OBJECT
        ? value.asJsonObject()
        : Json.createObjectBuilder().add("value", value).build();
  }

  private static Optional<String> correlationId(String metadata) {
    JsonValue value = read(metadata);
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      return Optional.empty();
    }
    JsonValue id = value.asJsonObject().get("correlationId");
    return id != null && id.getValueType() == JsonValue.ValueType.STRING
        ? Optional.of(value.asJsonObject().getString("correlationId"))
        : Optional.empty();
  }

  private static JsonValue read(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
