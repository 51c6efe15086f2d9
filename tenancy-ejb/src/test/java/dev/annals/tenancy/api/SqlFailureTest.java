package dev.annals.tenancy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import org.junit.jupiter.api.Test;

class SqlFailureTest {

  @Test
  void dataExceptionsAndLimitsAreTheInputsFault() {
    assertEquals(SqlFailure.INPUT, SqlFailure.of(new SQLException("x", "22P05")));
    assertEquals(SqlFailure.INPUT, SqlFailure.of(new SQLException("x", "54001")));
    assertEquals(
        "a number is out of the range that can be stored",
        SqlFailure.inputReason(new SQLException("numeric field overflow", "22003")));
  }

  @Test
  void lostConnectionsAndRestartsAreFoundThroughWrappers() {
    assertEquals(
        SqlFailure.TRANSIENT,
        SqlFailure.of(new RuntimeException(new SQLException("terminating", "57P01"))));
    assertEquals(SqlFailure.TRANSIENT, SqlFailure.of(new SQLException("closed", "08003")));
    assertEquals(SqlFailure.TRANSIENT, SqlFailure.of(new SQLException("deadlock", "40P01")));
    assertEquals(SqlFailure.TRANSIENT, SqlFailure.of(new SQLRecoverableException("gone")));
    SQLException chained = new SQLException("batch", "XX000");
    chained.setNextException(new SQLException("io", "08006"));
    assertEquals(SqlFailure.TRANSIENT, SqlFailure.of(chained));
  }

  @Test
  void everythingElseIsTheServers() {
    assertEquals(SqlFailure.OTHER, SqlFailure.of(new SQLException("denied", "42501")));
    assertEquals(SqlFailure.OTHER, SqlFailure.of(new IllegalStateException()));
    assertEquals(SqlFailure.OTHER, SqlFailure.of(new SQLException("no state")));
  }

  @Test
  void reasonsNeverQuoteTheDatabase() {
    String reason =
        SqlFailure.inputReason(
            new SQLException("invalid input syntax for type json: SELECT secret", "22P02"));
    assertFalse(reason.contains("SELECT"));
    assertEquals("the data cannot be stored as sent (SQLState 22P02)", reason);
  }

  @Test
  void descriptionsNameTheKindAndStateOnly() {
    assertEquals(
        "PSQLish (SQLState 42P01)",
        SqlFailure.describe(
            new RuntimeException(new PSQLish("relation \"secret\" does not exist", "42P01"))));
    assertEquals("IllegalStateException", SqlFailure.describe(new IllegalStateException("x")));
  }

  /** Stands in for a driver's exception class. */
  private static final class PSQLish extends SQLException {
    private static final long serialVersionUID = 1L;

    PSQLish(String message, String state) {
      super(message, state);
    }
  }
}
