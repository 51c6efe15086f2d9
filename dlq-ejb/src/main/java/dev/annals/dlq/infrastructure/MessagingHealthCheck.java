package dev.annals.dlq.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the messaging engine in {@code /health} the way Redis is shown: the check is UP, and says
 * {@code "messaging": "ok"}, or {@code "down"} with the error and since when, as {@link
 * MessagingProbe} last saw it. Only failures travel through messaging, and a consumer whose letter
 * cannot be sent retries and keeps its checkpoint, so an outage loses nothing and must not take a
 * node out of rotation; operators see it here and in the console's overview.
 */
@Readiness
@ApplicationScoped
public class MessagingHealthCheck implements HealthCheck {

  @Inject MessagingProbe probe;

  @Override
  public HealthCheckResponse call() {
    MessagingProbe.Observation last = probe.last();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("messaging")
            .up()
            .withData("messaging", last.up() ? "ok" : "down")
            .withData("since", last.since().toString());
    if (last.error() != null) {
      response.withData("error", last.error());
    }
    return response.build();
  }
}
