package dev.annals.eventstore.internal.subscription;

import dev.annals.dlq.api.BreakerStatus;
import dev.annals.dlq.api.ConsumerPolicy;
import dev.annals.dlq.api.DeadLetterQueue;
import dev.annals.dlq.api.Policies;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.subscription.CreatedSubscription;
import dev.annals.eventstore.api.subscription.SubscriptionExistsException;
import dev.annals.eventstore.api.subscription.SubscriptionFilter;
import dev.annals.eventstore.api.subscription.SubscriptionInfo;
import dev.annals.eventstore.api.subscription.SubscriptionName;
import dev.annals.eventstore.api.subscription.SubscriptionNotFoundException;
import dev.annals.eventstore.api.subscription.SubscriptionStart;
import dev.annals.eventstore.api.subscription.SubscriptionTarget;
import dev.annals.eventstore.api.subscription.Subscriptions;
import dev.annals.eventstore.infrastructure.subscription.AllPosition;
import dev.annals.eventstore.infrastructure.subscription.StoredState;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRepository;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRow;
import dev.annals.tenancy.api.AfterCommit;
import dev.annals.tenancy.api.AuditEvent;
import dev.annals.tenancy.api.AuditLog;
import dev.annals.tenancy.api.AuditOutcome;
import dev.annals.tenancy.api.AuditScope;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.Quota;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantQuotas;
import dev.annals.tenancy.api.Tenants;
import dev.annals.tenancy.api.UnavailableException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's subscriptions: validate, store, audit (the tenant's chain), and nudge this node's
 * driver so a change takes effect at once here (other nodes see it at their next batch or scan).
 */
@Stateless
public class SubscriptionsBean implements Subscriptions {

  /** Subscriptions named so are projection generations (reserved: see refuseProjectionName). */
  static final String PROJECTION_PREFIX = "projection-";

  @EJB Tenants tenants;

  @EJB AuditLog audit;

  @EJB TenantQuotas quotas;

  @EJB SubscriptionDriver driver;

  @EJB Policies policies;

  @EJB DeadLetterQueue deadLetters;

  @Inject SubscriptionRepository repository;

  @Inject AllPosition positions;

  @Inject HandlerRegistry handlers;

  @Inject SubscriptionsConfig config;

  @Resource TransactionSynchronizationRegistry transaction;

  @Override
  public CreatedSubscription create(
      TenantId tenant,
      SubscriptionName name,
      SubscriptionFilter filter,
      SubscriptionStart start,
      SubscriptionTarget target) {
    tenants.requireReadable(tenant);
    refuseProjectionName(name);
    DeliveryTarget checked = DeliveryTarget.of(target, handlers, config.ownPorts());
    Optional<String> handler = checked.handler();
    Optional<String> url = checked.url();
    Optional<String> secret = checked.secret();
    try {
      if (quotas.limits(tenant).maxSubscriptions() > 0) {
        quotas.requireRoom(tenant, Quota.SUBSCRIPTIONS, repository.countLocked(tenant));
      }
      Checkpoint from = checkpoint(tenant, start);
      SubscriptionRow row =
          new SubscriptionRow(
              name.value(),
              filter.streamPrefix(),
              List.copyOf(filter.eventTypes()),
              handler,
              url,
              secret,
              StoredState.RUNNING,
              from,
              0,
              0,
              0,
              Optional.empty(),
              Optional.empty(),
              Instant.now());
      if (!repository.insert(tenant, row)) {
        throw new SubscriptionExistsException(name);
      }
      JsonObjectBuilder detail = Json.createObjectBuilder().add("start", from.toString());
      handler.ifPresent(h -> detail.add("handler", h));
      url.ifPresent(u -> detail.add("webhook", u));
      filter.streamPrefix().ifPresent(p -> detail.add("streamPrefix", p));
      detail.add("eventTypes", Json.createArrayBuilder(List.copyOf(filter.eventTypes())));
      audited(tenant, name, "subscription.created", detail.build());
      afterCommit(() -> driver.scanSoon(tenant));
      return new CreatedSubscription(info(tenant, find(tenant, name)), secret);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("create subscription " + name, e);
    }
  }

  @Override
  public List<SubscriptionInfo> list(TenantId tenant) {
    tenants.requireReadable(tenant);
    try {
      List<SubscriptionInfo> all = new ArrayList<>();
      for (SubscriptionRow row : repository.list(tenant)) {
        if (!row.name().startsWith(PROJECTION_PREFIX)) { // shown as projections
          all.add(info(tenant, row));
        }
      }
      return all;
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("list the subscriptions of " + tenant, e);
    }
  }

  @Override
  public SubscriptionInfo get(TenantId tenant, SubscriptionName name) {
    tenants.requireReadable(tenant);
    try {
      return info(tenant, find(tenant, name));
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read subscription " + name, e);
    }
  }

  @Override
  public SubscriptionInfo pause(TenantId tenant, SubscriptionName name) {
    return changeState(tenant, name, StoredState.PAUSED, "subscription.paused");
  }

  @Override
  public SubscriptionInfo resume(TenantId tenant, SubscriptionName name) {
    SubscriptionInfo resumed =
        changeState(tenant, name, StoredState.RUNNING, "subscription.resumed");
    afterCommit(() -> driver.scanSoon(tenant));
    return resumed;
  }

