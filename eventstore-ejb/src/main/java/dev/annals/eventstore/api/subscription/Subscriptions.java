package dev.annals.eventstore.api.subscription;

import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantNotFoundException;
import jakarta.ejb.Local;
import java.util.List;

/**
 * A tenant's subscriptions: named readers of its $all with a server-held checkpoint, each driven by
 * exactly one node at a time, delivering at least once in $all order (see docs/delivery.md). Every
 * change is recorded in the tenant's audit chain.
 */
@Local
public interface Subscriptions {

  /**
   * The consumer kind of subscriptions' (and projections') dead letters; the consumer is the name.
   */
  String LETTER_KIND = "subscription";

  /**
   * Creates a subscription; it starts running on some node within seconds.
   *
   * @param tenant the tenant
   * @param name its name, unique in the tenant
   * @param filter which events it delivers
   * @param start where it starts
   * @param target where it delivers
   * @return the subscription, with the webhook secret (shown only here) for a webhook
   * @throws InvalidRequestException when the handler is unknown, the URL is not allowed, or the
   *     start checkpoint is no event of the tenant
   * @throws SubscriptionExistsException when the name is taken
   * @throws TenantNotFoundException when the tenant does not exist
   */
  CreatedSubscription create(
      TenantId tenant,
      SubscriptionName name,
      SubscriptionFilter filter,
      SubscriptionStart start,
      SubscriptionTarget target);

  /** The tenant's subscriptions, by name. */
  List<SubscriptionInfo> list(TenantId tenant);

  /**
   * @throws SubscriptionNotFoundException when there is none of this name
   */
  SubscriptionInfo get(TenantId tenant, SubscriptionName name);

  /**
   * Stops delivery after the batch in flight; idempotent.
   *
   * @throws SubscriptionNotFoundException when there is none of this name
   */
  SubscriptionInfo pause(TenantId tenant, SubscriptionName name);

  /**
   * Continues a paused or stopped subscription at its checkpoint (clearing the last error);
   * idempotent.
   *
   * @throws SubscriptionNotFoundException when there is none of this name
   */
  SubscriptionInfo resume(TenantId tenant, SubscriptionName name);

  /**
   * Moves the checkpoint: later deliveries start after it (events before it are not delivered again
   * unless the new checkpoint is earlier).
   *
   * @throws InvalidRequestException when the checkpoint is no event of the tenant
   * @throws SubscriptionNotFoundException when there is none of this name
   */
  SubscriptionInfo reset(TenantId tenant, SubscriptionName name, SubscriptionStart to);

  /**
   * Deletes a subscription; a batch in flight may still complete.
   *
   * @return the subscription as it was
   * @throws SubscriptionNotFoundException when there is none of this name
   */
  SubscriptionInfo delete(TenantId tenant, SubscriptionName name);

  /**
   * Sets the subscription's retry and breaker policy (audited); its runner takes it within seconds.
   *
   * @return the policy as set
   * @throws SubscriptionNotFoundException when there is none of this name
   */
  dev.annals.dlq.api.ConsumerPolicy setPolicy(
      TenantId tenant, SubscriptionName name, dev.annals.dlq.api.ConsumerPolicy policy);

  /** The subscriptions' circuit breakers as their driving nodes last recorded them, by name. */
  java.util.Map<String, dev.annals.dlq.api.BreakerStatus> breakers(TenantId tenant);

  /**
   * The breakers of the tenant's webhook hosts (shared by the subscriptions that post there) as the
   * driving nodes last recorded them, by {@link SubscriptionTarget.Webhook#host()}.
   */
  java.util.Map<String, dev.annals.dlq.api.BreakerStatus> hostBreakers(TenantId tenant);
}
