package dev.annals.tenancy.internal;

import dev.annals.tenancy.infrastructure.TenantLimitsRepository;
import dev.annals.tenancy.infrastructure.TenantLimitsRepository.Limits;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;

/**
 * Reads every tenant's configured limits outside any caller's transaction. The quota copy is
 * reloaded by whichever call finds it stale, often an append inside its JTA transaction: read on
 * that transaction's tenancy connection, the reload made the append a two-resource (XA)
 * transaction, prepared in two phases, and failed where the database has prepared transactions off
 * (the benchmark's machine PostgreSQL: 2 of every ~10,000 EJB appends).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LimitsLoader {

  @Inject TenantLimitsRepository repository;

  /** Every tenant's configured limits, by tenant id. */
  public Map<String, Limits> all() throws SQLException {
    return repository.all();
  }
}
