package dev.annals.eventstore.internal.subscription;

import dev.annals.eventstore.api.subscription.SubscriptionHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

/** The application's {@link SubscriptionHandler} beans, by name, found once. */
@ApplicationScoped
public class HandlerRegistry {

  private static final Logger LOG = Logger.getLogger(HandlerRegistry.class.getName());

  @Inject @Any Instance<SubscriptionHandler> beans;

  private volatile Map<String, SubscriptionHandler> byName;

  /** The handler of this name, if this server has one. */
  public Optional<SubscriptionHandler> find(String name) {
    return Optional.ofNullable(handlers().get(name));
  }

  /**
   * The deployed handler of this name.
   *
   * @param where the node, as a failure names it
   * @param permanent whether its absence stops delivery (else a redelivery fails)
   * @throws DeliveryFailedException when none is deployed here
   */
  public SubscriptionHandler require(String name, String where, boolean permanent) {
    return find(name)
        .orElseThrow(
            () ->
                new DeliveryFailedException(
                    "no handler named '" + name + "' is deployed on " + where, permanent, null));
  }

  /** The names of this server's handlers, sorted. */
  public Iterable<String> names() {
    return handlers().keySet();
  }

  private Map<String, SubscriptionHandler> handlers() {
    Map<String, SubscriptionHandler> m = byName;
    if (m == null) {
      TreeMap<String, SubscriptionHandler> found = new TreeMap<>();
      for (SubscriptionHandler h : beans) {
        if (found.putIfAbsent(h.name(), h) != null) {
          LOG.severe("Two subscription handlers are named '" + h.name() + "': the first is used");
        }
      }
      m = byName = java.util.Collections.unmodifiableSortedMap(found);
    }
    return m;
  }
}
