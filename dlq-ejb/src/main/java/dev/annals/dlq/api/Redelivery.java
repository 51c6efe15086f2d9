package dev.annals.dlq.api;

import dev.annals.tenancy.api.TenantId;

/**
 * The SPI a consumer kind implements so that its letters can be redriven: dlq-ejb knows letters,
 * never subscriptions or sagas. Implementations register with {@link RedeliveryRegistry} at start.
 */
public interface Redelivery {

  /**
   * Delivers the letter's event to its consumer again, reading the event as it is now (current
   * upcasters). Runs outside any transaction: take one where the delivery needs it.
   *
   * @throws Exception when the delivery failed (the letter stays open, attempts + 1)
   * @throws dev.annals.tenancy.api.ConflictException when the consumer no longer exists
   */
  void redeliver(TenantId tenant, DeadLetter letter) throws Exception;
}
