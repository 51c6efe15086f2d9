package dev.annals.tenancy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The quota rule other modules call before they create something ({@link
 * TenantQuotas#requireRoom}), and how configured quotas meet the server's defaults.
 */
class QuotaTest {

  private static final TenantId TENANT = new TenantId("acme");

  @Test
  void roomIsLeftUpToTheLimit() {
    Quota.SUBSCRIPTIONS.requireRoom(TENANT, 3, 2, 1);
    Quota.STREAMS.requireRoom(TENANT, 10, 0, 10);
  }

  @Test
  void oneMoreThanTheLimitIsRefusedNamingTheQuotaItsLimitAndTheUsage() {
    QuotaExceededException e =
        assertThrows(
            QuotaExceededException.class, () -> Quota.SUBSCRIPTIONS.requireRoom(TENANT, 3, 3, 1));
    assertEquals("maxSubscriptions", e.quota());
    assertEquals(3, e.limit());
    assertEquals(3, e.usage());
    assertTrue(e.getMessage().contains("'acme'"), e.getMessage());
    assertTrue(e.getMessage().contains("at most 3 subscriptions"), e.getMessage());
  }

  @Test
  void aUsageAlreadyOverALoweredQuotaIsRefusedToo() {
    QuotaExceededException e =
        assertThrows(
            QuotaExceededException.class, () -> Quota.STREAMS.requireRoom(TENANT, 5, 8, 1));
    assertEquals("maxStreams", e.quota());
    assertEquals(8, e.usage());
  }

  @Test
  void zeroIsUnlimited() {
    Quota.STORAGE_BYTES.requireRoom(TENANT, 0, Long.MAX_VALUE / 2, 1_000_000);
  }

  @Test
  void configuredValuesWinOverDefaultsAndNullTakesTheDefault() {
    QuotaSettings defaults = new QuotaSettings(100L, 0L, 7L);
    QuotaSettings configured = new QuotaSettings(null, 5_000L, 0L);
    QuotaSettings enforced = configured.resolve(defaults);
    assertEquals(100, enforced.limit(Quota.STREAMS));
    assertEquals(5_000, enforced.limit(Quota.STORAGE_BYTES));
    assertEquals(0, enforced.limit(Quota.SUBSCRIPTIONS), "0 configured: unlimited despite 7");
    assertTrue(QuotaSettings.DEFAULTS.isDefault());
  }

  @Test
  void negativeQuotasAreRefused() {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> new QuotaSettings(null, -1L, null));
    assertTrue(e.getMessage().contains("'maxStorageBytes'"), e.getMessage());
  }
}
