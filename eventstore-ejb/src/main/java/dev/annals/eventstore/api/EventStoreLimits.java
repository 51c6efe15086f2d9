package dev.annals.eventstore.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The event store's limits (MicroProfile Config), shared with the HTTP layer, which must know the
 * body size to read at most before it parses anything.
 */
@ApplicationScoped
public class EventStoreLimits {

  @Inject
  @ConfigProperty(name = "annals.eventstore.append.max-events", defaultValue = "1000")
  int maxEventsPerAppend;

  @Inject
  @ConfigProperty(name = "annals.eventstore.append.max-bytes", defaultValue = "1048576")
  int maxAppendBytes;

  @Inject
  @ConfigProperty(name = "annals.eventstore.read.max-limit", defaultValue = "1000")
  int maxReadLimit;

  /** Most events one append may carry. */
  public int maxEventsPerAppend() {
    return maxEventsPerAppend;
  }

  /** Most bytes of data and metadata (UTF-8) one append may carry; also the HTTP body limit. */
  public int maxAppendBytes() {
    return maxAppendBytes;
  }

  /** Most events one read may return. */
  public int maxReadLimit() {
    return maxReadLimit;
  }
}
