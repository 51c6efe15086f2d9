--liquibase formatted sql

--changeset annals:tenant-0012-snapshots
-- Snapshots: a stream's folded state as of a version, written by aggregates (every N events, per
-- stream category) and by HTTP clients. A cache, not a fact: readers ignore one they cannot use,
-- and the runtime role writes them directly (no definer function): they never change an event or
-- a version, and Row-Level Security confines every statement to the bound tenant's rows, as for
-- events. The foreign key deletes a stream's snapshots with its stream, and keeps a snapshot from
-- naming a stream that does not exist.
CREATE TABLE "${annals.schema}".snapshots (
  tenant_id      text        NOT NULL,
  stream_id      text        NOT NULL,
  stream_version bigint      NOT NULL CHECK (stream_version >= 1),
  schema_version integer     NOT NULL CHECK (schema_version >= 1),
  state          jsonb       NOT NULL,
  taken_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, stream_id, stream_version),
  CONSTRAINT snapshots_stream_fkey FOREIGN KEY (tenant_id, stream_id)
    REFERENCES "${annals.schema}".streams (tenant_id, stream_id) ON DELETE CASCADE
);
ALTER TABLE "${annals.schema}".snapshots ENABLE ROW LEVEL SECURITY;
ALTER TABLE "${annals.schema}".snapshots FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "${annals.schema}".snapshots
  USING (tenant_id = current_setting('annals.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('annals.tenant_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON "${annals.schema}".snapshots TO "${annals.app.role}";
