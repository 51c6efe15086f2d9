package dev.annals.eventstore.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows Redis in {@code /health} without letting it decide readiness: the check is always UP, and
 * says {@code "redis": "degraded"} with the error and since when while Redis does not answer. A
 * load balancer must not take every node out of rotation for a Redis outage that loses nothing.
 */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements HealthCheck {

  @Inject RedisHealth redis;

  @Override
  public HealthCheckResponse call() {
    RedisHealth.Observation last = redis.last();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("redis")
            .up()
            .withData("redis", last.up() ? "ok" : "degraded")
            .withData("since", last.since().toString());
    if (last.error() != null) {
      response.withData("error", last.error());
    }
    return response.build();
  }
}
