package dev.annals.eventstore.internal.subscription;

import dev.annals.dlq.api.DeadLetter;
import dev.annals.dlq.api.Redelivery;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRow;
import dev.annals.eventstore.infrastructure.subscription.WebhookBatch;
import dev.annals.eventstore.infrastructure.subscription.WebhookClient;
import dev.annals.tenancy.api.ConflictException;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Subscriptions' side of the dead-letter SPI ({@link Redelivery}, registered by the driver): a
 * letter's event, read again as it is now, goes to the subscription's handler (in a transaction of
 * its own) or webhook as a batch of one whose checkpoint is the event's position. The checkpoint
 * itself does not move: it passed the event when the letter was sent.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubscriptionRedelivery {

  @EJB DeliveryBean delivery;

  @Inject WebhookClient webhooks;

  /**
   * @see Redelivery#redeliver
   */
  public void redeliver(TenantId tenant, DeadLetter letter) throws Exception {
    SubscriptionRow row =
        delivery
            .find(tenant, letter.consumer())
            .orElseThrow(
                () ->
                    new ConflictException(
                        "Subscription '"
                            + letter.consumer()
                            + "' no longer exists: discard its dead letters"));
    RecordedEvent event =
        delivery
            .event(
                tenant,
                new StreamId(letter.streamId()),
                letter.streamVersion(),
                new EventId(letter.eventId()))
            .orElseThrow(
                () ->
                    new ConflictException("The event of dead letter " + letter.id() + " is gone"));
    if (row.handler().isPresent()) {
      delivery.redeliverToHandler(tenant, row, event);
      return;
    }
    byte[] body = WebhookBatch.body(row.name(), List.of(event), event.position());
    int status = webhooks.post(tenant, row, body);
    if (status < 200 || status > 299) {
      throw new DeliveryFailedException("the webhook answered " + status, false, null);
    }
  }
}
