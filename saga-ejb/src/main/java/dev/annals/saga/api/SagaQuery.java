package dev.annals.saga.api;

import dev.annals.tenancy.api.InvalidRequestException;
import java.util.Optional;

/**
 * Which sagas to list: those of a state and a type (each optional), ids after {@code after}, at
 * most {@code limit}.
 *
 * @param state only sagas in this state
 * @param type only sagas of this type
 * @param after only ids after this one (the previous page's {@code next})
 * @param limit 1-1000
 */
public record SagaQuery(
    Optional<SagaState> state, Optional<String> type, Optional<String> after, int limit) {

  /** The most a page holds. */
  public static final int MAX_LIMIT = 1000;

  /**
   * @throws InvalidRequestException when the limit is out of range
   */
  public SagaQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidRequestException("'limit' must be 1-" + MAX_LIMIT + ", was " + limit);
    }
  }
}
