package dev.annals.eventstore.api;

import java.util.List;

/**
 * One step of following a tenant's $all with a filter: the matching events among those scanned, and
 * where the scan got to (past events the filter left out, which are never sent).
 *
 * @param events the scanned events that pass the filter, in checkpoint order
 * @param checkpoint where the next scan starts: the last event scanned, or the one passed in when
 *     none was
 * @param full whether the scan read a whole page (more may follow at once)
 * @param heldBack whether, the scan having ended short, committed events wait behind an open
 *     transaction that began before them: read again soon (see {@link Recheck}), since the
 *     transaction holding them back may end without any wake-up
 */
public record AllScan(
    List<RecordedEvent> events, Checkpoint checkpoint, boolean full, boolean heldBack) {

  public AllScan {
    events = List.copyOf(events);
  }

  /** The same scan with other events (lifted, filtered). */
  public AllScan withEvents(List<RecordedEvent> others) {
    return new AllScan(others, checkpoint, full, heldBack);
  }
}
