package dev.annals.saga.api;

import dev.annals.tenancy.api.InvalidRequestException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A saga's id: 1-100 characters of {@code [A-Za-z0-9._:@-]}, so that its log stream {@code
 * saga-<id>} is a valid stream id. A client may choose it (starting the same id twice then starts
 * one saga); otherwise the server picks a random UUID.
 *
 * @param value the id
 */
public record SagaId(String value) {

  private static final Pattern PATTERN = Pattern.compile("^[A-Za-z0-9._:@-]{1,100}$");

  /**
   * @throws InvalidRequestException when the value does not match
   */
  public SagaId {
    if (value == null || value.length() > 100 || !PATTERN.matcher(value).matches()) {
      throw new InvalidRequestException(
          "Saga id must be 1-100 characters of letters, digits and . _ : @ -");
    }
  }

  /** A new random id. */
  public static SagaId random() {
    return new SagaId(UUID.randomUUID().toString());
  }

  /** The saga's log stream id. */
  public String streamId() {
    return "saga-" + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
