package dev.annals.bench.report;

import dev.annals.bench.driver.Payload;

/** The description of what each side does, printed with every result so it cannot drift. */
public final class Method {

  private Method() {}

  /** Markdown paragraphs describing the three sides. */
  public static String text(int poolMax, int rebuildEvents, long allEvents) {
    return """
        All three sides work on the same PostgreSQL database: Annals migrates it at start-up, and \
        the raw side then uses Annals' own tables (`annals.events` with its xid8 \
        `transaction_id`, jsonb `data`/`metadata`, unique `(tenant_id, stream_id, \
        stream_version)`, unique `(tenant_id, event_id)`, the `$all` index, and `annals.streams`), \
        with Row-Level Security forced, as Annals' runtime role `annals_app`. Every event is an \
        `%s` with the same ~170-byte JSON payload and ~100 bytes of metadata (correlation and \
        causation ids). Appends go to new streams (expected version: no stream).

        - **raw (pgbench)**: one transaction per operation, prepared statements, payloads sent as \
        text parameters and parsed to jsonb on each execution. An append is `BEGIN; SELECT \
        set_config('annals.tenant_id', …, true); INSERT` the stream row (at version 1 or 100); \
        `INSERT` the event(s) (100 rows in one `INSERT … SELECT … generate_series`, each with a \
        distinct payload text); `END`. A read is the same bind plus Annals' own SELECT (same \
        columns, order and page of %d); a rebuild is one such page transaction per 1,000 events; `$all` pages \
        with Annals' query (`(transaction_id, global_position) > checkpoint` and `transaction_id \
        < pg_snapshot_xmin(pg_current_snapshot())`), from checkpoints computed beforehand. What \
        raw does **not** do is Annals' bookkeeping: no tenant write gate (advisory lock and gate \
        read), no `SELECT … FOR UPDATE` of the stream, no subtransaction per append, no \
        checkpoint validation, no XA. (Annals looks event ids up only for resends and conflicts: \
        new events are caught by the same unique index raw inserts into.)
        - **EJB**: an in-container driver (a web module added to the EAR, `/bench/driver`) runs K \
        container-managed threads calling `dev.annals.eventstore.api.EventStore` with no \
        caller transaction, so each call is its own JTA transaction, exactly as the shipped \
        code runs it. Only the server's own time is measured.
        - **HTTP**: a closed-loop `java.net.http` driver in the harness JVM (`sendAsync`, a \
        semaphore holding exactly c requests in flight, HTTP/1.1 keep-alive) against \
        `/api/tenants/…`; each operation completes when the whole response body has arrived. \
        The driver shares the machine's cores with the server and PostgreSQL.
        - **Projection catch-up**: a tenant of its own (`bench_projection`, \
        `bench.projection.events` events in one stream, seeded with SQL) has its statistics \
        projection rebuilt: a new generation's subscription reads all its events through the \
        subscription machinery (lease, one JTA transaction per 1,000-event batch: \
        `read_all_matching`, each next page read ahead on the reads pool while the batch before \
        commits, the projection's one multi-row upsert, the checkpoint compare-and-set) \
        until it replaces the live one; timed by the server from the rebuild's start to the \
        switch. Raw pages the same events with `read_all` (1,000 a call, every column read) \
        over one JDBC connection and does nothing with them. One unmeasured run of each \
        first. Every tenant's statistics projection also runs beside every other point (it \
        counts every append).
        - **Webhook delivery with failures**: a tenant of its own (`bench_webhooks`, \
        `bench.webhook.events` events over 100 streams, seeded with SQL); each run is a webhook \
        subscription from the beginning to a receiver in the harness JVM, timed from its \
        creation until the receiver holds every event. With failures, the receiver answers 500 \
        to the first batch carrying one of the 1%% of events marked (by id hash) and accepts it \
        afterwards, so nothing is dead-lettered. The "raw" column holds the same delivery with \
        none failing, measured just before; one unmeasured run of each kind comes first. The \
        failing runs use the shipped default policy, then a policy with 10 ms initial backoff. A batch the receiver refuses is sent again whole at once.
        - Before each side of each point the harness runs `ANALYZE` on both tables and a \
        `CHECKPOINT`, so every side starts with current statistics and clean buffers.
        - Server: the shipped `server.xml` and `jvm.options`, runtime pool `DB_POOL_MAX=%d`, \
        embedded Redis, request rates of 1,000,000/s (every request is counted in Redis as in \
        production, none refused). The read tenant holds %,d events ($all), in the 1,000- and the \
        %,d-event streams, written before the measurements in transactions of 1,000 rows \
        exactly as Annals stores them. c = concurrent callers (pgbench clients, driver threads, HTTP \
        requests in flight). Latency = one operation (a rebuild or an $all scan is one \
        operation of several pages).
        """
        .formatted(Payload.EVENT_TYPE, Payload.PAGE, poolMax, allEvents, rebuildEvents);
  }
}
