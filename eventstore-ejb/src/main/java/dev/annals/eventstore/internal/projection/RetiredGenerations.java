package dev.annals.eventstore.internal.projection;

import dev.annals.tenancy.api.AfterCommit;
import dev.annals.tenancy.api.TenantId;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Discards a replaced generation's rows once the switch has committed, in a transaction of its own:
 * inside the switch it could wait on rows a last batch of the old generation still holds. One that
 * fails (or a crash before it) is retried at the projection's next rebuild.
 */
@ApplicationScoped
public class RetiredGenerations {

  private static final Logger LOG = Logger.getLogger(RetiredGenerations.class.getName());

  @EJB ProjectionSetup setup;

  @Resource TransactionSynchronizationRegistry transaction;

  @Resource ManagedExecutorService executor;

  /** After the current transaction commits, discards the projection's retired generation. */
  void discardAfterCommit(TenantId tenant, String projection) {
    AfterCommit.run(transaction, () -> executor.execute(() -> discard(tenant, projection)));
  }

  private void discard(TenantId tenant, String projection) {
    try {
      setup.discardRetired(tenant, projection);
    } catch (RuntimeException | java.sql.SQLException e) {
      LOG.log(
          Level.WARNING,
          "Could not discard the replaced generation of projection {0} of {1}: {2}",
          new Object[] {projection, tenant, e.toString()});
    }
  }
}
