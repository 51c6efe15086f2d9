--liquibase formatted sql

--changeset annals:tenant-0014-statistics-projection
-- The read model of the statistics projection (every tenant has it): per generation and event
-- type, how many events of the type there are, how many streams began with one (a stream's first
-- event, stream_version 1: streams are never deleted, so the sum over types is the tenant's stream
-- count) and when the last one was recorded. A tenant's statistics are its live generation's
-- rows: as many as it has event types, whatever the number of its streams and events. Each
-- delivered batch adds to them in one multi-row upsert.
CREATE TABLE "${annals.schema}".event_type_statistics (
  tenant_id        text        NOT NULL,
  generation       integer     NOT NULL,
  event_type       text        NOT NULL,
  events           bigint      NOT NULL CHECK (events >= 0),
  streams          bigint      NOT NULL CHECK (streams >= 0),
  last_recorded_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, generation, event_type)
);
ALTER TABLE "${annals.schema}".event_type_statistics ENABLE ROW LEVEL SECURITY;
ALTER TABLE "${annals.schema}".event_type_statistics FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "${annals.schema}".event_type_statistics
  USING (tenant_id = current_setting('annals.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('annals.tenant_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON "${annals.schema}".event_type_statistics
  TO "${annals.app.role}";
