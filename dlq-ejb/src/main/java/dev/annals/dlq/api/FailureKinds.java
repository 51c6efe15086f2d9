package dev.annals.dlq.api;

import java.sql.SQLException;

/**
 * What a consumer needs to know about a failure: whether it is poison, and its stack summary for a
 * letter (a database error shows only its SQLState: letters never carry SQL text).
 */
public final class FailureKinds {

  /** Frames kept per exception in a stack summary. */
  static final int FRAMES = 5;

  /** Longest stack summary kept. */
  static final int MAX_SUMMARY = 4000;

  /** Longest description kept. */
  public static final int MAX_DESCRIPTION = 500;

  private FailureKinds() {}

  /**
   * A failure as operators see it: the exception's kind and message, cut short; for a database
   * error only its SQLState (error details never carry SQL text).
   */
  public static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return "a database error (SQLState " + sql.getSQLState() + ")";
      }
    }
    String text =
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + "…";
  }

  /**
   * Whether retrying {@code failure} cannot help: an exception in its cause chain implements {@link
   * Poison} (an event that cannot be upcast, for one).
   */
  public static boolean poison(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof Poison) {
        return true;
      }
    }
    return false;
  }

  /** The exception chain, a few frames each; a database error by its SQLState alone. */
  public static String stackSummary(Throwable failure) {
    StringBuilder b = new StringBuilder();
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
      if (depth > 0) {
        b.append("caused by ");
      }
      if (t instanceof SQLException sql) {
        b.append("a database error (SQLState ").append(sql.getSQLState()).append(")\n");
        break;
      }
      b.append(t.getClass().getName());
      if (t.getMessage() != null) {
        b.append(": ").append(t.getMessage());
      }
      b.append('\n');
      StackTraceElement[] frames = t.getStackTrace();
      for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
        b.append("  at ").append(frames[i]).append('\n');
      }
    }
    return b.length() <= MAX_SUMMARY ? b.toString() : b.substring(0, MAX_SUMMARY) + "…";
  }
}
