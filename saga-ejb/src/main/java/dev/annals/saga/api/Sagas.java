package dev.annals.saga.api;

import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.Local;

/**
 * A tenant's sagas: start one of a type (Java or declarative), look at it, list them, cancel or
 * retry one. A started saga runs on some node within moments; its log is stream {@code saga-<id>}.
 */
@Local
public interface Sagas {

  /**
   * Starts a saga, or finds the one started with the same id before (no second one).
   *
   * @param tenant the tenant
   * @param start its type, data, optional id and correlation id
   * @return the saga, and whether this call created it
   * @throws dev.annals.tenancy.api.InvalidRequestException when the tenant has no such saga type or
   *     the data does not fit it
   * @throws dev.annals.tenancy.api.TenantNotFoundException when the tenant does not exist
   */
  StartedSaga start(TenantId tenant, SagaStart start);

  /**
   * The saga as its log makes it.
   *
   * @throws SagaNotFoundException when the tenant has no such saga
   */
  SagaView show(TenantId tenant, SagaId id);

  /**
   * A page of the tenant's sagas by id, optionally of one state and one type.
   *
   * @param query the filter and the page
   */
  SagaPage list(TenantId tenant, SagaQuery query);

  /**
   * Cancels a running saga: its finished steps are undone and it ends {@code cancelled}.
   *
   * @throws SagaNotFoundException when the tenant has no such saga
   * @throws dev.annals.eventstore.api.aggregate.BusinessRuleViolationException when it is not
   *     running (rule {@code cancel-running-only})
   */
  SagaView cancel(TenantId tenant, SagaId id);

  /**
   * Retries a {@code failed} saga's step or a {@code compensation_failed} saga's compensation with
   * a fresh budget.
   *
   * @throws SagaNotFoundException when the tenant has no such saga
   * @throws dev.annals.eventstore.api.aggregate.BusinessRuleViolationException in any other state
   *     (rule {@code retry-after-failure})
   */
  SagaView retry(TenantId tenant, SagaId id);
}
