package dev.annals.web.rest.subscription;

import dev.annals.dlq.api.BreakerPolicy;
import dev.annals.dlq.api.ConsumerPolicy;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A subscription's retry and breaker policy, as sent and as answered.
 *
 * @param maxAttempts deliveries tried before an event is dead-lettered
 * @param initialBackoffMs pause after the first failure, doubled after each further one (with
 *     jitter)
 * @param maxBackoffMs longest pause
 * @param breaker the circuit breaker
 */
@Schema(name = "ConsumerPolicy")
public record ConsumerPolicyView(
    @Schema(required = true, minimum = "1", maximum = "100") int maxAttempts,
    @Schema(required = true, minimum = "1", maximum = "86400000") long initialBackoffMs,
    @Schema(required = true, minimum = "1", maximum = "86400000") long maxBackoffMs,
    @Schema(required = true) BreakerPolicyView breaker) {

  /**
   * When the breaker opens, and for how long.
   *
   * @param failureRatio it opens when at least this share of the last window's attempts failed
   * @param window how many recent attempts count
   * @param delayMs how long it stays open before a half-open probe
   */
  @Schema(name = "BreakerPolicy")
  public record BreakerPolicyView(
      @Schema(required = true, minimum = "0", maximum = "1", description = "above 0, at most 1")
          double failureRatio,
      @Schema(required = true, minimum = "1", maximum = "1000") int window,
      @Schema(required = true, minimum = "1", maximum = "86400000") long delayMs) {}

  static ConsumerPolicyView from(ConsumerPolicy p) {
    return new ConsumerPolicyView(
        p.maxAttempts(),
        p.initialBackoffMs(),
        p.maxBackoffMs(),
        new BreakerPolicyView(
            p.breaker().failureRatio(), p.breaker().window(), p.breaker().delayMs()));
  }

  /** Reads a policy body, naming the field at fault; every field is required. */
  static ConsumerPolicy parse(JsonObject json) {
    only(json, "", Set.of("maxAttempts", "initialBackoffMs", "maxBackoffMs", "breaker"));
    if (!(json.get("breaker") instanceof JsonObject b)) {
      throw new InvalidRequestException("'breaker' is required (an object)");
    }
    only(b, "breaker.", Set.of("failureRatio", "window", "delayMs"));
    BreakerPolicy breaker =
        new BreakerPolicy(
            number(b, "breaker.failureRatio", "failureRatio").doubleValue(),
            (int) whole(b, "breaker.window", "window", 1000),
            whole(b, "breaker.delayMs", "delayMs", ConsumerPolicy.MAX_DELAY_MS));
    return new ConsumerPolicy(
        (int) whole(json, "maxAttempts", "maxAttempts", 100),
        whole(json, "initialBackoffMs", "initialBackoffMs", ConsumerPolicy.MAX_DELAY_MS),
        whole(json, "maxBackoffMs", "maxBackoffMs", ConsumerPolicy.MAX_DELAY_MS),
        breaker);
  }

  private static JsonNumber number(JsonObject json, String path, String field) {
    JsonValue v = json.get(field);
    if (!(v instanceof JsonNumber n)) {
      throw new InvalidRequestException("'" + path + "' is required (a number)");
    }
    return n;
  }

  private static long whole(JsonObject json, String path, String field, long max) {
    JsonNumber n = number(json, path, field);
    if (!n.isIntegral()
        || n.bigDecimalValue().abs().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
      throw new InvalidRequestException("'" + path + "' must be a whole number up to " + max);
    }
    return n.longValue();
  }

  private static void only(JsonObject json, String path, Set<String> fields) {
    for (String field : json.keySet()) {
      if (!fields.contains(field)) {
        throw new InvalidRequestException("Unknown field '" + path + field + "'");
      }
    }
  }
}
