package dev.annals.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Times appends and reads at the API, from the request's arrival to its response (an append's
 * response waits for its group-commit batch, so the time includes it): the timer {@code
 * annals.api.requests} tagged {@code operation=append|read}, whose count gives the rates and whose
 * quantiles the latencies of the last minutes. No tenant tag: one series per operation, whatever
 * the number of tenants. The live feed is no read here (it lasts as long as the client stays).
 */
@Provider
public class ApiMeterFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = ApiMeterFilter.class.getName() + ".started";

  @Inject MetricRegistry metrics;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (operation().isPresent()) {
      request.setProperty(STARTED, System.nanoTime());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(STARTED) instanceof Long started) {
      operation()
          .ifPresent(
              op ->
                  metrics
                      .timer("annals.api.requests", new Tag("operation", op))
                      .update(Duration.ofNanos(System.nanoTime() - started)));
    }
  }

  private Optional<String> operation() {
    if (resource == null || resource.getResourceMethod() == null) {
      return Optional.empty();
    }
    Class<?> type = resource.getResourceMethod().getDeclaringClass();
    String method = resource.getResourceMethod().getName();
    if (type == StreamResource.class && method.equals("append")) {
      return Optional.of("append");
    }
    boolean read =
        (type == StreamResource.class && method.equals("read"))
            || type == AllEventsResource.class
            || type == CorrelationResource.class;
    return read ? Optional.of("read") : Optional.empty();
  }
}
