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
  record Webhook(URI url) implements SubscriptionTarget {

    /** The host batches go to, as its circuit breaker is keyed: {@link #host(URI)}. */
    public String host() {
      return host(url);
    }

    /** A webhook URL's host and port ({@code 80} or {@code 443} when implied), in lower case. */
    public static String host(URI url) {
      int port = url.getPort();
      if (port < 0) {
        port = "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
      }
      return String.valueOf(url.getHost()).toLowerCase(java.util.Locale.ROOT) + ":" + port;
    }
  }
}
