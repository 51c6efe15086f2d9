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
-- The page's end is found first on the primary key alone (an index-only scan), then the events up
-- to it are returned in index order and the status row after them: no tuplestore of the page and
-- no sort (a page costs what read_all's does). Every transaction below the horizon had ended when
-- it was taken, so the two statements' snapshots see the same events below it.
CREATE OR REPLACE FUNCTION "${annals.schema}".read_all_matching(
    p_tenant text, p_after_tx xid8, p_after_position bigint, p_limit integer,
    p_stream_prefix text, p_types text[])
RETURNS TABLE (event_id text, stream_id text, event_type text, stream_version bigint,
               transaction_id text, global_position bigint, data text, metadata text,
               recorded_at timestamptz, schema_version integer,
               scanned integer, found boolean, held_back boolean)
LANGUAGE plpgsql
AS $$
DECLARE
  v_xmin xid8 := pg_snapshot_xmin(pg_current_snapshot());
  v_tx xid8;
  v_pos bigint;
  v_n integer;
BEGIN
  PERFORM set_config('annals.tenant_id', p_tenant, true);
  SELECT k.transaction_id, k.global_position, k.n INTO v_tx, v_pos, v_n
    FROM (SELECT s.transaction_id, s.global_position, count(*) OVER () AS n
            FROM (SELECT e.transaction_id, e.global_position
                    FROM "${annals.schema}".events e
                   WHERE e.tenant_id = p_tenant
                     AND (e.transaction_id, e.global_position) > (p_after_tx, p_after_position)
                     AND e.transaction_id < v_xmin
                   ORDER BY e.transaction_id, e.global_position
                   LIMIT p_limit) s) k
   ORDER BY k.transaction_id DESC, k.global_position DESC
   LIMIT 1;
  IF NOT FOUND THEN
    v_tx := p_after_tx;
    v_pos := p_after_position;
    v_n := 0;
  ELSE
    RETURN QUERY
      SELECT e.event_id::text, e.stream_id, e.event_type, e.stream_version,
             e.transaction_id::text, e.global_position, e.data::text, e.metadata::text,
             e.recorded_at, e.schema_version, NULL::integer, NULL::boolean, NULL::boolean
        FROM "${annals.schema}".events e
       WHERE e.tenant_id = p_tenant
         AND (e.transaction_id, e.global_position) > (p_after_tx, p_after_position)
         AND (e.transaction_id, e.global_position) <= (v_tx, v_pos)
         AND (p_stream_prefix IS NULL OR starts_with(e.stream_id, p_stream_prefix))
         AND (p_types IS NULL OR e.event_type = ANY (p_types))
       ORDER BY e.transaction_id, e.global_position;
  END IF;
  RETURN QUERY
    SELECT NULL::text, NULL::text, NULL::text, NULL::bigint, v_tx::text, v_pos, NULL::text,
           NULL::text, NULL::timestamptz, NULL::integer, v_n,
           (p_after_tx = '0'::xid8 AND p_after_position = 0)
             OR EXISTS (SELECT 1 FROM "${annals.schema}".events c
                         WHERE c.tenant_id = p_tenant AND c.transaction_id = p_after_tx
                           AND c.global_position = p_after_position),
           v_n < p_limit
             AND EXISTS (SELECT 1 FROM "${annals.schema}".events b
                          WHERE b.tenant_id = p_tenant
                            AND (b.transaction_id, b.global_position) > (v_tx, v_pos)
                            AND b.transaction_id >= v_xmin);
END
$$;
GRANT EXECUTE ON FUNCTION "${annals.schema}".read_all_matching(text, xid8, bigint, integer, text, text[]) TO "${annals.app.role}";
