package dev.annals.bench.raw;

import dev.annals.bench.driver.Payload;
import dev.annals.bench.driver.Workload;
import java.util.List;

/**
 * pgbench scripts for each workload, on Annals' real schema: the same {@code annals.events} and
 * {@code annals.streams} tables (with their indexes, constraints and Row-Level Security), as the
 * same runtime role, one transaction per operation with the tenant bound first. What raw PostgreSQL
 * does not do is Annals' own bookkeeping: no stream lock and no idempotency lookup — the floor
 * Annals is measured against. Payloads arrive as text parameters ({@code -D data=…}) and are parsed
 * to jsonb on every execution, as Annals' are.
 */
final class RawScripts {

  /**
   * Annals' read columns. The casts carry aliases of their own: a cast left with its column's name
   * would be what a bare {@code ORDER BY transaction_id} sorts by (output names win in ORDER BY),
   * turning the $all index scan into a text sort of the whole tenant.
   */
  private static final String COLUMNS =
      "SELECT e.event_id::text AS event_id_text, e.stream_id, e.event_type, e.stream_version,"
          + " e.transaction_id::text AS transaction_id_text, e.global_position,"
          + " e.data::text AS data_text, e.metadata::text AS metadata_text, e.recorded_at"
          + " FROM annals.events e";

  private RawScripts() {}

  /** The pgbench variables every script may use. */
  static List<String> variables() {
    return List.of("-D", "data=" + Payload.DATA, "-D", "meta=" + Payload.METADATA);
  }

  /** Single-event append: create the stream row at version 1 and insert its event. */
  static String appendSingle() {
    String stream = "'s-' || :client_id::text || '-' || :r::text";
    return newStream(stream, 1)
        + "INSERT INTO annals.events (tenant_id, stream_id, stream_version, event_id, event_type,"
        + " data, metadata) VALUES ('"
        + Payload.RAW_TENANT
        + "', "
        + stream
        + ", 1, gen_random_uuid(), '"
        + Payload.EVENT_TYPE
        + "', :data::jsonb, :meta::jsonb);\n"
        + "END;\n";
  }

  /**
   * 100-event append: create the stream row at version 100 and insert 100 events in one statement.
   * Each row's payload is a distinct text (a {@code seq} field is prepended), so jsonb parsing runs
   * per row as it does for Annals' 100 distinct payloads.
   */
  static String appendBatch() {
    int n = Workload.APPEND_BATCH.eventsPerOperation();
    String stream = "'b-' || :client_id::text || '-' || :r::text";
    return newStream(stream, n)
        + "INSERT INTO annals.events (tenant_id, stream_id, stream_version, event_id, event_type,"
        + " data, metadata, append_index, append_count) SELECT '"
        + Payload.RAW_TENANT
        + "', "
        + stream
        + ", g, gen_random_uuid(), '"
        + Payload.EVENT_TYPE
        + "', ('{\"seq\":' || g::text || ',' || substr(:data::text, 2))::jsonb, :meta::jsonb,"
        + " g - 1, "
        + n
        + " FROM generate_series(1, "
        + n
        + ") g;\n"
        + "END;\n";
  }

  /** One page of a stream, as Annals' forward read selects it. */
  static String readStream(String stream, int events) {
    StringBuilder script = new StringBuilder();
    for (long from = 1; from <= events; from += Payload.PAGE) {
      script
          .append(begin(Payload.READ_TENANT))
          .append(COLUMNS)
          .append(" WHERE e.tenant_id = '")
          .append(Payload.READ_TENANT)
          .append("' AND e.stream_id = '")
          .append(stream)
          .append("' AND e.stream_version >= ")
          .append(from)
          .append(" ORDER BY e.stream_version LIMIT ")
          .append(Payload.PAGE)
          .append(";\nEND;\n");
    }
    return script.toString();
  }

  /**
   * The read tenant's $all, page by page from the start, with Annals' $all query; {@code starts}
   * are the checkpoints each page continues after (the last page comes back short or empty).
   */
  static String readAll(List<String[]> starts) {
    StringBuilder script = new StringBuilder();
    for (String[] start : starts) {
      script
          .append(begin(Payload.READ_TENANT))
          .append(COLUMNS)
          .append(" WHERE e.tenant_id = '")
          .append(Payload.READ_TENANT)
          .append("' AND (e.transaction_id, e.global_position) > ('")
          .append(start[0])
          .append("'::xid8, ")
          .append(start[1])
          .append(") AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())")
          .append(" ORDER BY e.transaction_id, e.global_position LIMIT ")
          .append(Payload.PAGE)
          .append(";\nEND;\n");
    }
    return script.toString();
  }

  /**
   * The start of every append script: a random number for the new stream's id, BEGIN with the raw
   * tenant bound, and the stream row at {@code version}.
   */
  private static String newStream(String stream, int version) {
    return "\\set r random(1, 9000000000000000000)\n"
        + begin(Payload.RAW_TENANT)
        + "INSERT INTO annals.streams (tenant_id, stream_id, version) VALUES ('"
        + Payload.RAW_TENANT
        + "', "
        + stream
        + ", "
        + version
        + ");\n";
  }

  private static String begin(String tenant) {
    return "BEGIN;\nSELECT set_config('annals.tenant_id', '" + tenant + "', true);\n";
  }
}
