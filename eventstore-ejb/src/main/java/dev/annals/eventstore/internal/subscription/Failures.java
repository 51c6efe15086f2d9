package dev.annals.eventstore.internal.subscription;

import dev.annals.dlq.api.FailureKinds;

/**
 * A failure as operators see it in a subscription's last error: the exception's kind and message,
 * cut short; for a database error only its SQLState (error details never carry SQL text).
 */
final class Failures {

  /** Longest description kept. */
  static final int MAX = FailureKinds.MAX_DESCRIPTION;

  private Failures() {}

  static String describe(Throwable e) {
    return FailureKinds.describe(e);
  }
}
