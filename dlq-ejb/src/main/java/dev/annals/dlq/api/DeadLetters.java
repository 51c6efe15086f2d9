package dev.annals.dlq.api;

import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's dead letters for operators: list, inspect, redrive, discard. Every redrive and discard
 * is audited in the tenant's chain with the caller.
 */
@Local
public interface DeadLetters {

  /** A page of letters, by id. */
  DeadLetterPage list(TenantId tenant, DeadLetterQuery query);

  /** Each consumer with letters, by name, with how many it has in each state. */
  List<ConsumerLetterCounts> counts(TenantId tenant);

  /**
   * One letter, with its event and stack summary.
   *
   * @throws DeadLetterNotFoundException when the tenant has none with this id
   */
  DeadLetter get(TenantId tenant, long id);

  /**
   * Delivers an open letter again through its consumer kind's {@link Redelivery} (which reads the
   * event again, as it is now); on success, the parked letters behind it follow in stream order
   * until one fails. A letter that fails again stays open with its attempts increased.
   *
   * @throws DeadLetterNotFoundException when the tenant has none with this id
   * @throws dev.annals.tenancy.api.ConflictException when it is not open or parked at the head
   */
  RedriveSummary redrive(TenantId tenant, long id);

  /**
   * Gives up an open or parked letter; an open one releases the parked letters behind it.
   *
   * @throws DeadLetterNotFoundException when the tenant has none with this id
   * @throws dev.annals.tenancy.api.InvalidRequestException when the reason is blank
   * @throws dev.annals.tenancy.api.ConflictException when it was redriven or discarded already
   */
  DeadLetter discard(TenantId tenant, long id, String reason);

  /** Redrives every open letter of {@code consumer} (of one stream, when given), in order. */
  RedriveSummary redriveAll(TenantId tenant, String consumer, Optional<String> streamId);
}
