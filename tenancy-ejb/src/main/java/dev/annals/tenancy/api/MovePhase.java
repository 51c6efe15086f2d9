package dev.annals.tenancy.api;

import java.util.Locale;

/** How far a move has come: copying → fenced → switched → done, or failed before the switch. */
public enum MovePhase {
  /** The target is provisioned and the data is being copied under traffic. */
  COPYING,
  /** Writes are fenced at the source; the rest is being copied. */
  FENCED,
  /** The tenant's data is served from the target; the source is being removed. */
  SWITCHED,
  /** Finished: the source is gone. */
  DONE,
  /** Failed before the switch: the tenant stayed where it was. */
  FAILED;

  /** The name on the wire and in the registry. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param value a name from the registry
   * @throws IllegalArgumentException for a name this build does not know
   */
  public static MovePhase parse(String value) {
    for (MovePhase p : values()) {
      if (p.wireName().equals(value)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown move phase: " + Identifiers.shown(value));
  }

  /** Whether the move is still open (at most one open move per tenant). */
  public boolean open() {
    return this == COPYING || this == FENCED || this == SWITCHED;
  }
}
