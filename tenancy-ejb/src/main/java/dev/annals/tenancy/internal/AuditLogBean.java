package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.AuditActor;
import dev.annals.tenancy.api.AuditChain;
import dev.annals.tenancy.api.AuditEvent;
import dev.annals.tenancy.api.AuditLog;
import dev.annals.tenancy.api.AuditPage;
import dev.annals.tenancy.api.AuditRecord;
import dev.annals.tenancy.api.AuditVerification;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.RequestCorrelation;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantNotFoundException;
import dev.annals.tenancy.api.UnavailableException;
import dev.annals.tenancy.infrastructure.AuditRepository;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.Principal;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The audit log. Appends commit on their own ({@code REQUIRES_NEW}, like other bookkeeping): a
 * refusal that rolls the caller back is still recorded, and the chain's head stays locked only for
 * the append itself. Verification runs outside JTA, in one read-only snapshot of its own.
 */
@Stateless
public class AuditLogBean implements AuditLog {

  private static final int MAX_PAGE = 1000;

  @Resource SessionContext context;

  @Inject RequestCorrelation correlation;

  @Inject AuditRepository repository;

  @Inject AuditWriter writer;

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(AuditEvent event) {
    record(event, currentActor());
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(AuditEvent event, AuditActor actor) {
    writer.append(event, actor);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public AuditActor currentActor() {
    String name = correlation.principal().orElseGet(this::containerCaller);
    return new AuditActor(name, correlation.get());
  }

  /** The container's caller (an in-process caller's own login), when no request names one. */
  private String containerCaller() {
    Principal p = context.getCallerPrincipal();
    return p == null || p.getName() == null || p.getName().isEmpty()
        ? "UNAUTHENTICATED"
        : p.getName();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public AuditVerification verify(AuditChain chain) {
    requireKnown(chain);
    ChainVerifier verifier = new ChainVerifier();
    try {
      return verifier.finish(repository.scan(chain, verifier::accept));
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read the audit chain " + chain, e);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public AuditPage page(AuditChain chain, long after, int limit) {
    if (after < 0) {
      throw new InvalidRequestException("'after' must be 0 or more, was " + after);
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidRequestException(
          "'limit' must be between 1 and " + MAX_PAGE + ", was " + limit);
    }
    requireKnown(chain);
    try {
      List<AuditRecord> records = repository.page(chain, after, limit + 1);
      if (records.size() > limit) {
        return new AuditPage(
            List.copyOf(records.subList(0, limit)), Optional.of(records.get(limit - 1).sequence()));
      }
      return new AuditPage(records, Optional.empty());
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read the audit chain " + chain, e);
    }
  }

  /** A tenant chain exists for every registered tenant, deleted and purged ones included. */
  private void requireKnown(AuditChain chain) {
    if (chain.tenant().isEmpty()) {
      return;
    }
    TenantId id = chain.tenant().get();
    try {
      if (!repository.registered(id)) {
        throw new TenantNotFoundException(id);
      }
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read the audit chain " + chain, e);
    }
  }
}
