package dev.annals.saga.internal.declarative;

import dev.annals.saga.api.StepRefusedException;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${data.<field>[.<field>…]}} placeholders in a declarative step's URL and body, filled from
 * the saga's data when the call is made. In a URL a value is percent-encoded, so it can change
 * neither the host nor the path's shape; in a body, a string that is exactly one placeholder
 * becomes the value itself (any JSON), and placeholders inside longer strings become the value's
 * text. A placeholder whose field the data lacks fails the step for good: retrying cannot help.
 */
public final class Placeholders {

  private static final Pattern ANY = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern FIELD = Pattern.compile("data(\\.[A-Za-z0-9_-]{1,100}){1,10}");

  private Placeholders() {}

  /**
   * Checks every placeholder in a template has the supported form.
   *
   * @param field the template's field in refusals
   * @throws InvalidRequestException when one does not, or a {@code ${} is never closed
   */
  static void check(String template, String field) {
    Matcher m = ANY.matcher(template);
    while (m.find()) {
      if (!FIELD.matcher(m.group(1)).matches()) {
        throw new InvalidRequestException(
            "'" + field + "' has a placeholder '${" + m.group(1) + "}': use ${data.<field>}");
      }
    }
    if (m.replaceAll("").contains("${")) {
      throw new InvalidRequestException("'" + field + "' has a '${' that is never closed");
    }
  }

  /** Whether the text has a placeholder. */
  static boolean has(String text) {
    return ANY.matcher(text).find();
  }

  /** The template with each placeholder replaced by {@code sample}, for checking its shape. */
  static String sample(String template, String sample) {
    return ANY.matcher(template).replaceAll(Matcher.quoteReplacement(sample));
  }

  /**
   * A URL template filled from the data, each value percent-encoded.
   *
   * @throws StepRefusedException when the data lacks a field or it is not a string, number or
   *     boolean
   */
  public static String url(String template, JsonObject data) {
    return ANY.matcher(template)
        .replaceAll(
            m ->
                Matcher.quoteReplacement(
                    URLEncoder.encode(text(value(data, m.group(1))), StandardCharsets.UTF_8)
                        .replace("+", "%20")));
  }

  /**
   * A body template filled from the data.
   *
   * @throws StepRefusedException when the data lacks a field
   */
  public static JsonValue body(JsonValue template, JsonObject data) {
    switch (template.getValueType()) {
      case STRING -> {
        String text = ((JsonString) template).getString();
        Matcher whole = ANY.matcher(text);
        if (whole.matches()) {
          return value(data, whole.group(1));
        }
        if (!has(text)) {
          return template;
        }
        return Json.createValue(
            ANY.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(text(value(data, m.group(1))))));
      }
      case OBJECT -> {
        JsonObjectBuilder filled = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : template.asJsonObject().entrySet()) {
          filled.add(e.getKey(), body(e.getValue(), data));
        }
        return filled.build();
      }
      case ARRAY -> {
        JsonArrayBuilder filled = Json.createArrayBuilder();
        template.asJsonArray().forEach(v -> filled.add(body(v, data)));
        return filled.build();
      }
      default -> {
        return template;
      }
    }
  }

  private static JsonValue value(JsonObject data, String placeholder) {
    JsonValue current = data;
    for (String part : placeholder.substring("data.".length()).split("\\.")) {
      if (current.getValueType() != JsonValue.ValueType.OBJECT
          || !current.asJsonObject().containsKey(part)) {
        throw new StepRefusedException("The saga's data has no '" + placeholder + "'");
      }
      current = current.asJsonObject().get(part);
    }
    return current;
  }

  private static String text(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).toString();
      case TRUE, FALSE -> value.toString();
      default ->
          throw new StepRefusedException(
              "A placeholder inside text needs a string, number or boolean, not "
                  + value.getValueType().name().toLowerCase(java.util.Locale.ROOT));
    };
  }
}
