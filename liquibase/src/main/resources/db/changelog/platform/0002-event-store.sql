--liquibase formatted sql

--changeset annals:0002-tenants
-- The tenant registry is platform data: one row per tenant, readable by the runtime role.
CREATE TABLE annals.tenants (
  tenant_id  text        PRIMARY KEY CHECK (tenant_id ~ '^[a-z][a-z0-9_]{2,39}$'),
  name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  isolation  text        NOT NULL DEFAULT 'shared' CHECK (isolation IN ('shared', 'schema', 'database')),
  state      text        NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'suspended', 'moving', 'deleted')),
  created_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT ON annals.tenants TO "${annals.app.role}";

--changeset annals:0002-streams
-- One row per stream: the optimistic-concurrency fence. Appends lock it, so versions have no holes.
CREATE TABLE annals.streams (
  tenant_id  text        NOT NULL REFERENCES annals.tenants (tenant_id),
  stream_id  text        NOT NULL,
  version    bigint      NOT NULL CHECK (version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, stream_id)
);

--changeset annals:0002-events
-- transaction_id is the writing transaction's id: $all readers order by (transaction_id,
-- global_position) and read only below pg_snapshot_xmin(pg_current_snapshot()), so an event whose
-- position was taken by a transaction still open is never passed over.
CREATE TABLE annals.events (
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
CREATE INDEX events_all_order ON annals.events (tenant_id, transaction_id, global_position);

--changeset annals:0002-row-level-security
-- Shared mode: every row carries tenant_id and the runtime role sees only the tenant bound to
-- the current transaction (set_config('annals.tenant_id', id, true)). FORCE makes the policy
-- apply to the table owner too; the runtime role owns nothing and has no BYPASSRLS.
ALTER TABLE annals.streams ENABLE ROW LEVEL SECURITY;
ALTER TABLE annals.streams FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON annals.streams
  USING (tenant_id = current_setting('annals.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('annals.tenant_id', true));
ALTER TABLE annals.events ENABLE ROW LEVEL SECURITY;
ALTER TABLE annals.events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON annals.events
  USING (tenant_id = current_setting('annals.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('annals.tenant_id', true));
GRANT SELECT, INSERT, UPDATE ON annals.streams TO "${annals.app.role}";
GRANT SELECT, INSERT ON annals.events TO "${annals.app.role}";
