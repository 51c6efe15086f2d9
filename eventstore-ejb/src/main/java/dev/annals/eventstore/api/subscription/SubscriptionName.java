package dev.annals.eventstore.api.subscription;

import dev.annals.tenancy.api.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * A subscription's name, unique within its tenant: 3-63 characters, lower-case letters, digits,
 * {@code _} and {@code -}, starting with a letter.
 *
 * @param value the name
 */
public record SubscriptionName(String value) {

  private static final Pattern VALID = Pattern.compile("^[a-z][a-z0-9_-]{2,62}$");

  /**
   * @throws InvalidRequestException when the name does not match the pattern
   */
  public SubscriptionName {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new InvalidRequestException(
          "Subscription name "
              + (value == null ? "is missing" : "'" + value + "' is invalid")
              + ": 3-63 characters of a-z, 0-9, '_' and '-', starting with a letter");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
