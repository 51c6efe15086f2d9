package dev.annals.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

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

  /**
   * Each resource method's timer (empty: not timed), found once: a registry lookup builds a metric
   * id and hashes its tags, a cost every request paid before.
   */
  private final Map<Method, Optional<Timer>> timers = new ConcurrentHashMap<>();

  /** A timed request's timer and start. */
  private record Timing(Timer timer, long started) {}

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null) {
      return;
    }
    timers
        .computeIfAbsent(method, this::timerOf)
        .ifPresent(timer -> request.setProperty(STARTED, new Timing(timer, System.nanoTime())));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(STARTED) instanceof Timing timing) {
      timing.timer().update(Duration.ofNanos(System.nanoTime() - timing.started()));
    }
  }

  private Optional<Timer> timerOf(Method method) {
    return operation(method)
        .map(op -> metrics.timer("annals.api.requests", new Tag("operation", op)));
  }

  private static Optional<String> operation(Method method) {
    Class<?> type = method.getDeclaringClass();
    String name = method.getName();
    if (type == StreamResource.class && name.equals("append")) {
      return Optional.of("append");
    }
    boolean read =
        (type == StreamResource.class && name.equals("read"))
            || type == AllEventsResource.class
            || type == CorrelationResource.class;
    return read ? Optional.of("read") : Optional.empty();
  }
}
