package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.TenantState;
import java.util.Locale;

/**
 * A tenant's write gate where its data lives ({@code tenant_gate.state}), read by the append
 * function inside every writing transaction. The names are shared with the event store's SQL.
 */
public enum Gate {
  /** Appends are stored. */
  OPEN,
  /** Appends are refused: the tenant is suspended. */
  SUSPENDED,
  /** Appends are refused: the tenant's data is (being) moved elsewhere; they are retried there. */
  MOVED,
  /** Appends are refused: the tenant is deleted. */
  DELETED;

  /** The name in {@code tenant_gate}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The gate that lets a tenant in {@code state} do what the state allows.
   *
   * @throws IllegalArgumentException for a state without a gate of its own (creating, moving)
   */
  public static Gate of(TenantState state) {
    return switch (state) {
      case ACTIVE -> OPEN;
      case SUSPENDED -> SUSPENDED;
      case DELETED -> DELETED;
      case CREATING, MOVING ->
          throw new IllegalArgumentException("no gate for a tenant " + state.wireName());
    };
  }
}
