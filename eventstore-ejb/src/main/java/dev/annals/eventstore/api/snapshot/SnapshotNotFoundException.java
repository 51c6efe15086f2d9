package dev.annals.eventstore.api.snapshot;

import dev.annals.eventstore.api.StreamId;
import dev.annals.tenancy.api.ResourceNotFoundException;

/** The stream has no snapshot at or below the version asked for. */
public class SnapshotNotFoundException extends ResourceNotFoundException {

  private static final long serialVersionUID = 1L;

  /**
   * @param stream the stream
   * @param atOrBelow the highest version asked for
   */
  public SnapshotNotFoundException(StreamId stream, long atOrBelow) {
    super(
        "Stream '"
            + stream
            + "' has no snapshot"
            + (atOrBelow == Long.MAX_VALUE ? "" : " at or below version " + atOrBelow));
  }
}
