package dev.annals.eventstore.api.projection;

import dev.annals.tenancy.api.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * A projection's name: 3-40 characters, lower-case letters, digits and {@code _}, starting with a
 * letter.
 *
 * @param value the name
 */
public record ProjectionName(String value) {

  private static final Pattern VALID = Pattern.compile("^[a-z][a-z0-9_]{2,39}$");

  /**
   * @throws InvalidRequestException when the name does not match the pattern
   */
  public ProjectionName {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new InvalidRequestException(
          "Projection name "
              + (value == null ? "is missing" : "'" + value + "' is invalid")
              + ": 3-40 characters of a-z, 0-9 and '_', starting with a letter");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
