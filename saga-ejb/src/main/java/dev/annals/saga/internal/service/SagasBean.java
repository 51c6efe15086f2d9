package dev.annals.saga.internal.service;

import dev.annals.saga.api.Saga;
import dev.annals.saga.api.SagaId;
import dev.annals.saga.api.SagaNotFoundException;
import dev.annals.saga.api.SagaPage;
import dev.annals.saga.api.SagaQuery;
import dev.annals.saga.api.SagaStart;
import dev.annals.saga.api.SagaView;
import dev.annals.saga.api.Sagas;
import dev.annals.saga.api.StartedSaga;
import dev.annals.saga.infrastructure.index.SagaIndex;
import dev.annals.saga.internal.engine.SagaDriver;
import dev.annals.saga.internal.engine.SagaEngine;
import dev.annals.saga.internal.engine.SagaTypeRegistry;
import dev.annals.saga.internal.execution.SagaLog;
import dev.annals.saga.internal.execution.SagaMovedOnException;
import dev.annals.tenancy.api.AfterCommit;
import dev.annals.tenancy.api.AuditEvent;
import dev.annals.tenancy.api.AuditLog;
import dev.annals.tenancy.api.AuditOutcome;
import dev.annals.tenancy.api.AuditScope;
import dev.annals.tenancy.api.ConflictException;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.Tenants;
import dev.annals.tenancy.api.UnavailableException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A tenant's sagas. A start writes the saga's index row and the first event of its log in one
 * transaction (the same id again finds the row and starts nothing); the saga then runs on this node
 * at once, or on whichever node claims it first. Cancel and retry are commands on the saga's log,
 * audited in the tenant's chain, after which the saga runs again to compensate or retry.
 */
@Stateless
public class SagasBean implements Sagas {

  @EJB Tenants tenants;

  @EJB AuditLog audit;

  @EJB SagaDriver driver;

  @Inject SagaEngine engine;

  @Inject SagaIndex index;

  @Inject SagaTypeRegistry types;

  @Resource TransactionSynchronizationRegistry transaction;

  @Override
  public StartedSaga start(TenantId tenant, SagaStart start) {
    tenants.requireWritable(tenant);
    SagaTypeRegistry.Resolved type =
        types
            .resolve(tenant, start.type())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "'type': the tenant has no saga type '" + start.type() + "'"));
    type.checkData().accept(start.data());
    SagaId id = start.id().orElseGet(SagaId::random);
    String correlationId = start.correlationId().orElseGet(() -> UUID.randomUUID().toString());
    Instant now = engine.clock().instant();
    SagaLog log = engine.log(tenant);
    try {
      if (!index.insert(tenant, id.value(), type.plan().type(), correlationId, now)) {
        return new StartedSaga(show(tenant, id), false);
      }
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("start saga " + id, e);
    }
    Saga saga = new Saga(id);
    saga.start(type.plan(), start.data(), correlationId, now);
    log.save(saga);
    afterCommit(() -> driver.runSoon(tenant, id));
    return new StartedSaga(SagaView.of(saga), true);
  }

  @Override
  public SagaView show(TenantId tenant, SagaId id) {
    tenants.requireReadable(tenant);
    return SagaView.of(load(engine.log(tenant), id));
  }

  @Override
  public SagaPage list(TenantId tenant, SagaQuery query) {
    tenants.requireReadable(tenant);
    try {
      return index.list(tenant, query);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("list the sagas of " + tenant, e);
    }
  }

  @Override
  public SagaView cancel(TenantId tenant, SagaId id) {
    return command(tenant, id, "saga.cancelled", saga -> saga.cancel(engine.clock().instant()));
  }

  @Override
  public SagaView retry(TenantId tenant, SagaId id) {
    return command(tenant, id, "saga.retried", saga -> saga.retry(engine.clock().instant()));
  }

  /**
   * Decides on the saga as it is now and saves; a runner that saved meanwhile makes the save fail
   * (409 with a short Retry-After: the same request may then succeed).
   */
  private SagaView command(TenantId tenant, SagaId id, String action, Consumer<Saga> decision) {
    tenants.requireWritable(tenant);
    SagaLog log = engine.log(tenant);
    Saga saga = load(log, id);
    decision.accept(saga);
    try {
      log.save(saga);
    } catch (SagaMovedOnException e) {
      throw new ConflictException(
          "Saga '" + id + "' moved on while this request decided; try again",
          Duration.ofSeconds(1));
    }
    audit.record(
        new AuditEvent(
            AuditScope.TENANT,
            action,
            Optional.of(tenant),
            Optional.of(id.value()),
            AuditOutcome.SUCCEEDED,
            JsonObject.EMPTY_JSON_OBJECT));
    afterCommit(() -> driver.runSoon(tenant, id));
    return SagaView.of(saga);
  }

  private static Saga load(SagaLog log, SagaId id) {
    return log.load(id).orElseThrow(() -> new SagaNotFoundException(id));
  }

  private void afterCommit(Runnable nudge) {
    AfterCommit.run(transaction, nudge);
  }
}
