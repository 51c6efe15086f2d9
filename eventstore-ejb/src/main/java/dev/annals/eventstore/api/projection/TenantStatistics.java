package dev.annals.eventstore.api.projection;

import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.Local;

/** Reads a tenant's statistics from the statistics projection: one statement, no counting. */
@Local
public interface TenantStatistics {

  /** The statistics projection's name. */
  String PROJECTION = "statistics";

  /**
   * @param tenant the tenant
   * @return its statistics as of the projection's checkpoint
   * @throws dev.annals.tenancy.api.TenantNotFoundException when there is no such live tenant
   */
  StreamStatistics of(TenantId tenant);
}
