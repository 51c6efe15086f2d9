package dev.annals.eventstore.internal.subscription;

import java.sql.SQLException;

/**
 * A failure as operators see it in a subscription's last error: the exception's kind and message,
 * cut short; for a database error only its SQLState (error details never carry SQL text).
 */
final class Failures {

  /** Longest description kept. */
  static final int MAX = 500;

  private Failures() {}

  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return "a database error (SQLState " + sql.getSQLState() + ")";
      }
    }
    String text =
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return text.length() <= MAX ? text : text.substring(0, MAX) + "…";
  }
}
