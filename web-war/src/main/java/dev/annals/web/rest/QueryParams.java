package dev.annals.web.rest;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.tenancy.api.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Query parameters arrive as text and are parsed here, so a bad one is a 400 that names it rather
 * than the 404 JAX-RS gives a parameter it cannot convert.
 */
public final class QueryParams {

  private QueryParams() {}

  public static long longAtLeast(String raw, String name, long min, long defaultValue) {
    if (raw == null || raw.isEmpty()) {
      return defaultValue;
    }
    long value;
    try {
      value = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("'" + name + "' must be a whole number, was '" + raw + "'");
    }
    if (value < min) {
      throw new InvalidRequestException("'" + name + "' must be " + min + " or more, was " + value);
    }
    return value;
  }

  /**
   * An RFC 3339 date-time with its offset (e.g. {@code 2026-11-30T15:00:00Z}); null when absent.
   */
  public static Instant instant(String raw, String name) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          "'" + name + "' must be an RFC 3339 date-time with an offset, was '" + raw + "'");
    }
  }

  /** A checkpoint ({@code after}); the start when absent. */
  public static Checkpoint checkpoint(String after) {
    return after == null || after.isEmpty() ? Checkpoint.START : Checkpoint.parse(after);
  }

  public static int limit(String raw, int max) {
    long value = longAtLeast(raw, "limit", 1, Math.min(100, max));
    if (value > max) {
      throw new InvalidRequestException("'limit' must be at most " + max + ", was " + value);
    }
    return (int) value;
  }
}
