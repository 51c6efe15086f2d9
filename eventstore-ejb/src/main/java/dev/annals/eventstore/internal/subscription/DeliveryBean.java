package dev.annals.eventstore.internal.subscription;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.subscription.SubscriptionBatch;
import dev.annals.eventstore.api.subscription.SubscriptionFilter;
import dev.annals.eventstore.api.subscription.SubscriptionHandler;
import dev.annals.eventstore.api.subscription.SubscriptionName;
import dev.annals.eventstore.infrastructure.EventReader;
import dev.annals.eventstore.infrastructure.subscription.StoredState;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRepository;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRow;
import dev.annals.tenancy.api.TenantId;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The driver's transactions, each on its own (REQUIRES_NEW): claiming leases, delivering a batch to
 * an in-process handler (handler writes and checkpoint in one transaction), reading a webhook batch
 * and acknowledging it, recording a failure. Every checkpoint advance is a compare-and-set on this
 * node's live lease and the checkpoint the batch was read from.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryBean {

  @Inject SubscriptionRepository repository;

  @Inject EventReader reader;

  @Inject HandlerRegistry handlers;

  @Inject SubscriptionsConfig config;

  @Resource SessionContext context;

  /** Claims free leases of the tenant and renews this node's; the names it holds. */
  public List<String> claim(TenantId tenant, String node) throws SQLException {
    return repository.claim(tenant, node, config.leaseMs());
  }

  /** The next batch while {@code node} drives the subscription; empty when it does not. */
  public Optional<Delivery> read(TenantId tenant, String name, String node) throws SQLException {
    Optional<SubscriptionRow> found = repository.find(tenant, name);
    if (found.isEmpty()
        || found.get().state() != StoredState.RUNNING
        || !found.get().node().equals(Optional.of(node))) {
      return Optional.empty();
    }
    SubscriptionRow row = found.get();
    int limit = config.batchSize();
    List<RecordedEvent> page =
        reader
            .readAll(tenant, row.checkpoint(), limit)
            .orElseThrow(
                () ->
                    new DeliveryFailedException(
                        "checkpoint " + row.checkpoint() + " is no event of the tenant",
                        true,
                        null));
    SubscriptionFilter filter =
        new SubscriptionFilter(row.streamPrefix(), new HashSet<>(row.eventTypes()));
    List<RecordedEvent> matched = page.stream().filter(filter::matches).toList();
    Checkpoint next = page.isEmpty() ? row.checkpoint() : page.get(page.size() - 1).position();
    return Optional.of(new Delivery(row, matched, next, page.size() == limit));
  }

  /**
   * Delivers the next batch to the subscription's handler and advances the checkpoint, in this one
   * transaction.
   *
   * @throws DeliveryFailedException when the handler is missing or throws: all rolls back
   */
  public Delivery.Outcome deliverToHandler(TenantId tenant, String name, String node)
      throws SQLException {
    Optional<Delivery> read = read(tenant, name, node);
    if (read.isEmpty()) {
      return Delivery.Outcome.LOST;
    }
    Delivery d = read.get();
    if (d.row().handler().isEmpty()) {
      return Delivery.Outcome.LOST; // deleted and created again as a webhook: a new runner
    }
    if (d.empty()) {
      return Delivery.Outcome.CAUGHT_UP;
    }
    if (!d.matched().isEmpty()) {
      String handlerName = d.row().handler().orElseThrow();
      SubscriptionHandler handler =
          handlers
              .find(handlerName)
              .orElseThrow(
                  () ->
                      new DeliveryFailedException(
                          "no handler named '" + handlerName + "' is deployed on " + node,
                          true,
                          null));
      try {
        handler.handle(
            new SubscriptionBatch(tenant, new SubscriptionName(name), d.matched(), d.next()));
      } catch (RuntimeException e) {
        throw new DeliveryFailedException(
            "handler '" + handlerName + "' failed: " + Failures.describe(e), false, e);
      }
    }
    if (!repository.advance(
        tenant, name, node, d.row().checkpoint(), d.next(), d.matched().size(), config.leaseMs())) {
      context.setRollbackOnly();
      return Delivery.Outcome.LOST;
    }
    return d.acknowledged();
  }

  /** Acknowledges a batch delivered elsewhere (a webhook); false when this node lost it. */
  public boolean advance(TenantId tenant, String name, String node, Delivery delivered)
      throws SQLException {
    return repository.advance(
        tenant,
        name,
        node,
        delivered.row().checkpoint(),
        delivered.next(),
        delivered.matched().size(),
        config.leaseMs());
  }

  /** Hands back {@code node}'s leases of the tenant (a clean stop). */
  public void release(TenantId tenant, String node) throws SQLException {
    repository.release(tenant, node);
  }

  /** Records a failed attempt; a permanent one stops the subscription. */
  public void recordFailure(
      TenantId tenant, String name, String node, String error, boolean permanent)
      throws SQLException {
    repository.recordFailure(tenant, name, node, error, permanent);
  }
}
