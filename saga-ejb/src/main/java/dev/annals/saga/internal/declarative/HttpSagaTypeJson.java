package dev.annals.saga.internal.declarative;

import dev.annals.eventstore.api.OutboundUrls;
import dev.annals.saga.api.HttpCall;
import dev.annals.saga.api.HttpSagaStep;
import dev.annals.saga.api.HttpSagaType;
import dev.annals.saga.api.RetryBudget;
import dev.annals.saga.api.SagaPlan;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A declarative saga type's JSON form: {@code {"steps": [{"name", "action": {"method", "url",
 * "body"?}, "compensation"?: {…}, "retry"?: {"maxAttempts", "backoffMs", "maxBackoffMs"?},
 * "timeoutMs"?}], "timeoutMs"?}}. Parsing is strict — an unknown field, a wrong type, a URL the
 * server may not call or a malformed placeholder is refused naming the field — and the stored form
 * is what {@link #toJson} writes, so a type reads back as it was accepted.
 */
public final class HttpSagaTypeJson {

  private static final long MAX_TIMEOUT_MS = Duration.ofDays(30).toMillis();

  private HttpSagaTypeJson() {}

  /**
   * Parses a definition.
   *
   * @param type the type's name (from the path)
   * @param json the definition
   * @param ownPorts the ports this server listens on (a step may not call them locally)
   * @throws InvalidRequestException when the definition is not valid, naming the field
   */
  public static HttpSagaType parse(String type, JsonObject json, Set<Integer> ownPorts) {
    SagaPlan.requireType(type);
    allowOnly(json, "", "steps", "timeoutMs");
    JsonValue stepsJson = json.get("steps");
    if (stepsJson == null || stepsJson.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidRequestException("'steps' must be an array of 1-" + SagaPlan.MAX_STEPS);
    }
    List<HttpSagaStep> steps = new ArrayList<>();
    int index = 0;
    for (JsonValue step : stepsJson.asJsonArray()) {
      steps.add(step(step, "steps[" + index++ + "]", ownPorts));
    }
    return new HttpSagaType(type, steps, optionalMillis(json, "", "timeoutMs"));
  }

  /** The stored (and shown) form of a type. */
  public static JsonObject toJson(HttpSagaType type) {
    JsonArrayBuilder steps = Json.createArrayBuilder();
    for (HttpSagaStep step : type.steps()) {
      JsonObjectBuilder s =
          Json.createObjectBuilder().add("name", step.name()).add("action", call(step.action()));
      step.compensation().ifPresent(c -> s.add("compensation", call(c)));
      s.add(
          "retry",
          Json.createObjectBuilder()
              .add("maxAttempts", step.retry().maxAttempts())
              .add("backoffMs", step.retry().initialBackoff().toMillis())
              .add("maxBackoffMs", step.retry().maxBackoff().toMillis()));
      step.timeout().ifPresent(t -> s.add("timeoutMs", t.toMillis()));
      steps.add(s);
    }
    JsonObjectBuilder json = Json.createObjectBuilder().add("steps", steps);
    type.timeout().ifPresent(t -> json.add("timeoutMs", t.toMillis()));
    return json.build();
  }

  private static JsonObjectBuilder call(HttpCall call) {
    JsonObjectBuilder json =
        Json.createObjectBuilder().add("method", call.method().name()).add("url", call.url());
    call.body().ifPresent(b -> json.add("body", b));
    return json;
  }

  private static HttpSagaStep step(JsonValue value, String field, Set<Integer> ownPorts) {
    JsonObject step = object(value, field);
    allowOnly(step, field, "name", "action", "compensation", "retry", "timeoutMs");
    String name = string(step, field, "name");
    HttpCall action = call(step.get("action"), field + ".action", ownPorts);
    Optional<HttpCall> compensation =
        step.containsKey("compensation")
            ? Optional.of(call(step.get("compensation"), field + ".compensation", ownPorts))
            : Optional.empty();
    RetryBudget retry =
        step.containsKey("retry")
            ? retry(step.get("retry"), field + ".retry")
            : RetryBudget.DEFAULT;
    Optional<Duration> timeout = optionalMillis(step, field, "timeoutMs");
    try {
      return new HttpSagaStep(name, action, compensation, retry, timeout);
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException("'" + field + ".name': " + e.getMessage());
    }
  }

  private static HttpCall call(JsonValue value, String field, Set<Integer> ownPorts) {
    JsonObject call = object(value, field);
    allowOnly(call, field, "method", "url", "body");
    String methodText = string(call, field, "method");
    HttpCall.Method method =
        Arrays.stream(HttpCall.Method.values())
            .filter(m -> m.name().equals(methodText))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "'"
                            + field
                            + ".method' must be one of "
                            + Arrays.toString(HttpCall.Method.values())));
    String url = string(call, field, "url");
    checkUrl(url, field + ".url", ownPorts);
    Optional<JsonValue> body = Optional.ofNullable(call.get("body"));
    if (body.isPresent() && (method == HttpCall.Method.GET || method == HttpCall.Method.DELETE)) {
      throw new InvalidRequestException("'" + field + ".body' is not allowed with " + method);
    }
    body.ifPresent(b -> checkBody(b, field + ".body"));
    return new HttpCall(method, url, body);
  }

  private static void checkUrl(String url, String field, Set<Integer> ownPorts) {
    Placeholders.check(url, field);
    int start = url.indexOf("://");
    if (start >= 0) {
      int end = start + 3;
      while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
        end++;
      }
      if (url.substring(0, end).contains("${")) {
        throw new InvalidRequestException(
            "'" + field + "' may have placeholders only after its host: in its path or query");
      }
    }
    OutboundUrls.check(Placeholders.sample(url, "x"), field, ownPorts);
  }

  private static void checkBody(JsonValue body, String field) {
    switch (body.getValueType()) {
      case STRING -> Placeholders.check(((JsonString) body).getString(), field);
      case OBJECT -> body.asJsonObject().forEach((k, v) -> checkBody(v, field + "." + k));
      case ARRAY -> {
        int i = 0;
        for (JsonValue v : body.asJsonArray()) {
          checkBody(v, field + "[" + i++ + "]");
        }
      }
      default -> {}
    }
  }

  private static RetryBudget retry(JsonValue value, String field) {
    JsonObject retry = object(value, field);
    allowOnly(retry, field, "maxAttempts", "backoffMs", "maxBackoffMs");
    long attempts = integer(retry, field, "maxAttempts", 1, 100);
    Duration backoff = Duration.ofMillis(integer(retry, field, "backoffMs", 0, 3_600_000));
    if (!retry.containsKey("maxBackoffMs")) {
      return RetryBudget.of((int) attempts, backoff);
    }
    Duration max =
        Duration.ofMillis(integer(retry, field, "maxBackoffMs", backoff.toMillis(), 86_400_000));
    return new RetryBudget((int) attempts, backoff, max);
  }

  private static Optional<Duration> optionalMillis(JsonObject json, String field, String key) {
    return json.containsKey(key)
        ? Optional.of(Duration.ofMillis(integer(json, field, key, 1, MAX_TIMEOUT_MS)))
        : Optional.empty();
  }

  private static long integer(JsonObject json, String field, String key, long min, long max) {
    JsonValue value = json.get(key);
    String name = qualified(field, key);
    if (value == null
        || value.getValueType() != JsonValue.ValueType.NUMBER
        || !((JsonNumber) value).isIntegral()
        || ((JsonNumber) value).bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(min)) < 0
        || ((JsonNumber) value).bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(max))
            > 0) {
      throw new InvalidRequestException("'" + name + "' must be an integer " + min + "-" + max);
    }
    return ((JsonNumber) value).longValueExact();
  }

  private static String string(JsonObject json, String field, String key) {
    JsonValue value = json.get(key);
    if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidRequestException("'" + qualified(field, key) + "' must be a string");
    }
    return ((JsonString) value).getString();
  }

  private static JsonObject object(JsonValue value, String field) {
    if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidRequestException("'" + field + "' must be an object");
    }
    return value.asJsonObject();
  }

  private static void allowOnly(JsonObject json, String field, String... keys) {
    List<String> allowed = List.of(keys);
    for (String key : json.keySet()) {
      if (!allowed.contains(key)) {
        throw new InvalidRequestException(
            "'" + qualified(field, key) + "' is not a field here; expected one of " + allowed);
      }
    }
  }

  private static String qualified(String field, String key) {
    return field.isEmpty() ? key : field + "." + key;
  }
}
