--liquibase formatted sql

--changeset annals:tenant-0003-append-replay splitStatements:false runOnChange:true
-- What became of an append's event ids, for an append that did not go through as new (a wrong
-- expected version, or an id the unique index found stored): 'replayed' when they are exactly one
-- earlier append, stored in this stream in this order (with that append's versions and last
-- position: a resend is answered, not stored again); 'id_conflict' when some are stored otherwise;
-- 'none' when none is stored. A plain "event_id = ANY" keeps the lookup on the unique
-- (tenant_id, event_id) index. runOnChange: function bodies are replaced when this file changes.
CREATE OR REPLACE FUNCTION "${annals.schema}".append_replay(p_tenant text, p_stream text, p_events jsonb)
RETURNS TABLE (outcome text, first_version bigint, last_version bigint, transaction_id text,
               global_position bigint)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, "${annals.schema}"
AS $$
DECLARE
  v_ids      uuid[];
  n          integer;
  v_stored   integer;
  v_matching integer;
BEGIN
  SELECT array_agg((ev->>'id')::uuid ORDER BY i) INTO v_ids
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(ev, i);
  n := cardinality(v_ids);
  SELECT count(*),
         count(*) FILTER (WHERE e.stream_id = p_stream AND e.append_count = n
                            AND e.append_index = array_position(v_ids, e.event_id) - 1),
         min(e.stream_version), max(e.stream_version)
    INTO v_stored, v_matching, first_version, last_version
    FROM "${annals.schema}".events e
   WHERE e.tenant_id = p_tenant AND e.event_id = ANY (v_ids);
  IF v_stored = n AND v_matching = n AND last_version - first_version + 1 = n THEN
    outcome := 'replayed';
    SELECT e.transaction_id::text, e.global_position INTO transaction_id, global_position
      FROM "${annals.schema}".events e
     WHERE e.tenant_id = p_tenant AND e.event_id = v_ids[n];
  ELSE
    outcome := CASE WHEN v_stored > 0 THEN 'id_conflict' ELSE 'none' END;
    first_version := NULL; last_version := NULL;
  END IF;
  RETURN NEXT;
END
$$;

