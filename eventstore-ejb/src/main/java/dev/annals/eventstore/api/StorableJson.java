package dev.annals.eventstore.api;

import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The rules a JSON value must meet before it may be stored as event data or metadata. PostgreSQL's
 * jsonb refuses some valid JSON ({@code \u0000}, numbers beyond its numeric range), a lone UTF-16
 * surrogate cannot be encoded as UTF-8 at all, and jsonb writes numbers back in plain notation, so
 * {@code 1e131071} (8 bytes) reads back as 131,072 digits. Checking here, before an append joins a
 * group-committed batch, keeps one caller's value from failing anyone else's append, and keeps what
 * a read returns within the append size limit.
 *
 * <p>The rules (README, "Input rules"): strings and keys without U+0000 and without unpaired
 * surrogates; numbers of a double's magnitude (at most 1.7976931348623157e308 and, unless zero, at
 * least 4.9e-324) with at most 16,383 digits after the point; at most {@value #MAX_DEPTH} levels of
 * nested arrays and objects.
 */
public final class StorableJson {

  /** Deepest nesting of arrays and objects accepted in one value. */
  public static final int MAX_DEPTH = 100;

  private static final BigDecimal MAX_MAGNITUDE = BigDecimal.valueOf(Double.MAX_VALUE);
  private static final BigDecimal MIN_MAGNITUDE = BigDecimal.valueOf(Double.MIN_VALUE);

  /** jsonb's numeric keeps at most this many digits after the decimal point. */
  private static final int MAX_SCALE = 16383;

  private long growth;

  private StorableJson() {}

  /**
   * Checks {@code value} and tells how many characters longer than its compact JSON text it can
   * read back (numbers are written back in plain notation).
   *
   * @param value the value to store
   * @param where how the caller names it in an error, e.g. {@code events[2].data}
   * @return the extra characters a read may return for it, 0 or more
   * @throws InvalidRequestException naming the first place (e.g. {@code events[2].data.items[3]})
   *     that breaks a rule
   */
  public static long check(JsonValue value, String where) {
    StorableJson check = new StorableJson();
    check.value(value, 0, new Path(null, where, -1));
    return check.growth;
  }

  private void value(JsonValue value, int depth, Path path) {
    switch (value.getValueType()) {
      case OBJECT -> {
        nested(depth, path);
        for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
          Path child = new Path(path, e.getKey(), -1);
          text(e.getKey(), child, "key");
          value(e.getValue(), depth + 1, child);
        }
      }
      case ARRAY -> {
        nested(depth, path);
        JsonArray array = (JsonArray) value;
        for (int i = 0; i < array.size(); i++) {
          value(array.get(i), depth + 1, new Path(path, null, i));
        }
      }
      case STRING -> text(((JsonString) value).getString(), path, "string");
      case NUMBER -> number((JsonNumber) value, path);
      default -> {
        // true, false and null are always storable
      }
    }
  }

  private static void nested(int depth, Path path) {
    if (depth >= MAX_DEPTH) {
      throw new InvalidRequestException(
          path + " nests arrays and objects deeper than " + MAX_DEPTH + " levels");
    }
  }

  private static void text(String s, Path path, String what) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        throw new InvalidRequestException(
            path + ": a " + what + " contains U+0000, which cannot be stored; remove it");
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidRequestException(
            path
                + ": a "
                + what
                + " contains an unpaired UTF-16 surrogate (\\u"
                + Integer.toHexString(c)
                + "), which is no character");
      }
    }
  }

  private void number(JsonNumber number, Path path) {
    String literal = number.toString();
    if (literal.length() <= 15 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0) {
      return; // a short literal in plain notation is within every bound and reads back as sent
    }
    BigDecimal n = number.bigDecimalValue();
    BigDecimal magnitude = n.abs();
    if (n.signum() != 0
        && (magnitude.compareTo(MAX_MAGNITUDE) > 0 || magnitude.compareTo(MIN_MAGNITUDE) < 0)) {
      throw new InvalidRequestException(
          path
              + ": the number "
              + abbreviate(literal)
              + " is outside the range of a double (magnitude up to 1.7976931348623157e308 and,"
              + " unless zero, at least 4.9e-324)");
    }
    if (n.scale() > MAX_SCALE) {
      throw new InvalidRequestException(
          path
              + ": the number "
              + abbreviate(literal)
              + " has more than "
              + MAX_SCALE
              + " digits after the decimal point");
    }
    growth += Math.max(0, plainLength(n) - literal.length());
  }

  /** Length of the number in plain notation, as PostgreSQL writes a numeric back. */
  static long plainLength(BigDecimal n) {
    long sign = n.signum() < 0 ? 1 : 0;
    long precision = n.precision();
    long scale = n.scale();
    if (scale <= 0) {
      return sign + precision - scale;
    }
    return sign + Math.max(precision, scale + 1) + 1;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 20) + "…" + s.substring(s.length() - 12);
  }

  /** A place in the value, spelled out only when an error names it. */
  private record Path(Path parent, String key, int index) {
    @Override
    public String toString() {
      if (parent == null) {
        return key;
      }
      return index >= 0 ? parent + "[" + index + "]" : parent + keySegment(key);
    }

    private static String keySegment(String key) {
      if (key.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
        return "." + key;
      }
      return "[" + JsonText.quoted(key, 64) + "]";
    }
  }
}
