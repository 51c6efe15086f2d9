package dev.annals.eventstore.internal;

import dev.annals.eventstore.api.StoreUnavailableException;
import dev.annals.tenancy.api.SqlFailure;
import jakarta.ejb.EJBException;
import java.sql.SQLException;

/**
 * What a failed database call becomes for the caller: a lost connection (a PostgreSQL restart, a
 * network break) or a lost deadlock race is a 503 the caller may retry; any other database failure
 * is a server fault. Neither passes on the database's message.
 */
public final class StoreFailure {

  private StoreFailure() {}

  /**
   * @param what what could not be done, e.g. {@code read acme/order-1}
   * @param e the database's failure
   */
  public static RuntimeException of(String what, SQLException e) {
    if (SqlFailure.of(e) == SqlFailure.TRANSIENT) {
      return new StoreUnavailableException(
          "Could not " + what + " now (the database is unreachable or busy); retry in a moment", e);
    }
    return new EJBException("Could not " + what, e);
  }
}
