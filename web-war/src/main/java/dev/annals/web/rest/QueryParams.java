package dev.annals.web.rest;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.JsonText;
import dev.annals.eventstore.api.ReadForm;
import dev.annals.tenancy.api.Identifiers;
import dev.annals.tenancy.api.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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

  /**
   * One of the names offered for a parameter (an enumeration's wire names); empty when absent.
   *
   * @param offered the names a caller may send, in the order the refusal lists them
   * @param parser the enumeration's parser
   */
  public static <T> Optional<T> choice(
      String raw, String name, List<String> offered, Function<String, T> parser) {
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    if (!offered.contains(raw)) {
      throw new InvalidRequestException(
          "'"
              + name
              + "' must be one of "
              + String.join(", ", offered)
              + "; was: "
              + Identifiers.shown(raw));
    }
    return Optional.of(parser.apply(raw));
  }

  public static int limit(String raw, int max) {
    long value = longAtLeast(raw, "limit", 1, Math.min(100, max));
    if (value > max) {
      throw new InvalidRequestException("'limit' must be at most " + max + ", was " + value);
    }
    return (int) value;
  }

  /** {@code raw}: true reads the stored form; absent or false the current one. */
  public static ReadForm readForm(String raw) {
    if (raw == null || raw.isEmpty() || raw.equals("false")) {
      return ReadForm.CURRENT;
    }
    if (raw.equals("true")) {
      return ReadForm.STORED;
    }
    throw new InvalidRequestException(
        "'raw' must be true or false, was " + JsonText.quoted(raw, 40));
  }
}
