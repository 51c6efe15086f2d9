package dev.annals.dlq.internal;

import dev.annals.dlq.api.ConsumerLetterCounts;
import dev.annals.dlq.api.DeadLetter;
import dev.annals.dlq.api.DeadLetterQuery;
import dev.annals.dlq.api.LetterState;
import dev.annals.dlq.infrastructure.BlockedStreamRepository;
import dev.annals.dlq.infrastructure.DeadLetterRepository;
import dev.annals.dlq.infrastructure.DeadLetterTally;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.UnavailableException;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Dead-letter bookkeeping for redrive and discard, each step in a transaction of its own
 * (REQUIRES_NEW): a redrive delivers outside any transaction and records each letter's outcome as
 * it goes, so a crash in the middle loses no outcome already reached.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LetterStore {

  @Inject DeadLetterRepository letters;

  @Inject BlockedStreamRepository blocks;

  @Inject DeadLetterTally tally;

  @Inject DeadLetterMetrics metrics;

  public List<DeadLetter> list(TenantId tenant, DeadLetterQuery query) {
    try {
      return letters.list(tenant, query);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("list dead letters", e);
    }
  }

  public List<ConsumerLetterCounts> counts(TenantId tenant) {
    try {
      return tally.byConsumer(tenant);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("count dead letters", e);
    }
  }

  public Optional<DeadLetter> find(TenantId tenant, long id) {
    try {
      return letters.find(tenant, id);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read dead letter " + id, e);
    }
  }

  public List<DeadLetter> ofStream(TenantId tenant, DeadLetter like, List<LetterState> states) {
    try {
      return letters.ofStream(
          tenant, like.consumerKind(), like.consumer(), like.streamId(), states);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read dead letters", e);
    }
  }

  public List<DeadLetter> heads(TenantId tenant, String consumer, Optional<String> stream) {
    try {
      return letters.heads(tenant, consumer, stream);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read dead letters", e);
    }
  }

  public int waiting(TenantId tenant, String consumer, Optional<String> stream) {
    try {
      return letters.waiting(tenant, consumer, stream);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("count dead letters", e);
    }
  }

  /** Moves a letter on; false when it was no longer in {@code from}. */
  public boolean transition(
      TenantId tenant, DeadLetter letter, LetterState from, LetterState to, String reason) {
    try {
      boolean moved = letters.transition(tenant, letter.id(), from, to, reason);
      countOpen(tenant, letter);
      return moved;
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("change dead letter " + letter.id(), e);
    }
  }

  public void failedAgain(TenantId tenant, DeadLetter letter, String cause, String stackSummary) {
    try {
      letters.failedAgain(tenant, letter.id(), cause, stackSummary);
      countOpen(tenant, letter);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("change dead letter " + letter.id(), e);
    }
  }

  /** Lifts the stream's block if nothing of it waits any more. */
  public boolean lift(TenantId tenant, DeadLetter like) {
    try {
      return blocks.lift(tenant, like.consumerKind(), like.consumer(), like.streamId());
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("release stream " + like.streamId(), e);
    }
  }

  public boolean blocked(TenantId tenant, DeadLetter like) {
    try {
      return blocks.isBlocked(tenant, like.consumerKind(), like.consumer(), like.streamId());
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read stream " + like.streamId(), e);
    }
  }

  private void countOpen(TenantId tenant, DeadLetter letter) throws SQLException {
    metrics.open(
        tenant,
        letter.consumerKind(),
        letter.consumer(),
        letters.open(tenant, letter.consumerKind(), letter.consumer()));
  }
}
