package dev.annals.dlq.api;

import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.Local;
import java.time.Instant;
import java.util.Optional;

/**
 * Retrying letters, for the consumer that sent them: an event whose delivery failed leaves its
 * consumer's flow as a {@link LetterState#RETRYING} letter (its stream parks behind it), and the
 * consumer, while it is driven, has its due letters delivered again here through its kind's {@link
 * Redelivery}. Outside any transaction: each outcome is recorded in a transaction of its own.
 */
@Local
public interface LetterRetries {

  /**
   * Delivers the consumer's retrying letters that are due, each through its kind's {@link
   * Redelivery}. One that goes through is closed (redriven) and the letters parked behind it are
   * released in stream order (the first that fails becomes the stream's retrying head); one that
   * fails again retries after the consumer policy's backoff, or, at its {@code maxAttempts} or when
   * poison, becomes open (an operator's to redrive or discard).
   *
   * @param tenant whose consumer
   * @param consumerKind the consumer's kind (picks the {@link Redelivery})
   * @param consumer the consumer's name
   * @return what the pass did, and when to call again
   * @throws dev.annals.tenancy.api.ConflictException when the consumer no longer exists
   */
  Pass retryDue(TenantId tenant, String consumerKind, String consumer);

  /**
   * What a pass of retries did.
   *
   * @param next when to call again: the next letter's due time, soon while a stream is still being
   *     released, empty when nothing retries
   * @param delivered letters delivered (retrying ones, and parked ones released)
   * @param failed deliveries that failed (for the consumer's breaker)
   */
  record Pass(Optional<Instant> next, int delivered, int failed) {}
}
