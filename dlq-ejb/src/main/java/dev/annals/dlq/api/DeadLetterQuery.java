package dev.annals.dlq.api;

import dev.annals.tenancy.api.InvalidRequestException;
import java.util.Optional;

/**
 * Which dead letters to list.
 *
 * @param consumer only this consumer's
 * @param streamId only this stream's
 * @param state only letters in this state
 * @param after ids above this (0: from the first)
 * @param limit at most this many, 1-1000
 */
public record DeadLetterQuery(
    Optional<String> consumer,
    Optional<String> streamId,
    Optional<LetterState> state,
    long after,
    int limit) {

  /** Most letters on one page. */
  public static final int MAX_LIMIT = 1000;

  /**
   * @throws InvalidRequestException for a negative {@code after} or a limit out of range
   */
  public DeadLetterQuery {
    if (after < 0) {
      throw new InvalidRequestException("'after' must not be negative");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidRequestException("'limit' must be 1-" + MAX_LIMIT);
    }
  }
}
