package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantAlreadyExistsException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantNotFoundException;
import dev.annals.tenancy.api.Tenants;
import dev.annals.tenancy.infrastructure.TenantRepository;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenant registry's transaction boundary. Tenants that were seen to exist are remembered, so
 * checking a tenant on every append costs no query.
 */
@Stateless
public class TenantsBean implements Tenants {

  /**
   * Tenants are never removed from the registry (deletion is a state), so this never goes stale.
   */
  private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

  @Inject TenantRepository repository;

  @Override
  public Tenant create(TenantId id, String name) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidRequestException("Tenant name must be 1-200 characters");
    }
    try {
      Tenant tenant =
          repository.insert(id, name).orElseThrow(() -> new TenantAlreadyExistsException(id));
      return tenant;
    } catch (SQLException e) {
      throw new EJBException("Could not create tenant " + id, e);
    }
  }

  @Override
  public Optional<Tenant> find(TenantId id) {
    try {
      Optional<Tenant> tenant = repository.find(id);
      tenant.ifPresent(t -> KNOWN.add(t.id().value()));
      return tenant;
    } catch (SQLException e) {
      throw new EJBException("Could not read tenant " + id, e);
    }
  }

  @Override
  public void requireExists(TenantId id) {
    if (!KNOWN.contains(id.value()) && find(id).isEmpty()) {
      throw new TenantNotFoundException(id);
    }
  }
}
