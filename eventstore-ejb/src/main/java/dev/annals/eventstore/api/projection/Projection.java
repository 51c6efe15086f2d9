package dev.annals.eventstore.api.projection;

import dev.annals.tenancy.api.TenantId;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A read model kept from a tenant's $all: a CDI bean of the application (found by {@link #name()}
 * among the beans of this type), which every tenant has. Its tables come from its own tenant
 * changeset, so they exist in the tenant's place in every isolation mode (schema {@code annals} of
 * the platform database with Row-Level Security, {@code tenant_<id>}, or the tenant's database),
 * and carry a {@code generation} column: a rebuild fills a new generation beside the live one and
 * readers switch to it atomically once it has caught up. Rows of every generation are written and
 * read through the connection passed in, which belongs to the delivery transaction.
 *
 * <p>Each batch is applied in the same JTA transaction that advances the generation's checkpoint (a
 * subscription of its own): effects are exactly-once without deduplication, and a projection that
 * throws rolls back its writes and the checkpoint together; the batch comes again after a pause.
 * Keep {@link #apply} set-based (one statement per batch, not one per event): catch-up speed is the
 * number of batches per second times the batch size.
 */
public interface Projection {

  /**
   * @return the projection's name, unique among projections; matches {@code ^[a-z][a-z0-9_]{2,39}$}
   */
  String name();

  /**
   * Adds a batch of events to one generation's rows.
   *
   * @param batch the events, in $all order, and the generation they are for
   * @param connection the delivery transaction's connection, bound to the batch's tenant
   * @throws SQLException to refuse the batch: everything rolls back and it comes again
   */
  void apply(ProjectionBatch batch, Connection connection) throws SQLException;

  /**
   * Deletes one generation's rows: a generation a rebuild replaced, or one a rebuild left behind.
   *
   * @param tenant the tenant
   * @param generation the generation to discard; never the live one
   * @param connection a connection of the current transaction, bound to the tenant
   * @throws SQLException when the rows cannot be deleted now (it is tried again later)
   */
  void discard(TenantId tenant, int generation, Connection connection) throws SQLException;
}
