package dev.annals.eventstore.api;

/**
 * When a follower of $all reads again while committed events are held back behind an older open
 * transaction ({@link AllScan#heldBack()}): soon at first, then less and less often (doubling up to
 * a ceiling) while the same hold lasts, so a short transaction costs a few milliseconds of latency
 * and a long one a read per ceiling period, not a read per millisecond. Not thread-safe: one per
 * follower, used by the task that reads.
 */
public final class Recheck {

  /** The first delay after a scan found events held back. */
  public static final long FIRST_MILLIS = 2;

  private final long ceilingMillis;
  private long next = FIRST_MILLIS;

  /** A recheck whose delay grows up to {@code ceilingMillis}. */
  public Recheck(long ceilingMillis) {
    this.ceilingMillis = Math.max(FIRST_MILLIS, ceilingMillis);
  }

  /**
   * After a scan: the delay before reading again, or -1 when nothing is held back (the follower
   * waits for a wake-up). A scan that made progress starts the delays over.
   *
   * @param heldBack whether the scan found events held back ({@link AllScan#heldBack()})
   * @param progressed whether it moved the checkpoint
   */
  public long after(boolean heldBack, boolean progressed) {
    if (progressed || !heldBack) {
      next = FIRST_MILLIS;
    }
    if (!heldBack) {
      return -1;
    }
    long delay = next;
    next = Math.min(ceilingMillis, next * 2);
    return delay;
  }
}
