package dev.annals.eventstore.internal.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.dlq.api.BreakerPolicy;
import dev.annals.dlq.api.BreakerState;
import dev.annals.dlq.api.BreakerStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostBreakerTest {

  private final List<BreakerState> changes = new ArrayList<>();

  private HostBreaker breaker(BreakerStatus recorded) {
    return new HostBreaker(new BreakerPolicy(0.5, 4, 1000), recorded, s -> changes.add(s.state()));
  }

  @Test
  void failuresOfAnySubscriptionOpenItForAll() {
    HostBreaker host = breaker(BreakerStatus.CLOSED);
    for (int i = 0; i < 4; i++) {
      assertEquals(0, host.permit(i), "closed: anyone may post");
      host.record(false, i); // two subscriptions' posts, alternately: one count
    }
    assertEquals(List.of(BreakerState.OPEN), changes);
    assertEquals(997, host.permit(6), "open: nobody posts for the rest of the delay");
  }

  @Test
  void halfOpenLetsExactlyOneProbeThroughUntilItReports() {
    HostBreaker host = breaker(BreakerStatus.CLOSED);
    for (int i = 0; i < 4; i++) {
      host.record(false, 0);
    }
    assertEquals(0, host.permit(1000), "the first to ask probes");
    assertEquals(BreakerState.HALF_OPEN, host.status().state());
    assertEquals(HostBreaker.PROBE_WAIT_MS, host.permit(1001), "the others wait for it");
    host.record(true, 1050);
    assertEquals(BreakerState.CLOSED, host.status().state());
    assertEquals(0, host.permit(1051));
    assertEquals(List.of(BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED), changes);
  }

  @Test
  void aProbeThatNeverReportsFreesItsTurn() {
    HostBreaker host = breaker(BreakerStatus.CLOSED);
    for (int i = 0; i < 4; i++) {
      host.record(false, 0);
    }
    assertEquals(0, host.permit(1000));
    assertEquals(0, host.permit(1000 + HostBreaker.PROBE_LEASE_MS), "another may probe");
  }

  @Test
  void aRecordedOpenStateIsTakenOver() {
    HostBreaker host =
        breaker(new BreakerStatus(BreakerState.OPEN, Optional.of(Instant.ofEpochMilli(500)), 3));
    assertEquals(700, host.permit(800), "still open: opened at 500 with a delay of 1000");
  }
}
