package dev.annals.tenancy.api;

import jakarta.ejb.Local;
import java.util.Optional;

/** The tenant registry. */
@Local
public interface Tenants {

  /**
   * Creates a tenant in the shared isolation mode.
   *
   * @param id the new tenant's id
   * @param name display name, 1-200 characters
   * @return the tenant as stored
   * @throws InvalidRequestException when the name is empty or too long
   * @throws TenantAlreadyExistsException when the id is taken
   */
  Tenant create(TenantId id, String name);

  /**
   * @param id the tenant's id
   * @return the tenant, or empty when there is none
   */
  Optional<Tenant> find(TenantId id);

  /**
   * Fails unless the tenant exists; cheap enough for every request (known tenants are cached).
   *
   * @param id the tenant's id
   * @throws TenantNotFoundException when there is no such tenant
   */
  void requireExists(TenantId id);
}
