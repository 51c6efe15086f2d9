--liquibase formatted sql

--changeset annals:tenant-0020-read-all-matching splitStatements:false runOnChange:true
-- One round trip per page for a follower of $all (subscriptions, live feeds): the next p_limit
-- events after the checkpoint, in $all order and only below the snapshot's xmin exactly as
-- read_all scans them, but only those that pass the pre-filter (stream prefix, stored event types;
-- NULL: no condition) are returned with their data. One last row (event_id NULL) tells where the
-- scan got to, so a follower advances past what the filter left out without being sent it:
--   transaction_id, global_position  the last event scanned (the checkpoint when none was)
--   scanned                          how many events were scanned (a full page: read on)
--   found                            whether the checkpoint is the start or one of the tenant's
--                                    events (checked here, so no separate check costs a round trip)
--   held_back                        whether, when the scan ended short, committed events lie
--                                    beyond the horizon, held back by an older open transaction:
--                                    the follower reads again soon rather than waiting for a
--                                    wake-up the blocking transaction may never send.
-- The checkpoint semantics are read_all's: nothing below the horizon is ever skipped.
CREATE OR REPLACE FUNCTION "${annals.schema}".read_all_matching(
    p_tenant text, p_after_tx xid8, p_after_position bigint, p_limit integer,
    p_stream_prefix text, p_types text[])
RETURNS TABLE (event_id text, stream_id text, event_type text, stream_version bigint,
               transaction_id text, global_position bigint, data text, metadata text,
               recorded_at timestamptz, schema_version integer,
               scanned integer, found boolean, held_back boolean)
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM set_config('annals.tenant_id', p_tenant, true);
  RETURN QUERY
    WITH horizon AS MATERIALIZED (
      SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin
    ), scan AS MATERIALIZED (
      SELECT e.event_id, e.stream_id, e.event_type, e.stream_version, e.transaction_id,
             e.global_position, e.data, e.metadata, e.recorded_at, e.schema_version
        FROM "${annals.schema}".events e
       WHERE e.tenant_id = p_tenant
         AND (e.transaction_id, e.global_position) > (p_after_tx, p_after_position)
         AND e.transaction_id < (SELECT h.xmin FROM horizon h)
       ORDER BY e.transaction_id, e.global_position
       LIMIT p_limit
    ), last AS (
      SELECT s.transaction_id AS tx, s.global_position AS pos
        FROM scan s
       ORDER BY s.transaction_id DESC, s.global_position DESC
       LIMIT 1
    ), ending AS (
      SELECT coalesce(l.tx, p_after_tx) AS tx, coalesce(l.pos, p_after_position) AS pos,
             (SELECT count(*) FROM scan)::integer AS n
        FROM (SELECT 1) one LEFT JOIN last l ON true
    )
    SELECT x.event_id, x.stream_id, x.event_type, x.stream_version, x.transaction_id,
           x.global_position, x.data, x.metadata, x.recorded_at, x.schema_version,
           x.scanned, x.found, x.held_back
      FROM (
        SELECT 0 AS part, s.transaction_id AS tx, s.global_position AS pos,
               s.event_id::text, s.stream_id, s.event_type, s.stream_version,
               s.transaction_id::text AS transaction_id, s.global_position, s.data::text,
               s.metadata::text, s.recorded_at, s.schema_version,
               NULL::integer AS scanned, NULL::boolean AS found, NULL::boolean AS held_back
          FROM scan s
         WHERE (p_stream_prefix IS NULL OR starts_with(s.stream_id, p_stream_prefix))
           AND (p_types IS NULL OR s.event_type = ANY (p_types))
        UNION ALL
        SELECT 1, l.tx, l.pos,
               NULL, NULL, NULL, NULL, l.tx::text, l.pos, NULL, NULL, NULL, NULL,
               l.n,
               (p_after_tx = '0'::xid8 AND p_after_position = 0)
                 OR EXISTS (SELECT 1 FROM "${annals.schema}".events c
                             WHERE c.tenant_id = p_tenant AND c.transaction_id = p_after_tx
                               AND c.global_position = p_after_position),
               l.n < p_limit
                 AND EXISTS (SELECT 1 FROM "${annals.schema}".events b
                              WHERE b.tenant_id = p_tenant
                                AND (b.transaction_id, b.global_position) > (l.tx, l.pos)
                                AND b.transaction_id >= (SELECT h.xmin FROM horizon h))
          FROM ending l
      ) x
     ORDER BY x.part, x.tx, x.pos;
END
$$;
GRANT EXECUTE ON FUNCTION "${annals.schema}".read_all_matching(text, xid8, bigint, integer, text, text[]) TO "${annals.app.role}";
