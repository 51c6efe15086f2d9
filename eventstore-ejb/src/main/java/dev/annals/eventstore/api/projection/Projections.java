package dev.annals.eventstore.api.projection;

import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.Local;
import java.util.List;

/**
 * A tenant's projections: every deployed {@link Projection} runs for every tenant, from the
 * tenant's first events on. Operators look at them and rebuild them.
 */
@Local
public interface Projections {

  /**
   * @param tenant the tenant
   * @return every projection of the tenant, by name
   */
  List<ProjectionInfo> list(TenantId tenant);

  /**
   * @param tenant the tenant
   * @param name the projection
   * @return the projection
   * @throws ProjectionNotFoundException when no projection has this name
   */
  ProjectionInfo get(TenantId tenant, ProjectionName name);

  /**
   * Starts a rebuild: a new generation reads the tenant's $all from the start beside the live one
   * and replaces it, atomically, once it has caught up; readers use the live one until then.
   * Audited as {@code projection.rebuild-started}.
   *
   * @param tenant the tenant
   * @param name the projection
   * @return the projection, with the rebuild's progress
   * @throws ProjectionNotFoundException when no projection has this name
   * @throws RebuildRunningException when a rebuild of it is under way
   */
  ProjectionInfo rebuild(TenantId tenant, ProjectionName name);
}
