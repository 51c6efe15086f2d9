--liquibase formatted sql

--changeset annals:tenant-0013-projections
-- Projections: in-process handlers that own read-model tables. Each generation of a projection is
-- driven by a subscription of its own (named projection-<name>-<generation>, handler
-- 'projections'), so leases, checkpoint compare-and-set and the one delivery transaction are the
-- subscription machinery's. This row says which generation readers use (live_generation) and which
-- one a rebuild is catching up beside it (building_generation); the switch from one to the other
-- is one update of this row, in the building generation's delivery transaction, once its
-- checkpoint has reached the live one's. A retired generation's rows are discarded after the
-- switch commits (retired_generation until then). Generations are never reused (next_generation).
CREATE TABLE "${annals.schema}".projections (
  tenant_id           text        NOT NULL,
  name                text        NOT NULL CHECK (name ~ '^[a-z][a-z0-9_]{2,39}$'),
  live_generation     integer     NOT NULL DEFAULT 1 CHECK (live_generation >= 1),
  building_generation integer     CHECK (building_generation > live_generation),
  retired_generation  integer,
  next_generation     integer     NOT NULL DEFAULT 2,
  rebuild_started_at  timestamptz,
  rebuild_finished_at timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, name),
  CHECK (next_generation > live_generation),
  CHECK (building_generation IS NULL OR next_generation > building_generation)
);
ALTER TABLE "${annals.schema}".projections ENABLE ROW LEVEL SECURITY;
ALTER TABLE "${annals.schema}".projections FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "${annals.schema}".projections
  USING (tenant_id = current_setting('annals.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('annals.tenant_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON "${annals.schema}".projections TO "${annals.app.role}";
