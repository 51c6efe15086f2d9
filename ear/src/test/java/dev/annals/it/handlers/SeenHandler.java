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
import java.io.StringReader;
import java.util.List;
import java.util.UUID;

/**
 * Records what a handler is given: for each delivered event, an event {@value #SEEN} in the stream
 * {@code seen-<subscription>} with the delivered type, schema version and payload.
 */
@ApplicationScoped
public class SeenHandler implements SubscriptionHandler {

  /** The handler's name. */
  public static final String NAME = "it-seen";

  /** Recorded events' type. */
  public static final String SEEN = "EventSeen";

  @EJB EventStore store;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void handle(SubscriptionBatch batch) {
    List<NewEvent> seen =
        batch.events().stream()
            .map(
                e ->
                    new NewEvent(
                        new EventId(UUID.randomUUID()),
                        new EventType(SEEN),
                        Json.createObjectBuilder()
                            .add("source", e.eventId().toString())
                            .add("type", e.type())
                            .add("schemaVersion", e.schemaVersion())
                            .add("data", Json.createReader(new StringReader(e.data())).readValue())
                            .build(),
                        JsonObject.EMPTY_JSON_OBJECT))
            .toList();
    store.append(
        batch.tenant(),
        new StreamId("seen-" + batch.subscription().value()),
        new ExpectedVersion.Any(),
        seen,
        AppendContext.none());
  }
}
