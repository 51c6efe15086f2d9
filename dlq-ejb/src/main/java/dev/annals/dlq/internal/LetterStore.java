package dev.annals.dlq.internal;

import dev.annals.dlq.api.ConsumerLetterCounts;
import dev.annals.dlq.api.DeadLetter;
import dev.annals.dlq.api.DeadLetterQuery;
import dev.annals.dlq.api.LetterState;
import dev.annals.dlq.infrastructure.BlockedStreamRepository;
import dev.annals.dlq.infrastructure.DeadLetterRepository;
import dev.annals.dlq.infrastructure.DeadLetterTally;
import dev.annals.dlq.infrastructure.RetryingLetterRepository;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.UnavailableException;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

  @Inject RetryingLetterRepository retrying;

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

  /** The consumer's retrying letters due now, in $all order. */
  public List<DeadLetter> due(TenantId tenant, String kind, String consumer, int limit) {
    try {
      return retrying.due(tenant, kind, consumer, limit);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read retrying letters", e);
    }
  }

  /** When the consumer's next retrying letter falls due. */
  public Optional<Instant> nextDue(TenantId tenant, String kind, String consumer) {
    try {
      return retrying.nextDue(tenant, kind, consumer);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read retrying letters", e);
    }
  }

  /** An attempt by a retry failed: retrying again at {@code dueAt}, or open without one. */
  public boolean retryFailed(
      TenantId tenant,
      DeadLetter letter,
      String cause,
      String stackSummary,
      Optional<Instant> dueAt) {
    try {
      boolean changed = retrying.failed(tenant, letter.id(), cause, stackSummary, dueAt);
      countOpen(tenant, letter);
      return changed;
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("change dead letter " + letter.id(), e);
    }
  }

  /** The consumer's streams a retry is releasing. */
  public Set<String> releasing(TenantId tenant, String kind, String consumer) {
    try {
      return blocks.releasing(tenant, kind, consumer);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read blocked streams", e);
    }
  }

  /** Whether every letter sent for the stream of {@code like} is recorded. */
  public boolean settled(TenantId tenant, DeadLetter like) {
    try {
      return blocks.settled(tenant, like.consumerKind(), like.consumer(), like.streamId());
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read stream " + like.streamId(), e);
    }
  }

  /** Marks the stream of {@code like} as being released by a retry, or not any more. */
  public void releasing(TenantId tenant, DeadLetter like, boolean releasing) {
    try {
      blocks.releasing(tenant, like.consumerKind(), like.consumer(), like.streamId(), releasing);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("release stream " + like.streamId(), e);
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
