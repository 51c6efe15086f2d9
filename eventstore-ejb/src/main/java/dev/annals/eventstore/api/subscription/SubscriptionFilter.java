package dev.annals.eventstore.api.subscription;

import dev.annals.eventstore.api.EventType;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.tenancy.api.InvalidRequestException;
import java.util.Optional;
import java.util.Set;

/**
 * Which of a tenant's events a subscription delivers: those of streams whose id starts with the
 * prefix (when there is one) and of the listed types (when there are any). Both empty: every event.
 *
 * @param streamPrefix a stream id prefix, or empty
 * @param eventTypes event types, or none for every type
 */
public record SubscriptionFilter(Optional<String> streamPrefix, Set<String> eventTypes) {

  /** Most event types one filter may list. */
  public static final int MAX_TYPES = 100;

  /** Longest prefix: a stream id's longest. */
  public static final int MAX_PREFIX = 200;

  /** Every event. */
  public static final SubscriptionFilter ALL = new SubscriptionFilter(Optional.empty(), Set.of());

  /**
   * @throws InvalidRequestException when the prefix is empty or longer than a stream id, or a type
   *     is not a valid event type
   */
  public SubscriptionFilter {
    streamPrefix = streamPrefix == null ? Optional.empty() : streamPrefix;
    eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
    streamPrefix.ifPresent(
        p -> {
          if (p.isEmpty() || p.length() > MAX_PREFIX) {
            throw new InvalidRequestException(
                "'streamPrefix' must be 1-" + MAX_PREFIX + " characters");
          }
        });
    if (eventTypes.size() > MAX_TYPES) {
      throw new InvalidRequestException("'eventTypes' may list at most " + MAX_TYPES + " types");
    }
    eventTypes.forEach(EventType::new);
  }

  /** Whether {@code event} passes the filter. */
  public boolean matches(RecordedEvent event) {
    return streamPrefix.map(p -> event.streamId().value().startsWith(p)).orElse(true)
        && (eventTypes.isEmpty() || eventTypes.contains(event.type()));
  }
}
