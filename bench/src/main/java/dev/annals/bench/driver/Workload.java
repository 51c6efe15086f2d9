package dev.annals.bench.driver;

/**
 * The work every side of the benchmark does: Annals through the EJB API, Annals over HTTP, and raw
 * PostgreSQL through pgbench. One operation of each is timed as one latency sample.
 */
public enum Workload {
  /** One event appended to a stream that does not exist yet (expected version: no stream). */
  APPEND_SINGLE(1),
  /** One hundred events appended at once to a new stream. */
  APPEND_BATCH(100),
  /** The whole 1,000-event stream read in one page. */
  READ_STREAM(Payload.READ_STREAM_EVENTS),
  /** The long stream read from version 1 to the end, page by page (state rebuild). */
  REBUILD(0),
  /** The read tenant's $all paged from the start to the end. */
  READ_ALL(0),
  /**
   * A tenant's $all caught up by a subscription into the in-process statistics projection (a
   * rebuild), against the same pages scanned with plain SQL: measured by {@code ProjectionCatchUp},
   * not by the drivers.
   */
  PROJECTION_CATCH_UP(0),
  /**
   * A tenant's events delivered to a webhook receiver in the harness, with and without failures:
   * measured by {@code WebhookDelivery}, not by the drivers.
   */
  WEBHOOK_DELIVERY(0),
  /**
   * The 1,000-event stream of an old schema version read in one page, lifted by two chained
   * declarative upcasters (EJB only: compared with {@link #READ_STREAM}).
   */
  READ_UPCAST(Payload.READ_STREAM_EVENTS),
  /** The research workflow loaded from its long stream's snapshot and the events after it. */
  AGGREGATE_SNAPSHOT(0),
  /** The research workflow loaded from a stream as long, without any snapshot. */
  AGGREGATE_FULL(0);

  private final int eventsPerOperation;

  Workload(int eventsPerOperation) {
    this.eventsPerOperation = eventsPerOperation;
  }

  /** Events one operation writes or reads; 0 when it depends on the seeded data. */
  public int eventsPerOperation() {
    return eventsPerOperation;
  }

  /** Whether an operation writes. */
  public boolean writes() {
    return this == APPEND_SINGLE || this == APPEND_BATCH;
  }
}
