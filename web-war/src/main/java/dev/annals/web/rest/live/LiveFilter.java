package dev.annals.web.rest.live;

import dev.annals.eventstore.api.EventType;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.subscription.SubscriptionFilter;
import dev.annals.tenancy.api.InvalidRequestException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which events of $all a live feed sends: those whose stream starts with {@code streamPrefix} (when
 * given) and whose type is one of {@code eventTypes} (when given). The database returns only
 * candidates, and the feed's position moves past the others even when nothing matches.
 *
 * @param streamPrefix the streams' common start, or empty for every stream
 * @param eventTypes the types to send, or empty for every type
 */
record LiveFilter(String streamPrefix, Set<String> eventTypes) {

  /** At most this many types in one filter. */
  static final int MAX_TYPES = 100;

  /**
   * Parses the query parameters.
   *
   * @param streamPrefix a stream id's start (the characters a stream id may hold), or null/empty
   * @param eventTypes comma-separated event types, or null/empty
   * @throws InvalidRequestException naming the parameter that is malformed
   */
  static LiveFilter parse(String streamPrefix, String eventTypes) {
    String prefix = streamPrefix == null ? "" : streamPrefix;
    if (!prefix.isEmpty()) {
      try {
        new StreamId(prefix);
      } catch (InvalidRequestException e) {
        throw new InvalidRequestException(
            "'streamPrefix' must be the start of a stream id: 1-200 characters of letters, digits"
                + " and . _ : @ -");
      }
    }
    Set<String> types = new LinkedHashSet<>();
    if (eventTypes != null && !eventTypes.isEmpty()) {
      for (String t : eventTypes.split(",", -1)) {
        try {
          types.add(new EventType(t.strip()).value());
        } catch (InvalidRequestException e) {
          throw new InvalidRequestException(
              "'eventTypes' must be a comma-separated list of event types; '"
                  + t
                  + "' is none: "
                  + e.getMessage());
        }
      }
      if (types.size() > MAX_TYPES) {
        throw new InvalidRequestException(
            "'eventTypes' may name at most " + MAX_TYPES + " types, it names " + types.size());
      }
    }
    return new LiveFilter(prefix, Set.copyOf(types));
  }

  /** The same filter as the event store takes it (and hands to the database). */
  SubscriptionFilter filter() {
    return new SubscriptionFilter(
        streamPrefix.isEmpty() ? Optional.empty() : Optional.of(streamPrefix), eventTypes);
  }
}
