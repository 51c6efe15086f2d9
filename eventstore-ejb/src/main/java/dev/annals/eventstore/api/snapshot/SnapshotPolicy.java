package dev.annals.eventstore.api.snapshot;

/**
 * When aggregates of one stream category take snapshots, and how many a stream keeps.
 *
 * @param every take one each time a save crosses a multiple of this version (0: never)
 * @param keep the newest snapshots (by version) a stream keeps, 1 or more
 */
public record SnapshotPolicy(int every, int keep) {

  /** Clamps nonsense: a negative interval is off, a keep below 1 is 1. */
  public SnapshotPolicy {
    every = Math.max(0, every);
    keep = Math.max(1, keep);
  }

  /**
   * Whether a save from {@code before} to {@code after} should leave a snapshot at {@code after}.
   */
  public boolean snapshotAfter(long before, long after) {
    return every > 0 && after / every > before / every;
  }
}
