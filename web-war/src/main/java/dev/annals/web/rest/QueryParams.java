package dev.annals.web.rest;

import dev.annals.tenancy.api.InvalidRequestException;

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

  public static int limit(String raw, int max) {
    long value = longAtLeast(raw, "limit", 1, Math.min(100, max));
    if (value > max) {
      throw new InvalidRequestException("'limit' must be at most " + max + ", was " + value);
    }
    return (int) value;
  }
}
