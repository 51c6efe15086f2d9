package dev.annals.tenancy.api;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * What a failed statement says about whose fault it was, by SQLState (never by message text, and
 * never passing that text on: it can quote SQL and data). Three kinds matter to callers: the
 * statement's input could not be stored (fix the request, a 400), the database went away or is
 * restarting or a race was lost (retry, a 503), or anything else (a server fault).
 */
public enum SqlFailure {
  /** The data could not be stored as sent (classes 22, data exception, and 54, program limit). */
  INPUT,
  /**
   * Nothing wrong with the request, and nothing done: the connection was lost or the server is
   * shutting down or starting (08, 57P, 53), or the transaction lost a deadlock or serialization
   * race (40). The same request again later is safe.
   */
  TRANSIENT,
  /** Anything else. */
  OTHER;

  /** Classifies {@code e} and everything it chains to. */
  public static SqlFailure of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLRecoverableException || t instanceof SQLTransientConnectionException) {
        return TRANSIENT;
      }
      if (t instanceof SQLException sql) {
        for (SQLException s = sql; s != null; s = s.getNextException()) {
          SqlFailure kind = ofState(s.getSQLState());
          if (kind != OTHER) {
            return kind;
          }
        }
      }
    }
    return OTHER;
  }

  /** Classifies one SQLState. */
  static SqlFailure ofState(String state) {
    if (state == null || state.length() != 5) {
      return OTHER;
    }
    if (state.startsWith("22") || state.startsWith("54")) {
      return INPUT;
    }
    if (state.startsWith("08")
        || state.startsWith("40")
        || state.startsWith("53")
        || state.equals("57P01")
        || state.equals("57P02")
        || state.equals("57P03")) {
      return TRANSIENT;
    }
    return OTHER;
  }

  /**
   * Why stored data was refused, for the caller: a fixed sentence per SQLState, never the
   * database's own message.
   */
  public static String inputReason(Throwable e) {
    String state = state(e).orElse("");
    return switch (state) {
      case "22P05", "22021" ->
          "a string holds a character that cannot be stored (U+0000 or an unpaired surrogate)";
      case "22003" -> "a number is out of the range that can be stored";
      case "54001" -> "the value nests too deeply to be stored";
      case "54000" -> "a value is larger than can be stored";
      default -> "the data cannot be stored as sent (SQLState " + state + ")";
    };
  }

  /**
   * What failed, fit for a document anyone may read (a move's error, a health check): the root
   * cause's kind and the first SQLState on the way, never a message (messages can quote SQL).
   */
  public static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + state(e).map(s -> " (SQLState " + s + ")").orElse("");
  }

  private static Optional<String> state(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return Optional.of(sql.getSQLState());
      }
    }
    return Optional.empty();
  }
}
