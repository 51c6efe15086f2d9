package dev.annals.eventstore.internal.subscription;

import dev.annals.dlq.api.DeadLetterQueue;
import dev.annals.eventstore.api.AllScan;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.ReadForm;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.subscription.SubscriptionBatch;
import dev.annals.eventstore.api.subscription.SubscriptionFilter;
import dev.annals.eventstore.api.subscription.SubscriptionHandler;
import dev.annals.eventstore.api.subscription.SubscriptionName;
import dev.annals.eventstore.infrastructure.EventReader;
import dev.annals.eventstore.infrastructure.subscription.StoredState;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRepository;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRow;
import dev.annals.eventstore.internal.AllFollowing;
import dev.annals.eventstore.internal.upcast.Upcasting;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantLookups;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The driver's transactions, each on its own (REQUIRES_NEW): claiming leases, delivering a batch to
 * an in-process handler (handler writes and checkpoint in one transaction), reading a webhook batch
 * and acknowledging it, recording a failure. Every checkpoint advance is a compare-and-set on this
 * node's live lease and the checkpoint the batch was read from.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryBean {

  /** The largest batch a handler may ask for ({@link SubscriptionHandler#batchSize}). */
  static final int MAX_HANDLER_BATCH = 5000;

  @Inject SubscriptionRepository repository;

  @Inject EventReader reader;

  @Inject AllFollowing following;

  @Inject HandlerRegistry handlers;

  @Inject Upcasting upcasting;

  @Inject SubscriptionsConfig config;

  @EJB DeadLetterQueue deadLetters;

  @Inject TenantLookups tenants;

  @Resource ManagedExecutorService executor;

  @Resource SessionContext context;

  /** Claims free leases of the tenant and renews this node's; the names it holds. */
  public List<String> claim(TenantId tenant, String node) throws SQLException {
    return repository.claim(tenant, node, config.leaseMs());
  }

  /** The next batch while {@code node} drives the subscription; empty when it does not. */
  public Optional<Delivery> read(TenantId tenant, String name, String node) throws SQLException {
    return read(tenant, name, node, false);
  }

  /**
   * The next batch while {@code node} drives the subscription; empty when it does not. Matched
   * events of streams with a dead letter ahead are set apart to be parked. With {@code narrow}
   * (after a failed batch) the batch ends at its first event to deliver. An event that cannot be
   * upcast ends the batch before it, or fails it alone (see {@link DeliveryPlan}).
   */
  public Optional<Delivery> read(TenantId tenant, String name, String node, boolean narrow)
      throws SQLException {
    return read(tenant, name, node, narrow, false);
  }

  private Optional<Delivery> read(
      TenantId tenant, String name, String node, boolean narrow, boolean forLetter)
      throws SQLException {
    return read(tenant, name, node, narrow, forLetter, false, null);
  }

  /**
   * As {@link #read(TenantId, String, String, boolean)}, at the handler's catch-up batch size when
   * {@code catchingUp}, taking the page from {@code ahead} when it is the one this read would read
   * first (never for a narrowed read or a letter).
   */
  private Optional<Delivery> read(
      TenantId tenant,
      String name,
      String node,
      boolean narrow,
      boolean forLetter,
      boolean catchingUp,
      ReadAhead ahead)
      throws SQLException {
    Optional<SubscriptionRow> found = repository.find(tenant, name);
    if (found.isEmpty()
        || found.get().state() != StoredState.RUNNING
        || !found.get().node().equals(Optional.of(node))) {
      return Optional.empty();
    }
    SubscriptionRow row = found.get();
    int limit = limit(row, catchingUp && !narrow && !forLetter);
    Optional<AllScan> early =
        ahead != null && !narrow && !forLetter && ahead.fits(row, limit, tenants.placement(tenant))
            ? ahead.take()
            : Optional.empty();
    AllScan scan =
        early.isPresent()
            ? early.get()
            : following
                .scan(tenant, row.checkpoint(), limit, ReadForm.CURRENT, filter(row))
                .orElseThrow(
                    () ->
                        new DeliveryFailedException(
                            "checkpoint " + row.checkpoint() + " is no event of the tenant",
                            true,
                            null));
    List<RecordedEvent> matched = scan.events();
    Set<String> blocked =
        matched.isEmpty()
            ? Set.of()
            : deadLetters.blockedStreams(tenant, SubscriptionLetters.KIND, name);
    return Optional.of(
        DeliveryPlan.split(
            row,
            matched,
            blocked,
            scan.checkpoint(),
            scan.full(),
            narrow,
            forLetter,
            scan.heldBack()));
  }

  /**
   * Most events of one batch of the subscription: its handler's batch size (its catch-up batch size
   * when {@code catchingUp}, if larger), or the configured one.
   */
  private int limit(SubscriptionRow row, boolean catchingUp) {
    return row.handler()
        .flatMap(handlers::find)
        .map(
            h ->
                Math.min(
                    catchingUp ? Math.max(h.batchSize(), h.catchUpBatchSize()) : h.batchSize(),
                    MAX_HANDLER_BATCH))
        .filter(n -> n > 0)
        .orElse(config.batchSize());
  }

  private static SubscriptionFilter filter(SubscriptionRow row) {
    return new SubscriptionFilter(row.streamPrefix(), new HashSet<>(row.eventTypes()));
  }

  /**
   * Starts reading the page after {@code d}, outside this transaction, on the non-transactional
   * reads pool: the next delivery takes it if it still fits ({@link ReadAhead}).
   */
  private ReadAhead readAhead(TenantId tenant, Delivery d) {
    SubscriptionRow row = d.row();
    int limit = limit(row, true); // the batch after a full one catches up
    SubscriptionFilter filter = filter(row);
    Checkpoint after = d.next();
    try {
      return new ReadAhead(
          row,
          after,
          limit,
          tenants.placement(tenant),
          executor.submit(() -> following.scan(tenant, after, limit, ReadForm.CURRENT, filter)));
    } catch (RuntimeException e) {
      return null; // refused (the server stops, say): the next delivery reads itself
    }
  }

  /**
   * Delivers the next batch to the subscription's handler and advances the checkpoint, in this one
   * transaction.
   *
   * @throws DeliveryFailedException when the handler is missing or throws: all rolls back
   */
  public Delivery.Outcome deliverToHandler(TenantId tenant, String name, String node)
      throws SQLException {
    return deliverToHandler(tenant, name, node, false, true).outcome();
  }

  /**
   * What a delivery to a handler came to.
   *
   * @param outcome the outcome
   * @param delivered the events handed to the handler (empty when none was)
   * @param next where the checkpoint went
   * @param readAhead the next page, being read since this batch was (after a full batch)
   */
  public record HandlerDelivery(
      Delivery.Outcome outcome,
      List<RecordedEvent> delivered,
      Checkpoint next,
      Optional<ReadAhead> readAhead) {

    HandlerDelivery(Delivery.Outcome outcome, List<RecordedEvent> delivered, Checkpoint next) {
      this(outcome, delivered, next, Optional.empty());
    }
  }

  /**
   * Delivers the next batch ({@link #read(TenantId, String, String, boolean) narrowed} or not) to
   * the subscription's handler, parks what waits behind dead letters and advances the checkpoint,
   * in this one transaction.
   *
   * @throws DeliveryFailedException when the handler is missing or throws: all rolls back
   */
  public HandlerDelivery deliverToHandler(
      TenantId tenant, String name, String node, boolean narrow, boolean endsFailures)
      throws SQLException {
    return deliverToHandler(tenant, name, node, narrow, endsFailures, false, null);
  }

  /**
   * As {@link #deliverToHandler(TenantId, String, String, boolean, boolean)}, at the handler's
   * catch-up batch size when {@code catchingUp} (the batch before, in the same pass, was full),
   * taking the batch's page from {@code ahead} when it fits (it is given up otherwise) and, after a
   * full batch with {@code annals.subscriptions.read-ahead}, starting to read the next page while
   * this batch is applied and committed.
   */
  public HandlerDelivery deliverToHandler(
      TenantId tenant,
      String name,
      String node,
      boolean narrow,
      boolean endsFailures,
      boolean catchingUp,
      ReadAhead ahead)
      throws SQLException {
    Optional<Delivery> read;
    try {
      read = read(tenant, name, node, narrow, false, catchingUp, ahead);
    } finally {
      if (ahead != null) {
        ahead.cancel(); // taken, or not fit to be
      }
    }
    if (read.isEmpty()) {
      return new HandlerDelivery(Delivery.Outcome.LOST, List.of(), Checkpoint.START);
    }
    Delivery d = read.get();
    if (d.row().handler().isEmpty()) {
      // deleted and created again as a webhook: a new runner
      return new HandlerDelivery(Delivery.Outcome.LOST, List.of(), Checkpoint.START);
    }
    if (d.empty()) {
      return new HandlerDelivery(d.acknowledged(), List.of(), d.next());
    }
    ReadAhead next =
        config.readAhead() && !narrow && d.acknowledged() == Delivery.Outcome.MORE
            ? readAhead(tenant, d)
            : null;
    try {
      return handle(tenant, name, node, endsFailures, d, next);
    } catch (RuntimeException | SQLException e) {
      if (next != null) {
        next.cancel();
      }
      throw e;
    }
  }

  private HandlerDelivery handle(
      TenantId tenant, String name, String node, boolean endsFailures, Delivery d, ReadAhead next)
      throws SQLException {
    if (!d.matched().isEmpty()) {
      String handlerName = d.row().handler().orElseThrow();
      SubscriptionHandler handler = handlers.require(handlerName, node, true);
      try {
        handler.handle(
            new SubscriptionBatch(tenant, new SubscriptionName(name), d.matched(), d.next()));
      } catch (RuntimeException e) {
        throw new DeliveryFailedException(
            "handler '" + handlerName + "' failed: " + Failures.describe(e), false, e, d.matched());
      }
    }
    park(tenant, name, d);
    if (!repository.advance(
        tenant,
        name,
        node,
        d.row().checkpoint(),
        d.next(),
        d.matched().size(),
        endsFailures,
        config.leaseMs())) {
      context.setRollbackOnly();
      if (next != null) {
        next.cancel();
      }
      return new HandlerDelivery(Delivery.Outcome.LOST, List.of(), Checkpoint.START);
    }
    return new HandlerDelivery(d.acknowledged(), d.matched(), d.next(), Optional.ofNullable(next));
  }

  /**
   * Acknowledges a batch delivered elsewhere (a webhook); false when this node lost it. With {@code
   * endsFailures} (none of its letters retrying) the subscription's run of failures ends.
   */
  public boolean advance(
      TenantId tenant, String name, String node, Delivery delivered, boolean endsFailures)
      throws SQLException {
    park(tenant, name, delivered);
    return repository.advance(
        tenant,
        name,
        node,
        delivered.row().checkpoint(),
        delivered.next(),
        delivered.matched().size(),
        endsFailures,
        config.leaseMs());
  }

  /** Hands back {@code node}'s leases of the tenant (a clean stop). */
  public void release(TenantId tenant, String node) throws SQLException {
    repository.release(tenant, node);
  }

  /**
   * Records {@code attempts} failed attempts, the last with {@code error}; a permanent one stops
   * the subscription.
   */
  public void recordFailure(
      TenantId tenant, String name, String node, String error, int attempts, boolean permanent)
      throws SQLException {
    repository.recordFailure(tenant, name, node, error, attempts, permanent);
  }

  /**
   * Sends {@code head} to the dead-letter queue (open, or retrying as {@code decision} says), parks
   * what waits behind dead letters before it and moves the checkpoint past it, in this one
   * transaction (so the letter is sent exactly when the checkpoint moves). The batch is read again,
   * narrowed: when its first event to deliver is no longer {@code head} (a reset, a redrive
   * meanwhile), nothing happens.
   */
  public Delivery.Outcome deadLetter(
      TenantId tenant,
      String name,
      String node,
      RecordedEvent head,
      FailureHandling.Decision.DeadLetter decision,
      String cause,
      String stackSummary)
      throws SQLException {
    Optional<Delivery> read = read(tenant, name, node, true, true);
    if (read.isEmpty()) {
      return Delivery.Outcome.LOST;
    }
    Delivery d = read.get();
    if (d.matched().isEmpty() || !d.matched().get(0).eventId().equals(head.eventId())) {
      return Delivery.Outcome.MORE;
    }
    park(tenant, name, d);
    Instant now = Instant.now();
    deadLetters.send(
        SubscriptionLetters.failed(
            tenant,
            name,
            head,
            decision.attempts(),
            cause,
            stackSummary,
            decision.firstFailure(),
            now,
            decision.retrying() ? now.plusMillis(decision.retryInMs()) : null));
    if (!repository.advance(
        tenant, name, node, d.row().checkpoint(), d.next(), 0, false, config.leaseMs())) {
      context.setRollbackOnly();
      return Delivery.Outcome.LOST;
    }
    return d.acknowledged();
  }

  private void park(TenantId tenant, String name, Delivery d) {
    for (RecordedEvent e : d.parked()) {
      deadLetters.send(SubscriptionLetters.parked(tenant, name, e));
    }
  }
}
