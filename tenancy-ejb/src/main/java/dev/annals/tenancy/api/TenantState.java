package dev.annals.tenancy.api;

import java.util.Locale;

/** Where a tenant is in its lifecycle, as the registry records it and the API shows it. */
public enum TenantState {
  /** Claimed, storage being provisioned: invisible to callers until active. */
  CREATING,
  /** Serving reads and writes. */
  ACTIVE,
  /** Serving reads; writes refused until resumed. */
  SUSPENDED,
  /** A move to another place is under way; reads and writes go on. */
  MOVING,
  /** Deleted: answers 410 until its data is purged, then 404. */
  DELETED;

  /** The name on the wire and in the registry. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param value a name from the registry
   * @throws IllegalArgumentException for a name this build does not know
   */
  public static TenantState parse(String value) {
    for (TenantState s : values()) {
      if (s.wireName().equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown tenant state: " + Identifiers.shown(value));
  }

  /** Whether a tenant in this state may start a move (only active or suspended ones). */
  public boolean movable() {
    return this == ACTIVE || this == SUSPENDED;
  }
}
