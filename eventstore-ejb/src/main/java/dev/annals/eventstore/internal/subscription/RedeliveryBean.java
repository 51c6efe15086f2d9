package dev.annals.eventstore.internal.subscription;

import dev.annals.eventstore.api.Direction;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.subscription.SubscriptionBatch;
import dev.annals.eventstore.api.subscription.SubscriptionHandler;
import dev.annals.eventstore.api.subscription.SubscriptionName;
import dev.annals.eventstore.infrastructure.EventReader;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRepository;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRow;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The transactions of a letter's redelivery (a retry beside the flow, or an operator's redrive),
 * each on its own (REQUIRES_NEW): reading the subscription and the event as they are now, a
 * handler's delivery, and the subscription's counts, so an event delivered beside the flow is
 * counted in its {@code delivered} and a failed attempt in its {@code failures} and {@code
 * lastError} like one in the flow.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RedeliveryBean {

  @Inject SubscriptionRepository repository;

  @Inject EventReader reader;

  @Inject HandlerRegistry handlers;

  /** The subscription as stored. */
  public Optional<SubscriptionRow> find(TenantId tenant, String name) throws SQLException {
    return repository.find(tenant, name);
  }

  /** One event as reads return it now (current upcasters), by stream, version and id. */
  public Optional<RecordedEvent> event(TenantId tenant, StreamId stream, long version, EventId id)
      throws SQLException {
    return reader
        .readStream(tenant, stream, version, Direction.FORWARD, 1)
        .flatMap(page -> page.stream().filter(e -> e.eventId().equals(id)).findFirst());
  }

  /**
   * Delivers one event again to the handler of {@code row} and counts it delivered, in this
   * transaction.
   *
   * @throws DeliveryFailedException when the handler is not deployed here or throws
   */
  public void redeliverToHandler(TenantId tenant, SubscriptionRow row, RecordedEvent event)
      throws SQLException {
    SubscriptionHandler handler = handlers.require(row.handler().orElseThrow(), "this node", false);
    handler.handle(
        new SubscriptionBatch(
            tenant, new SubscriptionName(row.name()), List.of(event), event.position()));
    repository.redelivered(tenant, row.name());
  }

  /** One event was delivered again (to a webhook): counted delivered, the failures are over. */
  public void redelivered(TenantId tenant, String name) throws SQLException {
    repository.redelivered(tenant, name);
  }

  /** An attempt to deliver an event again failed: counted, and the subscription's last error. */
  public void failed(TenantId tenant, String name, String error) throws SQLException {
    repository.redeliveryFailed(tenant, name, error);
  }
}
