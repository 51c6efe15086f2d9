package dev.annals.saga.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told: the fixture's time, in which backoffs and deadlines pass. */
final class VirtualClock extends Clock {

  private volatile Instant now;

  VirtualClock(Instant start) {
    this.now = start;
  }

  void set(Instant time) {
    if (time.isAfter(now)) {
      now = time;
    }
  }

  void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("The fixture's clock is UTC");
  }
}
