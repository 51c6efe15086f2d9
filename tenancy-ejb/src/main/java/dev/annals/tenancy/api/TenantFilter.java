package dev.annals.tenancy.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Which tenants a list shows: those in a state and/or an isolation mode (empty: any).
 *
 * @param state only tenants in this state
 * @param isolation only tenants in this isolation mode
 */
public record TenantFilter(Optional<TenantState> state, Optional<Isolation> isolation) {

  /** Every tenant. */
  public static final TenantFilter ANY = new TenantFilter(Optional.empty(), Optional.empty());

  /** Checks the parts are present. */
  public TenantFilter {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(isolation, "isolation");
  }
}
