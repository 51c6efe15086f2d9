--liquibase formatted sql

--changeset annals:tenant-0009-correlation-index
-- All events of one causal chain in $all order (GET .../correlations/{id}/events): the correlation
-- id lives in the metadata the store completes on every append, so the index is on that
-- expression, then the $all order, so a page is one index range scan. Not CONCURRENTLY: that waits
-- for every older transaction of the whole database, so creating a tenant's schema would wait for
-- other tenants' long transactions. On a large existing store the upgrade holds appends to that
-- place while it builds; an operator can build it beforehand with CREATE INDEX CONCURRENTLY under
-- the same name (IF NOT EXISTS then skips it).
CREATE INDEX IF NOT EXISTS events_correlation
    ON "${annals.schema}".events (tenant_id, (metadata ->> 'correlationId'), transaction_id, global_position);

--changeset annals:tenant-0009-read-correlation splitStatements:false runOnChange:true
-- Committed events of one correlation id after a checkpoint, in $all order and only below the
-- snapshot's xmin, exactly as read_all pages: a reader paging on never skips one. ORDER BY names
-- table columns (the select list casts transaction_id to text).
-- Dropped first: the output columns grew (schema_version), which CREATE OR REPLACE cannot change;
-- the grant follows in this changeset, since the separate grant changeset runs only once.
DROP FUNCTION IF EXISTS "${annals.schema}".read_correlation(text, text, xid8, bigint, integer);
CREATE OR REPLACE FUNCTION "${annals.schema}".read_correlation(
    p_tenant text, p_correlation text, p_after_tx xid8, p_after_position bigint, p_limit integer)
RETURNS TABLE (event_id text, stream_id text, event_type text, stream_version bigint,
               transaction_id text, global_position bigint, data text, metadata text,
               recorded_at timestamptz, schema_version integer)
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM set_config('annals.tenant_id', p_tenant, true);
  RETURN QUERY
    SELECT e.event_id::text, e.stream_id, e.event_type, e.stream_version,
           e.transaction_id::text, e.global_position, e.data::text, e.metadata::text,
           e.recorded_at, e.schema_version
      FROM "${annals.schema}".events e
     WHERE e.tenant_id = p_tenant
       AND (e.metadata ->> 'correlationId') = p_correlation
       AND (e.transaction_id, e.global_position) > (p_after_tx, p_after_position)
       AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY e.transaction_id, e.global_position
     LIMIT p_limit;
END
$$;
GRANT EXECUTE ON FUNCTION "${annals.schema}".read_correlation(text, text, xid8, bigint, integer) TO "${annals.app.role}";

--changeset annals:tenant-0009-stream-version-at splitStatements:false runOnChange:true
-- A stream as it stood at a time: the versions before the first event recorded after it (a
-- stream's past is a prefix of its versions, so a reader as of a time sees a version range, never
-- a set with holes). NULL when the stream does not exist; 0 when it had no event yet.
CREATE OR REPLACE FUNCTION "${annals.schema}".stream_version_at(
    p_tenant text, p_stream text, p_time timestamptz)
RETURNS bigint
LANGUAGE plpgsql
AS $$
DECLARE
  v_head bigint;
  v_first_after bigint;
BEGIN
  PERFORM set_config('annals.tenant_id', p_tenant, true);
  SELECT s.version INTO v_head
    FROM "${annals.schema}".streams s
   WHERE s.tenant_id = p_tenant AND s.stream_id = p_stream;
  IF v_head IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT min(e.stream_version) INTO v_first_after
    FROM "${annals.schema}".events e
   WHERE e.tenant_id = p_tenant AND e.stream_id = p_stream AND e.recorded_at > p_time;
  RETURN coalesce(v_first_after - 1, v_head);
END
$$;

--changeset annals:tenant-0009-grants
GRANT EXECUTE ON FUNCTION "${annals.schema}".read_correlation(text, text, xid8, bigint, integer) TO "${annals.app.role}";
GRANT EXECUTE ON FUNCTION "${annals.schema}".stream_version_at(text, text, timestamptz) TO "${annals.app.role}";
