package dev.annals.eventstore.api;

import dev.annals.tenancy.api.ConflictException;

/** The stream is not at the version the caller expected; nothing was appended. */
public class WrongExpectedVersionException extends ConflictException {

  private static final long serialVersionUID = 1L;

  private final long currentVersion;

  /**
   * @param stream the stream
   * @param expected what the caller expected
   * @param currentVersion the stream's version now (0 = it does not exist)
   */
  public WrongExpectedVersionException(
      StreamId stream, ExpectedVersion expected, long currentVersion) {
    super(
        "Stream '"
            + stream
            + "' is at version "
            + currentVersion
            + ", expected "
            + expected.describe()
            + ": read the stream, then retry with its current version");
    this.currentVersion = currentVersion;
  }

  /** The stream's version when the append was refused (0 = it does not exist). */
  public long currentVersion() {
    return currentVersion;
  }
}
