package dev.annals.eventstore.infrastructure;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.tenancy.api.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code append_batch} (of the schema the connection's search_path names): any number of
 * appends (up to the caller's batch limit) in one round trip, each in its own subtransaction. Used
 * inside a caller's JTA transaction for one append, and by group commit on its own local
 * transaction for many. The function binds each append's tenant itself, so Row-Level Security
 * applies per append.
 */
public final class AppendStatement {

  private static final String SQL = "SELECT * FROM %s.append_batch(?::jsonb)";

  private AppendStatement() {}

  /**
   * Executes the appends on {@code connection} with the append function of {@code schema} (named
   * explicitly: no {@code search_path} round trip is needed, and the function binds each append's
   * tenant itself); outcomes in the order of {@code commands}.
   *
   * @param schema a schema name from the tenant's placement (derived from a validated id)
   */
  public static List<AppendOutcome> execute(
      Connection connection, String schema, List<AppendCommand> commands) throws SQLException {
    return execute(connection, schema, commands, 0);
  }

  /**
   * As {@link #execute(Connection, String, List)}, with each lock the appends take waited for at
   * most {@code lockTimeoutMs} (0: as long as it takes) for the rest of the transaction; an append
   * that waited longer answers {@link AppendStatus#RETRY} and the others go on. The setting travels
   * in the same round trip as the appends.
   */
  public static List<AppendOutcome> execute(
      Connection connection, String schema, List<AppendCommand> commands, long lockTimeoutMs)
      throws SQLException {
    String sql = SQL.formatted(Identifiers.quote(schema));
    if (lockTimeoutMs > 0) {
      sql = "SET LOCAL lock_timeout = " + lockTimeoutMs + "; " + sql;
    }
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, document(commands));
      List<AppendOutcome> outcomes = new ArrayList<>(commands.size());
      try (ResultSet rs = resultSet(ps)) {
        while (rs.next()) {
          String tx = rs.getString(5);
          outcomes.add(
              new AppendOutcome(
                  AppendStatus.fromSql(rs.getString(2)),
                  rs.getLong(3),
                  rs.getLong(4),
                  tx == null ? null : new Checkpoint(Long.parseLong(tx), rs.getLong(6)),
                  rs.getLong(7)));
        }
      }
      if (outcomes.size() != commands.size()) {
        throw new SQLException(
            "append_batch answered " + outcomes.size() + " outcomes for " + commands.size());
      }
      return outcomes;
    }
  }

  /** The one result set of {@code ps}, past the update count of a leading SET. */
  private static ResultSet resultSet(PreparedStatement ps) throws SQLException {
    boolean isResultSet = ps.execute();
    while (!isResultSet) {
      if (ps.getUpdateCount() == -1) {
        throw new SQLException("append_batch answered no rows");
      }
      isResultSet = ps.getMoreResults();
    }
    return ps.getResultSet();
  }

  /**
   * The batch as one JSON document. Ids, stream ids and types are validated against patterns
   * without quotes or backslashes, and data/metadata are serialized JSON values, so plain
   * concatenation is well-formed.
   */
  static String document(List<AppendCommand> commands) {
    StringBuilder json = new StringBuilder(256 * commands.size());
    json.append('[');
    for (int i = 0; i < commands.size(); i++) {
      AppendCommand c = commands.get(i);
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"tenant\":\"")
          .append(c.tenant().value())
          .append("\",\"stream\":\"")
          .append(c.stream().value())
          .append("\",\"expected\":\"")
          .append(c.expected().describe())
          .append("\",\"events\":[");
      for (int j = 0; j < c.events().size(); j++) {
        EventRow e = c.events().get(j);
        if (j > 0) {
          json.append(',');
        }
        json.append("{\"id\":\"")
            .append(e.eventId())
            .append("\",\"type\":\"")
            .append(e.type())
            .append("\",\"schemaVersion\":")
            .append(e.schemaVersion())
            .append(",\"data\":")
            .append(e.data())
            .append(",\"metadata\":")
            .append(e.metadata())
            .append('}');
      }
      json.append(']');
      if (c.hasQuota()) {
        json.append(",\"quota\":{\"streams\":")
            .append(c.maxStreams())
            .append(",\"bytes\":")
            .append(c.maxStorageBytes())
            .append('}');
      }
      json.append('}');
    }
    return json.append(']').toString();
  }
}