--changeset annals:tenant-0003-append-batch splitStatements:false runOnChange:true
-- The whole append path in one round trip, for one append or a group-committed batch of many.
-- Each append runs in its own subtransaction (the BEGIN ... EXCEPTION block), so one append's
-- conflict or lost race undoes only that append; the caller commits the others together. Appends
-- lock their stream row first, so concurrent appends to one stream queue up: versions have no
-- holes and an identical resend always finds the stored original. Callers keep batches under 64
-- appends: each writing subtransaction takes a subxid, and more than 64 in one transaction
-- overflow every concurrent snapshot's subxid cache.
--
-- The common case costs no idempotency lookup: new events are inserted straight away, and the
-- unique (tenant_id, event_id) index catches a stored id; only then (or on a wrong expected
-- version) does append_replay decide between "a resend: answer the original" and "a conflict".
--
-- p_batch: [{"tenant", "stream", "expected": "any" | "no_stream" | "exists" | n,
--            "events": [{"id", "type", "schemaVersion"?, "data", "metadata"}],
--            "quota": {"streams": n, "bytes": n}}]   (quota: only for a tenant with one; 0: none)
-- status per append: ok | replayed | wrong_version | id_conflict | retry, or the tenant's closed
-- gate: suspended | moved | deleted | no_tenant, or quota_streams | quota_bytes (nothing written;
-- current_version then carries the tenant's usage). The gate is read under a shared advisory lock
-- on the tenant, which tenancy takes exclusively to close it: see tenant_gate.
--
-- Quotas (the caller passes the tenant's, so this works alike in every isolation mode): usage is
-- the tenant's counters (changesets 0006, 0008) plus what this call has stored for it so far. An
-- append that would create a stream beyond "streams", or bring the stored bytes beyond "bytes", is
-- refused alone, like a wrong version: its batch's other appends commit. Exact under concurrency:
-- appends of a tenant with a quota take a per-tenant advisory lock (held to commit) before they
-- count, so transactions appending to such a tenant commit one after another and each counts what
-- the previous committed. Tenants without a quota take no lock and pay no count.
--
-- SECURITY DEFINER: it runs as the tables' owner, the only way the runtime role may change events,
-- streams and counters (changeset 0007 revokes its direct writes). Declared here, not altered
-- later, so a new body (runOnChange) keeps it. search_path is pinned (pg_catalog first) so no
-- object a caller creates can stand in for a built-in; every table is schema-qualified anyway.
-- Row-Level Security still applies (the tables FORCE it on their owner) to the tenant bound below.
CREATE OR REPLACE FUNCTION "${annals.schema}".append_batch(p_batch jsonb)
RETURNS TABLE (ordinal integer, status text, first_version bigint, last_version bigint,
               transaction_id text, global_position bigint, current_version bigint)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, "${annals.schema}"
AS $$
DECLARE
  a          jsonb;
  n          integer;
  v_tenant   text;
  v_stream   text;
  v_expected text;
  v_current  bigint;
  v_exists   boolean;
  v_created  integer;
  v_gate     text;
  r          record;
  -- Counts stored by this call, added to tenant_counters once per tenant (see changeset 0006) by
  -- add_counts (changeset 0010), which never waits for another open transaction's counts.
  v_count_tenant  text;
  v_count_streams bigint := 0;
  v_count_events  bigint := 0;
  v_count_bytes   bigint := 0;
  v_quota         jsonb;
  v_usage         bigint;
  v_bytes         bigint;
BEGIN
  FOR a, ordinal IN SELECT e.value, e.ord::integer FROM jsonb_array_elements(p_batch) WITH ORDINALITY AS e(value, ord)
  LOOP
    v_tenant := a->>'tenant';
    v_stream := a->>'stream';
    v_expected := a->>'expected';
    n := jsonb_array_length(a->'events');
    v_quota := a->'quota';
    status := NULL; first_version := NULL; last_version := NULL;
    transaction_id := NULL; global_position := NULL; current_version := NULL;
    IF v_count_tenant IS DISTINCT FROM v_tenant AND v_count_tenant IS NOT NULL THEN
      PERFORM set_config('annals.tenant_id', v_count_tenant, true);
      PERFORM "${annals.schema}".add_counts(v_count_tenant, v_count_streams, v_count_events, v_count_bytes);
      v_count_tenant := NULL; v_count_streams := 0; v_count_events := 0; v_count_bytes := 0;
    END IF;
    -- Bound outside the subtransaction: a setting made inside it would be undone with it, and the
    -- exception handler's replay lookup must still see the tenant's rows.
    PERFORM set_config('annals.tenant_id', v_tenant, true);
    BEGIN
      LOOP
        PERFORM pg_advisory_xact_lock_shared(hashtext('annals.tenant_gate'), hashtext(v_tenant));
        SELECT g.state INTO v_gate FROM "${annals.schema}".tenant_gate g WHERE g.tenant_id = v_tenant;
        IF v_gate IS DISTINCT FROM 'open' THEN
          status := coalesce(v_gate, 'no_tenant');
          EXIT;
        END IF;
        IF v_quota IS NOT NULL THEN
          PERFORM pg_advisory_xact_lock(hashtext('annals.tenant_quota'), hashtext(v_tenant));
        END IF;

        SELECT s.version INTO v_current FROM "${annals.schema}".streams s
          WHERE s.tenant_id = v_tenant AND s.stream_id = v_stream FOR UPDATE;
        v_exists := FOUND;
        IF NOT v_exists THEN
          v_current := 0;
        END IF;

        IF NOT (v_expected = 'any'
                OR (v_expected = 'no_stream' AND v_current = 0)
                OR (v_expected = 'exists' AND v_current > 0)
                OR (v_expected ~ '^[0-9]+$' AND v_expected::bigint = v_current)) THEN
          -- A resend of a stored append finds the stream moved on: answer it as a replay.
          SELECT * INTO r FROM "${annals.schema}".append_replay(v_tenant, v_stream, a->'events');
          status := CASE r.outcome WHEN 'none' THEN 'wrong_version' ELSE r.outcome END;
          current_version := CASE WHEN r.outcome = 'none' THEN v_current END;
          first_version := r.first_version; last_version := r.last_version;
          transaction_id := r.transaction_id; global_position := r.global_position;
          EXIT;
        END IF;

        IF NOT v_exists AND (v_quota->>'streams')::bigint > 0 THEN
          SELECT coalesce(sum(c.streams), 0) INTO v_usage
            FROM "${annals.schema}".tenant_counters c WHERE c.tenant_id = v_tenant;
          v_usage := v_usage + CASE WHEN v_count_tenant = v_tenant THEN v_count_streams ELSE 0 END;
          IF v_usage >= (v_quota->>'streams')::bigint THEN
            status := 'quota_streams';
            current_version := v_usage;
            EXIT;
          END IF;
        END IF;

        IF v_exists THEN
          UPDATE "${annals.schema}".streams s SET version = v_current + n, updated_at = now()
           WHERE s.tenant_id = v_tenant AND s.stream_id = v_stream;
        ELSE
          INSERT INTO "${annals.schema}".streams (tenant_id, stream_id, version)
          VALUES (v_tenant, v_stream, n) ON CONFLICT DO NOTHING;
          GET DIAGNOSTICS v_created = ROW_COUNT;
          IF v_created = 0 THEN
            CONTINUE; -- created concurrently and committed meanwhile: lock it and decide again
          END IF;
        END IF;

        -- All rows of one INSERT share the transaction id; the last event has the highest position.
        WITH inserted AS (
          INSERT INTO "${annals.schema}".events AS e
            (tenant_id, stream_id, stream_version, event_id, event_type, schema_version, data,
             metadata, append_index, append_count)
          SELECT v_tenant, v_stream, v_current + x.i, (x.ev->>'id')::uuid, x.ev->>'type',
                 coalesce((x.ev->>'schemaVersion')::integer, 1),
                 x.ev->'data', x.ev->'metadata', x.i - 1, n
            FROM jsonb_array_elements(a->'events') WITH ORDINALITY AS x(ev, i)
           ORDER BY x.i
          RETURNING e.transaction_id, e.global_position,
                    octet_length(e.data::text) + octet_length(e.metadata::text) AS size)
        SELECT min(inserted.transaction_id::text), max(inserted.global_position), sum(inserted.size)
          INTO transaction_id, global_position, v_bytes FROM inserted;
        IF (v_quota->>'bytes')::bigint > 0 THEN
          SELECT coalesce(sum(c.bytes), 0) INTO v_usage
            FROM "${annals.schema}".tenant_counters c WHERE c.tenant_id = v_tenant;
          v_usage := v_usage + CASE WHEN v_count_tenant = v_tenant THEN v_count_bytes ELSE 0 END;
          IF v_usage + v_bytes > (v_quota->>'bytes')::bigint THEN
            RAISE EXCEPTION USING ERRCODE = 'AQ001'; -- undoes this append's rows (handler below)
          END IF;
        END IF;
        first_version := v_current + 1;
        last_version := v_current + n;
        status := 'ok';
        EXIT;
      END LOOP;
    EXCEPTION
      WHEN unique_violation THEN
        -- A stored id (the subtransaction is undone): a resend of that append, or a conflict.
        SELECT * INTO r FROM "${annals.schema}".append_replay(v_tenant, v_stream, a->'events');
        status := CASE r.outcome WHEN 'replayed' THEN 'replayed' ELSE 'id_conflict' END;
        first_version := r.first_version; last_version := r.last_version;
        transaction_id := r.transaction_id; global_position := r.global_position;
      WHEN SQLSTATE 'AQ001' THEN
        status := 'quota_bytes';
        current_version := v_usage;
        first_version := NULL; last_version := NULL;
        transaction_id := NULL; global_position := NULL;
      WHEN deadlock_detected OR serialization_failure OR lock_not_available THEN
        status := 'retry';
        first_version := NULL; last_version := NULL;
        transaction_id := NULL; global_position := NULL;
    END;
    -- Counted only once the append's subtransaction has held (variables survive a rollback).
    IF status = 'ok' THEN
      v_count_tenant := v_tenant;
      v_count_events := v_count_events + n;
      v_count_bytes := v_count_bytes + v_bytes;
      IF NOT v_exists THEN
        v_count_streams := v_count_streams + 1;
      END IF;
    END IF;
    RETURN NEXT;
  END LOOP;
  IF v_count_tenant IS NOT NULL THEN
    PERFORM set_config('annals.tenant_id', v_count_tenant, true);
    PERFORM "${annals.schema}".add_counts(v_count_tenant, v_count_streams, v_count_events, v_count_bytes);
  END IF;
END
$$;

--changeset annals:tenant-0003-append-batch-grant
GRANT EXECUTE ON FUNCTION "${annals.schema}".append_batch(jsonb) TO "${annals.app.role}";

--changeset annals:tenant-0003-append-replay-grant
GRANT EXECUTE ON FUNCTION "${annals.schema}".append_replay(text, text, jsonb) TO "${annals.app.role}";
