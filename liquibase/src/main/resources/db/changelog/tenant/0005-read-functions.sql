--liquibase formatted sql

--changeset annals:tenant-0005-read-stream splitStatements:false runOnChange:true
-- Reads in one round trip and without a transaction of the caller's: each function binds the
-- tenant itself (set_config local to the statement's own implicit transaction, so a pooled
-- connection never carries it on), then reads under Row-Level Security as usual. Callers run them
-- in auto-commit on a non-JTA pool: no XA enlistment, no BEGIN/COMMIT, no separate bind. Output
-- columns are the reads' columns; every ORDER BY names table columns (a cast's output column of
-- the same name once made $all sort transaction ids as text).
-- Dropped first: the output columns grew (schema_version), which CREATE OR REPLACE cannot change;
-- the grant follows in this changeset, since the separate grant changeset runs only once.
DROP FUNCTION IF EXISTS "${annals.schema}".read_stream(text, text, bigint, boolean, integer);
CREATE OR REPLACE FUNCTION "${annals.schema}".read_stream(
    p_tenant text, p_stream text, p_from bigint, p_forward boolean, p_limit integer)
RETURNS TABLE (event_id text, stream_id text, event_type text, stream_version bigint,
               transaction_id text, global_position bigint, data text, metadata text,
               recorded_at timestamptz, schema_version integer)
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM set_config('annals.tenant_id', p_tenant, true);
  IF p_forward THEN
    RETURN QUERY
      SELECT e.event_id::text, e.stream_id, e.event_type, e.stream_version,
             e.transaction_id::text, e.global_position, e.data::text, e.metadata::text,
             e.recorded_at, e.schema_version
        FROM "${annals.schema}".events e
       WHERE e.tenant_id = p_tenant AND e.stream_id = p_stream AND e.stream_version >= p_from
       ORDER BY e.stream_version
       LIMIT p_limit;
  ELSE
    RETURN QUERY
      SELECT e.event_id::text, e.stream_id, e.event_type, e.stream_version,
             e.transaction_id::text, e.global_position, e.data::text, e.metadata::text,
             e.recorded_at, e.schema_version
        FROM "${annals.schema}".events e
       WHERE e.tenant_id = p_tenant AND e.stream_id = p_stream AND e.stream_version <= p_from
       ORDER BY e.stream_version DESC
       LIMIT p_limit;
  END IF;
END
$$;
GRANT EXECUTE ON FUNCTION "${annals.schema}".read_stream(text, text, bigint, boolean, integer) TO "${annals.app.role}";

--changeset annals:tenant-0005-read-all splitStatements:false runOnChange:true
-- Committed events after a checkpoint in (transaction id, position) order, only below the
-- snapshot's xmin: nothing can commit before them later, so a reader paging on never skips one.
-- Dropped first: the output columns grew (schema_version), which CREATE OR REPLACE cannot change;
-- the grant follows in this changeset, since the separate grant changeset runs only once.
DROP FUNCTION IF EXISTS "${annals.schema}".read_all(text, xid8, bigint, integer);
CREATE OR REPLACE FUNCTION "${annals.schema}".read_all(
    p_tenant text, p_after_tx xid8, p_after_position bigint, p_limit integer)
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
       AND (e.transaction_id, e.global_position) > (p_after_tx, p_after_position)
       AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY e.transaction_id, e.global_position
     LIMIT p_limit;
END
$$;
GRANT EXECUTE ON FUNCTION "${annals.schema}".read_all(text, xid8, bigint, integer) TO "${annals.app.role}";

--changeset annals:tenant-0005-checkpoint-exists splitStatements:false runOnChange:true
CREATE OR REPLACE FUNCTION "${annals.schema}".checkpoint_exists(
    p_tenant text, p_tx xid8, p_position bigint)
RETURNS boolean
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM set_config('annals.tenant_id', p_tenant, true);
  RETURN EXISTS (SELECT 1 FROM "${annals.schema}".events e
                  WHERE e.tenant_id = p_tenant AND e.transaction_id = p_tx
                    AND e.global_position = p_position);
END
$$;

--changeset annals:tenant-0005-stream-info splitStatements:false runOnChange:true
CREATE OR REPLACE FUNCTION "${annals.schema}".stream_info(p_tenant text, p_stream text)
RETURNS TABLE (version bigint, created_at timestamptz, updated_at timestamptz)
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM set_config('annals.tenant_id', p_tenant, true);
  RETURN QUERY
    SELECT s.version, s.created_at, s.updated_at
      FROM "${annals.schema}".streams s
     WHERE s.tenant_id = p_tenant AND s.stream_id = p_stream;
END
$$;

--changeset annals:tenant-0005-read-grants
GRANT EXECUTE ON FUNCTION "${annals.schema}".read_stream(text, text, bigint, boolean, integer) TO "${annals.app.role}";
GRANT EXECUTE ON FUNCTION "${annals.schema}".read_all(text, xid8, bigint, integer) TO "${annals.app.role}";
GRANT EXECUTE ON FUNCTION "${annals.schema}".checkpoint_exists(text, xid8, bigint) TO "${annals.app.role}";
GRANT EXECUTE ON FUNCTION "${annals.schema}".stream_info(text, text) TO "${annals.app.role}";
