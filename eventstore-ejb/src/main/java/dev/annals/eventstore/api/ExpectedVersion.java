package dev.annals.eventstore.api;

import dev.annals.tenancy.api.InvalidRequestException;

/**
 * What the caller believes about the stream before appending. A stream that does not exist has
 * version 0; the first event gets version 1.
 */
public sealed interface ExpectedVersion {

  /** Append whatever the stream's state. */
  record Any() implements ExpectedVersion {}

  /** The stream must not exist yet. */
  record NoStream() implements ExpectedVersion {}

  /** The stream must exist, at any version. */
  record StreamExists() implements ExpectedVersion {}

  /**
   * The stream must be at exactly this version (0 = must not exist).
   *
   * @param version the expected current version
   */
  record Exact(long version) implements ExpectedVersion {
    /**
     * @throws InvalidRequestException when negative
     */
    public Exact {
      if (version < 0) {
        throw new InvalidRequestException("Expected version must be 0 or more, was " + version);
      }
    }
  }

  /** The wire form: {@code any}, {@code no_stream}, {@code exists} or the number. */
  default String describe() {
    if (this instanceof NoStream) {
      return "no_stream";
    }
    if (this instanceof StreamExists) {
      return "exists";
    }
    if (this instanceof Exact exact) {
      return Long.toString(exact.version());
    }
    return "any";
  }
}
