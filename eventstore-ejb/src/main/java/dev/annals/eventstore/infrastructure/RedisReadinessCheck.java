package dev.annals.eventstore.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.exceptions.JedisException;

/** Ready when Redis answers PING within the client's timeout. */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements HealthCheck {

  @Inject RedisConnection redis;

  @Override
  public HealthCheckResponse call() {
    try {
      String pong = redis.client().ping();
      return HealthCheckResponse.named("redis").status("PONG".equals(pong)).build();
    } catch (JedisException e) {
      return HealthCheckResponse.named("redis")
          .withData("error", String.valueOf(e.getMessage()))
          .down()
          .build();
    }
  }
}
