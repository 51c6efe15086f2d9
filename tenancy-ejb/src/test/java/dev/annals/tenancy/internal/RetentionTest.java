package dev.annals.tenancy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionTest {

  private static final Instant DELETED = Instant.parse("2026-01-10T12:00:00Z");

  static Tenant deleted(int retainDays, boolean purged) {
    return new Tenant(
        new TenantId("acme"),
        "Acme",
        Isolation.SCHEMA,
        TenantState.DELETED,
        DELETED.minus(Duration.ofDays(100)),
        Optional.empty(),
        Optional.of(DELETED),
        Optional.of(DELETED.plus(Duration.ofDays(retainDays))),
        purged,
        1);
  }

  @Test
  void zeroDaysPurgesNowEvenWhenAnEarlierDeleteRetainedTheData() {
    assertTrue(Retention.purgesNow(deleted(30, false), 0, DELETED.plusSeconds(60)));
  }

  @Test
  void aRetentionThatHasNotEndedKeepsTheData() {
    assertFalse(Retention.purgesNow(deleted(7, false), 7, DELETED.plus(Duration.ofDays(6))));
  }

  @Test
  void aRetentionShortenedIntoThePastPurgesNow() {
    assertTrue(Retention.purgesNow(deleted(2, false), 2, DELETED.plus(Duration.ofDays(3))));
  }

  @Test
  void aPurgedTenantIsNotPurgedAgain() {
    assertFalse(Retention.purgesNow(deleted(0, true), 0, DELETED.plus(Duration.ofDays(1))));
  }

  @Test
  void retainDaysOutsideTheRangeAreRefused() {
    Retention.check(0);
    Retention.check(3650);
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> Retention.check(3651));
    assertEquals("'retainDays' must be between 0 and 3650, was 3651", e.getMessage());
    assertThrows(InvalidRequestException.class, () -> Retention.check(-1));
  }
}
