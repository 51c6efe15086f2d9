package dev.annals.dlq.api;

/**
 * A seam for crash tests of the dead-letter listener, and nothing else: the listener calls every
 * CDI bean of this type at two points of the XA transaction in which it records a letter, so a test
 * can hold it there and kill the server ({@code kill -9}). The application ships no implementation:
 * only the integration tests' library jar, which is added to the test server's EAR and never to the
 * built one, has one, and it acts only where the test server's configuration names a folder for its
 * requests (see docs/failures.md, "Crash tests"). Implementations must not throw.
 */
public interface RecordingHook {

  /** Where the listener is. */
  enum Point {
    /** The message is received, the letter not yet recorded. */
    BEFORE_RECORD,
    /**
     * The letter is inserted, its transaction (and the message's acknowledgement) not committed.
     */
    AFTER_RECORD
  }

  /** The listener reached {@code point} with {@code letter}. */
  void reached(Point point, Letter letter);
}
