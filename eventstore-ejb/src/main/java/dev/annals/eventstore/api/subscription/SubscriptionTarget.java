package dev.annals.eventstore.api.subscription;

import java.net.URI;

/** Where a subscription delivers: an in-process handler, or a webhook. */
public sealed interface SubscriptionTarget {

  /**
   * A {@link SubscriptionHandler} bean of this server, by its {@link SubscriptionHandler#name()}.
   *
   * @param name the handler's name
   */
  record Handler(String name) implements SubscriptionTarget {}

  /**
   * An HTTP(S) endpoint that receives signed batches.
   *
   * @param url where batches are POSTed
   */
  record Webhook(URI url) implements SubscriptionTarget {}
}