  @Override
  public SubscriptionInfo reset(TenantId tenant, SubscriptionName name, SubscriptionStart to) {
    tenants.requireReadable(tenant);
    refuseProjectionName(name);
    try {
      Checkpoint checkpoint = checkpoint(tenant, to);
      if (!repository.reset(tenant, name.value(), checkpoint)) {
        throw new SubscriptionNotFoundException(name);
      }
      audited(
          tenant,
          name,
          "subscription.reset",
          Json.createObjectBuilder().add("to", checkpoint.toString()).build());
      afterCommit(() -> driver.wake(tenant, name.value()));
      return info(tenant, find(tenant, name));
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("reset subscription " + name, e);
    }
  }

  @Override
  public SubscriptionInfo delete(TenantId tenant, SubscriptionName name) {
    tenants.requireReadable(tenant);
    refuseProjectionName(name);
    try {
      SubscriptionInfo was = info(tenant, find(tenant, name));
      if (!repository.delete(tenant, name.value())) {
        throw new SubscriptionNotFoundException(name);
      }
      deadLetters.forget(tenant, SubscriptionLetters.KIND, name.value());
      audited(tenant, name, "subscription.deleted", JsonObject.EMPTY_JSON_OBJECT);
      return was;
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("delete subscription " + name, e);
    }
  }

  @Override
  public ConsumerPolicy setPolicy(TenantId tenant, SubscriptionName name, ConsumerPolicy policy) {
    tenants.requireReadable(tenant);
    try {
      find(tenant, name);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read subscription " + name, e);
    }
    policies.set(tenant, SubscriptionLetters.KIND, name.value(), policy);
    audited(
        tenant,
        name,
        "subscription.policy-set",
        Json.createObjectBuilder()
            .add("maxAttempts", policy.maxAttempts())
            .add("initialBackoffMs", policy.initialBackoffMs())
            .add("maxBackoffMs", policy.maxBackoffMs())
            .add(
                "breaker",
                Json.createObjectBuilder()
                    .add("failureRatio", policy.breaker().failureRatio())
                    .add("window", policy.breaker().window())
                    .add("delayMs", policy.breaker().delayMs()))
            .build());
    return policy;
  }

  @Override
  public Map<String, BreakerStatus> breakers(TenantId tenant) {
    tenants.requireReadable(tenant);
    return policies.breakers(tenant, SubscriptionLetters.KIND);
  }

  @Override
  public Map<String, BreakerStatus> hostBreakers(TenantId tenant) {
    tenants.requireReadable(tenant);
    return policies.breakers(tenant, HostBreakers.KIND);
  }

  private SubscriptionInfo changeState(
      TenantId tenant, SubscriptionName name, StoredState state, String action) {
    tenants.requireReadable(tenant);
    try {
      if (!repository.setState(tenant, name.value(), state)) {
        throw new SubscriptionNotFoundException(name);
      }
      audited(tenant, name, action, JsonObject.EMPTY_JSON_OBJECT);
      return info(tenant, find(tenant, name));
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("change subscription " + name, e);
    }
  }

  /**
   * Projection generations run as subscriptions named {@code projection-<name>-<generation>}:
   * created, moved and deleted by their projection (a reset or delete would corrupt its rows).
   */
  private static void refuseProjectionName(SubscriptionName name) {
    if (name.value().startsWith(PROJECTION_PREFIX)) {
      throw new InvalidRequestException(
          "Subscription names starting '"
              + PROJECTION_PREFIX
              + "' belong to projections: rebuild the projection instead");
    }
  }

  private Checkpoint checkpoint(TenantId tenant, SubscriptionStart start) throws SQLException {
    if (start instanceof SubscriptionStart.Now) {
      return positions.head(tenant);
    }
    if (start instanceof SubscriptionStart.After a) {
      if (!positions.exists(tenant, a.checkpoint())) {
        throw new InvalidRequestException(
            "Checkpoint '" + a.checkpoint() + "' is not a position of this tenant's events");
      }
      return a.checkpoint();
    }
    return Checkpoint.START;
  }

  private SubscriptionRow find(TenantId tenant, SubscriptionName name) throws SQLException {
    return repository
        .find(tenant, name.value())
        .orElseThrow(() -> new SubscriptionNotFoundException(name));
  }

  private SubscriptionInfo info(TenantId tenant, SubscriptionRow row) throws SQLException {
    AllPosition.Lag lag = positions.lag(tenant, row.checkpoint());
    double seconds =
        lag.oldest()
            .map(t -> Math.max(0, (Instant.now().toEpochMilli() - t.toEpochMilli()) / 1000.0))
            .orElse(0.0);
    return SubscriptionViews.info(row, lag.events(), seconds);
  }

  /** Runs {@code nudge} once this transaction has committed (the driver reads in its own). */
  private void afterCommit(Runnable nudge) {
    AfterCommit.run(transaction, nudge);
  }

  private void audited(TenantId tenant, SubscriptionName name, String action, JsonObject detail) {
    audit.record(
        new AuditEvent(
            AuditScope.TENANT,
            action,
            Optional.of(tenant),
            Optional.of(name.value()),
            AuditOutcome.SUCCEEDED,
            detail));
  }
}
