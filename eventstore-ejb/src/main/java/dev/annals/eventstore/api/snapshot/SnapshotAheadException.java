package dev.annals.eventstore.api.snapshot;

import dev.annals.eventstore.api.StreamId;
import dev.annals.tenancy.api.ConflictException;

/** A snapshot for a version the stream has not reached; nothing was stored. */
public class SnapshotAheadException extends ConflictException {

  private static final long serialVersionUID = 1L;

  private final long currentVersion;

  /**
   * @param stream the stream
   * @param version the snapshot's version
   * @param currentVersion the stream's version
   */
  public SnapshotAheadException(StreamId stream, long version, long currentVersion) {
    super(
        "A snapshot of stream '"
            + stream
            + "' at version "
            + version
            + " is ahead of the stream, which is at version "
            + currentVersion
            + ": snapshot a version the stream has reached");
    this.currentVersion = currentVersion;
  }

  /** The stream's version. */
  public long currentVersion() {
    return currentVersion;
  }
}
