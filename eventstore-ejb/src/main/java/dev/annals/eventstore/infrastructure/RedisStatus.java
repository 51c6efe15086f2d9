package dev.annals.eventstore.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The last thing {@link RedisHealth}'s probe saw, as a plain CDI bean: read on every request's path
 * (the rate check), where a call through the EJB container to the probe's singleton cost 4% of a
 * small read's CPU.
 */
@ApplicationScoped
public class RedisStatus {

  private volatile RedisHealth.Observation last =
      new RedisHealth.Observation(false, "not probed yet", java.time.Instant.EPOCH);

  /** The last observation; answers at once. */
  public RedisHealth.Observation last() {
    return last;
  }

  void set(RedisHealth.Observation observation) {
    last = observation;
  }
}
