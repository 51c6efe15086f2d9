package dev.annals.eventstore.api;

import dev.annals.tenancy.api.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * A stream's id: 1-200 characters of {@code [A-Za-z0-9._:@-]}. Names starting with {@code $} are
 * reserved for the store's own streams, and the character set already excludes them.
 *
 * @param value the id
 */
public record StreamId(String value) {

  private static final Pattern PATTERN = Pattern.compile("^[A-Za-z0-9._:@-]{1,200}$");

  /**
   * @throws InvalidRequestException when the value does not match
   */
  public StreamId {
    if (value == null || value.length() > 200 || !PATTERN.matcher(value).matches()) {
      throw new InvalidRequestException(
          "Stream id must be 1-200 characters of letters, digits and . _ : @ - (ids starting"
              + " with $ are reserved)");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
