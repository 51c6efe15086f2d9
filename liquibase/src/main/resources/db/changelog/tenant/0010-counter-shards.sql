--liquibase formatted sql

--changeset annals:tenant-0010-add-counts splitStatements:false runOnChange:true
-- Adds an append call's counts to one of the tenant's counter rows (changeset 0006 spreads them
-- over 16 shards) that no other open transaction holds, so counting never waits. The shard used to
-- be the backend's (pg_backend_pid() % 16) alone: a write transaction left open — a caller's long
-- JTA transaction, a test holding one — then stalled every later writer of that tenant whose
-- backend mapped to its row, and with them every other tenant's appends in the same
-- group-committed batch. Now each shard is claimed with a transaction-level advisory lock first,
-- tried without waiting from the backend's own shard on; every writer of the counters goes through
-- here, so a claimed shard's row is held by no one else and the upsert never waits. Only when all
-- 16 are claimed by other transactions does it wait, for the backend's own.
CREATE OR REPLACE FUNCTION "${annals.schema}".add_counts(
    p_tenant text, p_streams bigint, p_events bigint, p_bytes bigint)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, "${annals.schema}"
AS $$
DECLARE
  v_own   integer := pg_backend_pid() % 16;
  v_shard integer := NULL;
BEGIN
  FOR i IN 0..15 LOOP
    IF pg_try_advisory_xact_lock(hashtext('annals.tenant_counters'),
                                 hashtext(p_tenant || '/' || ((v_own + i) % 16))) THEN
      v_shard := (v_own + i) % 16;
      EXIT;
    END IF;
  END LOOP;
  IF v_shard IS NULL THEN
    v_shard := v_own;
    PERFORM pg_advisory_xact_lock(hashtext('annals.tenant_counters'),
                                  hashtext(p_tenant || '/' || v_shard));
  END IF;
  INSERT INTO "${annals.schema}".tenant_counters AS t (tenant_id, shard, streams, events, bytes)
  VALUES (p_tenant, v_shard::smallint, p_streams, p_events, p_bytes)
  ON CONFLICT (tenant_id, shard) DO UPDATE
    SET streams = t.streams + excluded.streams, events = t.events + excluded.events,
        bytes = t.bytes + excluded.bytes;
END
$$;

--changeset annals:tenant-0010-add-counts-private
-- Called only from append_batch (SECURITY DEFINER, as the owner): nobody else may add counts.
REVOKE EXECUTE ON FUNCTION "${annals.schema}".add_counts(text, bigint, bigint, bigint) FROM PUBLIC;
