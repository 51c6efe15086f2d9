package dev.annals.it.handlers;

import dev.annals.eventstore.api.AppendContext;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.EventStore;
import dev.annals.eventstore.api.EventType;
import dev.annals.eventstore.api.ExpectedVersion;
import dev.annals.eventstore.api.NewEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.subscription.SubscriptionBatch;
import dev.annals.eventstore.api.subscription.SubscriptionHandler;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * Writes one effect per delivered event, in the delivery transaction: an event appended to the
 * stream {@code effects-<subscription>} whose data names the source event (a fresh id each time, so
 * an effect written twice shows as two). While the stream {@code failing-<subscription>} stands at
 * an odd version, the handler throws after writing every effect of its batch: a test switches the
 * failure on and off by appending to it, and checks that none of the effects written before the
 * throw, nor the checkpoint, survived.
 */
@ApplicationScoped
public class EffectsHandler implements SubscriptionHandler {

  /** The handler's name. */
  public static final String NAME = "it-effects";

  /** Effect events' type. */
  public static final String EFFECT = "EffectApplied";

  /** A stream of this prefix and the subscription's name at an odd version makes it fail. */
  public static final String FAILING_PREFIX = "failing-";

  @EJB EventStore store;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void handle(SubscriptionBatch batch) {
    List<NewEvent> effects =
        batch.events().stream()
            .map(
                e ->
                    new NewEvent(
                        new EventId(UUID.randomUUID()),
                        new EventType(EFFECT),
                        Json.createObjectBuilder()
                            .add("source", e.eventId().toString())
                            .add("sourceStream", e.streamId().value())
                            .add("position", e.position().toString())
                            .build(),
                        JsonObject.EMPTY_JSON_OBJECT))
            .toList();
    store.append(
        batch.tenant(),
        new StreamId("effects-" + batch.subscription().value()),
        new ExpectedVersion.Any(),
        effects,
        AppendContext.none());
    StreamId failing = new StreamId(FAILING_PREFIX + batch.subscription().value());
    if (store.streamInfo(batch.tenant(), failing).filter(i -> i.version() % 2 == 1).isPresent()) {
      throw new IllegalStateException("refused on purpose: " + failing + " is at an odd version");
    }
  }
}
