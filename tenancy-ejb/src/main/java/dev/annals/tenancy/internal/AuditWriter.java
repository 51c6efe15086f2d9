package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.AuditActor;
import dev.annals.tenancy.api.AuditEvent;
import dev.annals.tenancy.api.TenantNotFoundException;
import dev.annals.tenancy.api.UnavailableException;
import dev.annals.tenancy.infrastructure.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;

/**
 * Appends audit records in the caller's transaction context. Tenancy's own lifecycle code writes
 * through here rather than through the {@link dev.annals.tenancy.api.AuditLog} bean: an EJB call
 * would begin a transaction of its own, which needs a second connection of tenancy's small pool
 * while the caller's local transaction still holds one (concurrent lifecycle requests then wait for
 * each other until the pool times out).
 */
@ApplicationScoped
public class AuditWriter {

  @Inject AuditRepository repository;

  /**
   * @throws TenantNotFoundException when a tenant chain is asked for a tenant never registered
   * @throws UnavailableException when the database does not answer
   */
  public void append(AuditEvent event, AuditActor actor) {
    try {
      repository.append(event, actor);
    } catch (SQLException e) {
      if ("23503".equals(e.getSQLState()) && event.tenant().isPresent()) {
        throw new TenantNotFoundException(event.tenant().get());
      }
      throw UnavailableException.databaseDidNotAnswer("write the audit log", e);
    }
  }
}
