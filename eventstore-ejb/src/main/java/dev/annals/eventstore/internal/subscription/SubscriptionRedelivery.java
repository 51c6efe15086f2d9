package dev.annals.eventstore.internal.subscription;

import dev.annals.dlq.api.ConsumerPausedException;
import dev.annals.dlq.api.DeadLetter;
import dev.annals.dlq.api.Redelivery;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.subscription.SubscriptionTarget;
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
 * Subscriptions' side of the dead-letter SPI ({@link Redelivery}, registered by the driver), for
 * retries beside the flow and operators' redrives alike: a letter's event, read again as it is now,
 * goes to the subscription's handler (in a transaction of its own) or webhook as a batch of one
 * whose checkpoint is the event's position. The checkpoint itself does not move: it passed the
 * event when the letter was sent. The subscription counts the event delivered, or the attempt
 * failed.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubscriptionRedelivery {

  @EJB RedeliveryBean delivery;

  @Inject WebhookClient webhooks;

  @Inject HostBreakers hosts;

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
    try {
      if (row.handler().isPresent()) {
        delivery.redeliverToHandler(tenant, row, event);
        return;
      }
      byte[] body = WebhookBatch.body(row.name(), List.of(event), event.position());
      String host =
          SubscriptionTarget.Webhook.host(java.net.URI.create(row.webhookUrl().orElseThrow()));
      long paused = hosts.permit(tenant, host);
      if (paused > 0) {
        throw new ConsumerPausedException(
            "the breaker of webhook host " + host + " is open: nothing was posted", paused);
      }
      int status;
      try {
        status = webhooks.post(tenant, row, body);
      } catch (java.io.IOException e) {
        hosts.record(tenant, host, false, 1);
        throw new DeliveryFailedException(
            "the webhook did not answer: " + Failures.describe(e), false, e);
      }
      hosts.record(tenant, host, status >= 200 && status <= 299, 1);
      if (status < 200 || status > 299) {
        throw new DeliveryFailedException("the webhook answered " + status, false, null);
      }
      delivery.redelivered(tenant, row.name());
    } catch (ConsumerPausedException e) {
      throw e; // nothing was tried
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause instanceof jakarta.ejb.EJBException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      delivery.failed(
          tenant,
          row.name(),
          cause instanceof DeliveryFailedException
              ? cause.getMessage()
              : "handler '" + row.handler().orElse("?") + "' failed: " + Failures.describe(cause));
      throw e;
    }
  }
}
