package dev.annals.eventstore.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The application's one pooled Redis client, from {@code redis.url} ({@code REDIS_URL}). Redis only
 * carries wake-ups and rate-limit counters; PostgreSQL stays the source of truth, so every caller
 * must cope with Redis being down. Short timeouts keep a dead Redis from stalling requests.
 */
@ApplicationScoped
public class RedisConnection {

  private static final int TIMEOUT_MILLIS = 2_000;

  @Inject
  @ConfigProperty(name = "redis.url", defaultValue = "redis://127.0.0.1:6379")
  String url;

  /** Timeouts of the client that request-path callers use: they must never wait long. */
  private static final int FAST_TIMEOUT_MILLIS = 250;

  private RedisClient client;
  private RedisClient fast;

  @PostConstruct
  void open() {
    client = connect(TIMEOUT_MILLIS);
    fast = connect(FAST_TIMEOUT_MILLIS);
  }

  private RedisClient connect(int timeoutMillis) {
    URI uri = URI.create(url);
    return RedisClient.builder()
        .hostAndPort(JedisURIHelper.getHostAndPort(uri))
        .clientConfig(config(uri, timeoutMillis))
        .build();
  }

  private static JedisClientConfig config(URI uri, int timeoutMillis) {
    return DefaultJedisClientConfig.builder()
        .user(JedisURIHelper.getUser(uri))
        .password(JedisURIHelper.getPassword(uri))
        .database(JedisURIHelper.getDBIndex(uri))
        .ssl(JedisURIHelper.isRedisSSLScheme(uri))
        .connectionTimeoutMillis(timeoutMillis)
        .socketTimeoutMillis(timeoutMillis)
        .build();
  }

  /**
   * A connection of its own, outside the pool, for a caller that holds it for long (a pub/sub
   * subscriber); the caller closes it. A read waits at most {@code timeoutMillis}, so a subscriber
   * that pings more often than that notices a hung Redis.
   */
  public Jedis dedicated(int timeoutMillis) {
    URI uri = URI.create(url);
    return new Jedis(JedisURIHelper.getHostAndPort(uri), config(uri, timeoutMillis));
  }

  /** The shared client; thread-safe, pooled. */
  public UnifiedJedis client() {
    return client;
  }

  /**
   * A client with short timeouts ({@value #FAST_TIMEOUT_MILLIS} ms) for work on a request's path
   * (rate limits): a hung Redis must cost a request at most that, never seconds.
   */
  public UnifiedJedis fastClient() {
    return fast;
  }

  @PreDestroy
  void close() {
    fast.close();
    client.close();
  }
}
