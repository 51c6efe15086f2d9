package dev.annals.dlq.api;

import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.Local;
import java.util.Set;

/**
 * The sending side of the dead-letter queue, for consumers. Both methods join the caller's JTA
 * transaction (MANDATORY): a consumer sends its letters in the transaction that moves its
 * checkpoint past the events, so a letter is sent exactly when the checkpoint moves.
 */
@Local
public interface DeadLetterQueue {

  /**
   * Sends {@code letter} to the JMS queue (recorded by the MDB after the transaction commits) and,
   * for an open or retrying letter or a parked one, marks its stream blocked for its consumer in
   * the tenant's place, in the caller's transaction.
   */
  void send(Letter letter);

  /** The streams {@code consumer} must park rather than deliver (they have a letter ahead). */
  Set<String> blockedStreams(TenantId tenant, String consumerKind, String consumer);

  /**
   * The consumer is gone (a subscription deleted): its blocks and policy are removed and its
   * waiting letters discarded, in the caller's transaction, so a consumer created again under the
   * same name starts clean.
   */
  void forget(TenantId tenant, String consumerKind, String consumer);
}
