package dev.annals.dlq.internal;

import dev.annals.dlq.api.ConsumerLetterCounts;
import dev.annals.dlq.api.DeadLetter;
import dev.annals.dlq.api.DeadLetterNotFoundException;
import dev.annals.dlq.api.DeadLetterPage;
import dev.annals.dlq.api.DeadLetterQuery;
import dev.annals.dlq.api.DeadLetters;
import dev.annals.dlq.api.FailureKinds;
import dev.annals.dlq.api.LetterState;
import dev.annals.dlq.api.RedriveSummary;
import dev.annals.tenancy.api.AuditEvent;
import dev.annals.tenancy.api.AuditLog;
import dev.annals.tenancy.api.AuditOutcome;
import dev.annals.tenancy.api.AuditScope;
import dev.annals.tenancy.api.ConflictException;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.Tenants;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;

/**
 * Operators' dead-letter operations. Outside any transaction of its own: a redrive delivers through
 * the consumer kind's {@link dev.annals.dlq.api.Redelivery} and records each letter's outcome in
 * its own transaction ({@link LetterStore}); every redrive and discard is audited in the tenant's
 * chain in the caller's name.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeadLettersBean implements DeadLetters {

  /** Longest discard reason. */
  static final int MAX_REASON = 1000;

  @EJB Tenants tenants;

  @EJB AuditLog audit;

  @EJB LetterStore store;

  @EJB RedeliveryRegistryBean registry;

  @Inject DeadLetterMetrics metrics;

  @Inject FailuresConfig config;

  @Override
  public DeadLetterPage list(TenantId tenant, DeadLetterQuery query) {
    tenants.requireReadable(tenant);
    List<DeadLetter> page = store.list(tenant, query);
    Optional<Long> next =
        page.size() == query.limit()
            ? Optional.of(page.get(page.size() - 1).id())
            : Optional.empty();
    return new DeadLetterPage(page, next);
  }

  @Override
  public List<ConsumerLetterCounts> counts(TenantId tenant) {
    tenants.requireReadable(tenant);
    return store.counts(tenant);
  }

  @Override
  public DeadLetter get(TenantId tenant, long id) {
    tenants.requireReadable(tenant);
    return store.find(tenant, id).orElseThrow(() -> new DeadLetterNotFoundException(id));
  }

  @Override
  public RedriveSummary redrive(TenantId tenant, long id) {
    DeadLetter letter = get(tenant, id);
    if (letter.state() == LetterState.PARKED && !isHead(tenant, letter)) {
      throw new ConflictException(
          "Dead letter " + id + " waits behind an open letter of its stream: redrive that one");
    }
    if (!letter.state().waiting()) {
      throw new ConflictException(
          "Dead letter " + id + " is " + letter.state().wireName() + ": nothing to redrive");
    }
    return head(tenant, letter);
  }

  @Override
  public DeadLetter discard(TenantId tenant, long id, String reason) {
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
      throw new InvalidRequestException("'reason' is required: 1-" + MAX_REASON + " characters");
    }
    DeadLetter letter = get(tenant, id);
    if (!letter.state().waiting()
        || !store.transition(tenant, letter, letter.state(), LetterState.DISCARDED, reason)) {
      throw new ConflictException(
          "Dead letter " + id + " is " + letter.state().wireName() + ": nothing to discard");
    }
    audited(tenant, letter, "deadletter.discarded", AuditOutcome.SUCCEEDED, reason);
    metrics.discarded(tenant, letter.consumerKind(), letter.consumer());
    if (letter.state() != LetterState.PARKED) {
      release(tenant, letter, new int[2]);
    } else {
      store.lift(tenant, letter);
    }
    return get(tenant, id);
  }

  @Override
  public RedriveSummary redriveAll(TenantId tenant, String consumer, Optional<String> streamId) {
    tenants.requireReadable(tenant);
    if (consumer == null || consumer.isBlank()) {
      throw new InvalidRequestException("'consumer' is required");
    }
    int redriven = 0;
    int failed = 0;
    for (DeadLetter head : store.heads(tenant, consumer, streamId)) {
      RedriveSummary s = head(tenant, head);
      redriven += s.redriven();
      failed += s.failed();
    }
    return new RedriveSummary(redriven, failed, store.waiting(tenant, consumer, streamId));
  }

  /** Redelivers the head of a stream, then, if it went through, the letters parked behind it. */
  private RedriveSummary head(TenantId tenant, DeadLetter head) {
    int[] counts = new int[2];
    if (deliver(tenant, head, counts)) {
      release(tenant, head, counts);
    }
    return new RedriveSummary(
        counts[0], counts[1], store.waiting(tenant, head.consumer(), Optional.of(head.streamId())));
  }

  /**
   * Delivers the parked letters behind {@code head} in stream order until one fails (it becomes the
   * head), then lifts the stream's block. Letters still on their way through the queue are waited
   * for a moment ({@code annals.failures.redrive.settle-ms}); the block stays until they are
   * released, so the consumer keeps parking meanwhile and a later redrive releases the rest.
   */
  private void release(TenantId tenant, DeadLetter head, int[] counts) {
    long deadline = System.currentTimeMillis() + config.settleMs();
    while (true) {
      List<DeadLetter> parked = store.ofStream(tenant, head, List.of(LetterState.PARKED));
      for (DeadLetter p : parked) {
        if (!deliver(tenant, p, counts)) {
          return;
        }
      }
      if (store.lift(tenant, head) || !store.blocked(tenant, head)) {
        return;
      }
      if (parked.isEmpty()) {
        if (System.currentTimeMillis() > deadline
            || !store
                .ofStream(tenant, head, List.of(LetterState.OPEN, LetterState.RETRYING))
                .isEmpty()) {
          return;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Redelivers one letter and records the outcome; true when it went through. */
  private boolean deliver(TenantId tenant, DeadLetter letter, int[] counts) {
    var redelivery =
        registry
            .find(letter.consumerKind())
            .orElseThrow(
                () ->
                    new ConflictException(
                        "No consumer of kind '" + letter.consumerKind() + "' runs here"));
    try {
      redelivery.redeliver(tenant, letter);
    } catch (ConflictException | dev.annals.tenancy.api.ResourceNotFoundException e) {
      throw e;
    } catch (Exception e) {
      store.failedAgain(tenant, letter, FailureKinds.describe(e), FailureKinds.stackSummary(e));
      audited(tenant, letter, "deadletter.redriven", AuditOutcome.FAILED, FailureKinds.describe(e));
      metrics.redriven(tenant, letter.consumerKind(), letter.consumer(), false);
      counts[1]++;
      return false;
    }
    store.transition(
        tenant,
        letter,
        letter.state(),
        LetterState.REDRIVEN,
        "redriven by " + audit.currentActor().principal());
    audited(tenant, letter, "deadletter.redriven", AuditOutcome.SUCCEEDED, null);
    metrics.redriven(tenant, letter.consumerKind(), letter.consumer(), true);
    counts[0]++;
    return true;
  }

  private boolean isHead(TenantId tenant, DeadLetter parked) {
    return store.ofStream(tenant, parked, LetterState.WAITING).stream()
        .findFirst()
        .filter(first -> first.id() == parked.id())
        .isPresent();
  }

  private void audited(
      TenantId tenant, DeadLetter letter, String action, AuditOutcome outcome, String reason) {
    JsonObjectBuilder detail =
        Json.createObjectBuilder()
            .add("consumerKind", letter.consumerKind())
            .add("consumer", letter.consumer())
            .add("streamId", letter.streamId())
            .add("eventId", letter.eventId().toString());
    if (reason != null) {
      detail.add("reason", reason);
    }
    audit.record(
        new AuditEvent(
            AuditScope.TENANT,
            action,
            Optional.of(tenant),
            Optional.of("dead-letter/" + letter.id()),
            outcome,
            detail.build()));
  }
}
