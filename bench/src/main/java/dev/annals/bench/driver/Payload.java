package dev.annals.bench.driver;

import java.util.UUID;

/**
 * The data every side stores and reads: the same event type, a ~170-byte JSON payload and ~100
 * bytes of metadata (correlation and causation ids, which Annals adds from the append's context),
 * so a row weighs about 250 bytes of JSON on each side. The read tenant and its streams are seeded
 * once per run and read by all three sides.
 */
public final class Payload {

  /** The event type every benchmark event has. */
  public static final String EVENT_TYPE = "OrderPlaced";

  /** The event payload (JSON object text). */
  public static final String DATA =
      "{\"orderId\":\"ord-000000000001\",\"customerId\":\"cust-000042\",\"amount\":123.45,"
          + "\"currency\":\"EUR\",\"items\":[{\"sku\":\"sku-x1\",\"qty\":2,\"price\":40.00},"
          + "{\"sku\":\"sku-y2\",\"qty\":1,\"price\":43.45}],\"channel\":\"web\"}";

  /** The correlation id every benchmark append carries. */
  public static final String CORRELATION_ID = "11111111-1111-4111-8111-111111111111";

  /** The causation id every benchmark append carries. */
  public static final String CAUSATION_ID = "22222222-2222-4222-8222-222222222222";

  /** The metadata Annals stores for a benchmark event; the raw side stores the same text. */
  public static final String METADATA =
      "{\"correlationId\":\"" + CORRELATION_ID + "\",\"causationId\":\"" + CAUSATION_ID + "\"}";

  /** Tenant whose streams Annals appends to. */
  public static final String WRITE_TENANT = "bench_write";

  /** Tenant whose streams raw PostgreSQL appends to. */
  public static final String RAW_TENANT = "bench_raw";

  /** Tenant holding the seeded streams that every side reads. */
  public static final String READ_TENANT = "bench_read";

  /** The 1,000-event stream. */
  public static final String READ_STREAM = "read-1000";

  /** The read tenant's one-event stream, read at 64 connections with wrk. */
  public static final String SMALL_STREAM = "read-1";

  /** Events in {@link #READ_STREAM}. */
  public static final int READ_STREAM_EVENTS = 1_000;

  /** The long stream rebuilt page by page (10,000 events; fewer in quick mode). */
  public static final String REBUILD_STREAM = "rebuild";

  /**
   * Tenant of the event-sourcing workloads' streams (upcast reads, workflow rebuilds), apart from
   * the read tenant so its $all stays as it was.
   */
  public static final String VERSIONS_TENANT = "bench_versions";

  /** A 1,000-event stream stored at schema version 1, read through two upcasters. */
  public static final String UPCAST_STREAM = "upcast-1000";

  /** The event type of {@link #UPCAST_STREAM}. */
  public static final String UPCAST_TYPE = "OrderPlacedV1";

  /**
   * The two declarative upcasters of {@link #UPCAST_TYPE}: 1→2 renames a member and adds one, 2→3
   * moves one into a new object and renames the type.
   */
  public static final String[] UPCASTER_OPERATIONS = {
    "[{\"rename\":{\"from\":\"/channel\",\"to\":\"/salesChannel\"}},"
        + "{\"add\":{\"path\":\"/taxIncluded\",\"value\":true}}]",
    "[{\"move\":{\"from\":\"/customerId\",\"to\":\"/customer/id\"}},"
        + "{\"renameType\":\"OrderPlaced\"}]"
  };

  /** The research workflow whose long stream has a snapshot near its head. */
  public static final String WORKFLOW_WITH_SNAPSHOT = "0b0b0b0b-0000-4000-8000-000000000001";

  /** The research workflow whose equally long stream has no snapshot. */
  public static final String WORKFLOW_WITHOUT_SNAPSHOT = "0b0b0b0b-0000-4000-8000-000000000002";

  /** How far below the head the snapshot is taken (the default policy's average tail: 50 / 2). */
  public static final int SNAPSHOT_TAIL = 25;

  /** Page size of every paged read: the API's largest page. */
  public static final int PAGE = 1_000;

  private Payload() {}

  /** A new, distinct stream id for an append workload. */
  public static String newStreamId(Workload workload) {
    return (workload == Workload.APPEND_BATCH ? "b-" : "s-") + UUID.randomUUID();
  }
}
