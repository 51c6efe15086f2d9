package dev.annals.eventstore.api;

import dev.annals.tenancy.api.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * An event's type name: {@code ^[A-Za-z][A-Za-z0-9._-]{0,99}$}.
 *
 * @param value the name
 */
public record EventType(String value) {

  private static final Pattern PATTERN = Pattern.compile("^[A-Za-z][A-Za-z0-9._-]{0,99}$");

  /**
   * @throws InvalidRequestException when the value does not match
   */
  public EventType {
    if (value == null || value.length() > 100 || !PATTERN.matcher(value).matches()) {
      throw new InvalidRequestException(
          "Event type must be 1-100 characters of letters, digits and . _ -, starting with a"
              + " letter");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
