--liquibase formatted sql

--changeset annals:tenant-0002-gate
-- The write gate: one row per tenant whose data lives here. Every append takes a shared advisory
-- lock on its tenant and reads the gate in the same transaction; tenancy closes the gate under the
-- exclusive lock (suspend, delete, the fence of a move), so once that commits no later append
-- writes here, and the close waits for appends in flight. Streams reference it: no tenant's data
-- exists here without its gate row.
CREATE TABLE "${annals.schema}".tenant_gate (
  tenant_id  text        PRIMARY KEY CHECK (tenant_id ~ '^[a-z][a-z0-9_]{2,39}$'),
  state      text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'suspended', 'moved', 'deleted')),
  changed_at timestamptz NOT NULL DEFAULT now()
);

--changeset annals:tenant-0002-streams
-- One row per stream: the optimistic-concurrency fence. Appends lock it, so versions have no holes.
CREATE TABLE "${annals.schema}".streams (
  tenant_id  text        NOT NULL REFERENCES "${annals.schema}".tenant_gate (tenant_id),
  stream_id  text        NOT NULL,
  version    bigint      NOT NULL CHECK (version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, stream_id)
);

--changeset annals:tenant-0002-events
-- transaction_id is the writing transaction's id: $all readers order by (transaction_id,
-- global_position) and read only below pg_snapshot_xmin(pg_current_snapshot()), so an event whose
-- position was taken by a transaction still open is never passed over.
CREATE TABLE "${annals.schema}".events (
  global_position bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  tenant_id       text        NOT NULL,
  stream_id       text        NOT NULL,
  stream_version  bigint      NOT NULL CHECK (stream_version >= 1),
  event_id        uuid        NOT NULL,
  event_type      text        NOT NULL,
  schema_version  integer     NOT NULL DEFAULT 1,
  append_index    integer     NOT NULL DEFAULT 0,
  append_count    integer     NOT NULL DEFAULT 1,
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT events_stream_version_key UNIQUE (tenant_id, stream_id, stream_version),
  CONSTRAINT events_event_id_key UNIQUE (tenant_id, event_id)
);
CREATE INDEX events_all_order ON "${annals.schema}".events (tenant_id, transaction_id, global_position);

--changeset annals:tenant-0002-row-level-security
-- Every row carries tenant_id and the runtime roles see only the tenant bound to the current
-- transaction (set_config('annals.tenant_id', id, true)), in every isolation mode: a schema or
-- database of its own is a second wall, not the only one. FORCE makes the policy apply to the
-- table owner too; the runtime roles own nothing and have no BYPASSRLS.
ALTER TABLE "${annals.schema}".tenant_gate ENABLE ROW LEVEL SECURITY;
ALTER TABLE "${annals.schema}".tenant_gate FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "${annals.schema}".tenant_gate
  USING (tenant_id = current_setting('annals.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('annals.tenant_id', true));
ALTER TABLE "${annals.schema}".streams ENABLE ROW LEVEL SECURITY;
ALTER TABLE "${annals.schema}".streams FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "${annals.schema}".streams
  USING (tenant_id = current_setting('annals.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('annals.tenant_id', true));
ALTER TABLE "${annals.schema}".events ENABLE ROW LEVEL SECURITY;
ALTER TABLE "${annals.schema}".events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "${annals.schema}".events
  USING (tenant_id = current_setting('annals.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('annals.tenant_id', true));
-- Only the event store writes events and streams; tenancy reads stream heads (for counts) and gates.
GRANT SELECT ON "${annals.schema}".tenant_gate TO "${annals.app.role}", "${annals.tenancy.role}";
GRANT SELECT, INSERT, UPDATE ON "${annals.schema}".streams TO "${annals.app.role}";
GRANT SELECT ON "${annals.schema}".streams TO "${annals.tenancy.role}";
GRANT SELECT, INSERT ON "${annals.schema}".events TO "${annals.app.role}";
