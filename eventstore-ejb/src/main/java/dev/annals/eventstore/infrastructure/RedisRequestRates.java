package dev.annals.eventstore.infrastructure;

import dev.annals.eventstore.api.RequestRates;
import dev.annals.eventstore.api.RequestRates.Limit;
import dev.annals.eventstore.api.RequestRates.Refusal;
import dev.annals.eventstore.api.RequestRates.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * {@link RequestRates} in Redis: each scope (a principal, a tenant) counts its requests in a key
 * per one-second window, and a request is judged by the sliding estimate {@code previous window ×
 * the share of it still inside the last second + current window}. One script call counts and
 * estimates every scope of a request (one round trip). While Redis is down (the background probe
 * says so) or does not answer within the fast client's timeout, requests pass unchecked and the
 * counter {@code annals.ratelimit.unchecked} says how many.
 */
@ApplicationScoped
public class RedisRequestRates implements RequestRates {

  static final long WINDOW_MILLIS = 1_000;

  /**
   * KEYS: each scope's current and previous window, in pairs; ARGV[1]: the window in ms, ARGV[2]:
   * ms elapsed in the current window. Returns each scope's estimate.
   */
  static final String SCRIPT =
      """
      local window = tonumber(ARGV[1])
      local elapsed = tonumber(ARGV[2])
      local out = {}
      for i = 1, #KEYS, 2 do
        local current = redis.call('INCR', KEYS[i])
        if current == 1 then redis.call('PEXPIRE', KEYS[i], window * 2) end
        local previous = tonumber(redis.call('GET', KEYS[i + 1]) or '0')
        out[#out + 1] = math.floor(previous * (window - elapsed) / window) + current
      end
      return out
      """;

  private static final String SHA = sha1(SCRIPT);

  @Inject RedisConnection redis;

  @Inject RedisStatus health;

  @Inject MetricRegistry metrics;

  private final Clock clock = Clock.systemUTC();
  private final Map<Scope, Counter> refused = new EnumMap<>(Scope.class);
  private Counter unchecked;

  @PostConstruct
  void start() {
    unchecked = metrics.counter("annals.ratelimit.unchecked");
    for (Scope s : Scope.values()) {
      refused.put(
          s,
          metrics.counter(
              "annals.ratelimit.refused", new Tag("scope", s.name().toLowerCase(Locale.ROOT))));
    }
  }

  @Override
  public Optional<Refusal> check(List<Limit> limits) {
    List<Limit> counted = limits.stream().filter(l -> l.perSecond() > 0).toList();
    if (counted.isEmpty()) {
      return Optional.empty();
    }
    if (!health.last().up()) {
      unchecked.inc();
      return Optional.empty();
    }
    long now = clock.millis();
    long window = now / WINDOW_MILLIS;
    long elapsed = now - window * WINDOW_MILLIS;
    List<String> keys = new ArrayList<>(counted.size() * 2);
    for (Limit l : counted) {
      add(keys, l.scope().name() + ":" + l.key(), window);
    }
    List<?> estimates;
    try {
      estimates = run(keys, List.of(Long.toString(WINDOW_MILLIS), Long.toString(elapsed)));
    } catch (JedisException e) {
      unchecked.inc();
      return Optional.empty();
    }
    for (int i = 0; i < counted.size(); i++) {
      Limit l = counted.get(i);
      if (((Number) estimates.get(i)).longValue() > l.perSecond()) {
        refused.get(l.scope()).inc();
        long retryAfter = Math.max(1, (WINDOW_MILLIS - elapsed + 999) / 1000);
        return Optional.of(new Refusal(l.scope(), l.perSecond(), retryAfter));
      }
    }
    return Optional.empty();
  }

  /**
   * The scope's keys of the current and the previous window. The scope is hex-encoded: principal
   * names come from tokens and may hold any character.
   */
  static void add(List<String> keys, String scope, long window) {
    String base =
        "annals:rate:" + HexFormat.of().formatHex(scope.getBytes(StandardCharsets.UTF_8)) + ":";
    keys.add(base + window);
    keys.add(base + (window - 1));
  }

  private List<?> run(List<String> keys, List<String> args) {
    try {
      return (List<?>) redis.fastClient().evalsha(SHA, keys, args);
    } catch (JedisNoScriptException e) {
      return (List<?>) redis.fastClient().eval(SCRIPT, keys, args);
    }
  }

  private static String sha1(String script) {
    try {
      return HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-1")
                  .digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
