--liquibase formatted sql

--changeset annals:tenant-0008-storage-bytes
-- A tenant's storage in bytes, kept beside its stream and event counts (changeset 0006) by the
-- append function, for the storage quota: the UTF-8 length of each event's data and metadata as
-- stored and read back (jsonb's text form), the measure the per-append limit uses too. Indexes,
-- row headers and TOAST compression are not counted: it is what the tenant sent, not disk space.
ALTER TABLE "${annals.schema}".tenant_counters ADD COLUMN bytes bigint NOT NULL DEFAULT 0;

--changeset annals:tenant-0008-storage-bytes-backfill
-- Events stored before the counter existed are measured once (as changeset 0006's backfill: the
-- owner lifts FORCE for this one statement, inside the changeset's transaction).
ALTER TABLE "${annals.schema}".events NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "${annals.schema}".tenant_counters NO FORCE ROW LEVEL SECURITY;
INSERT INTO "${annals.schema}".tenant_counters AS t (tenant_id, shard, bytes)
SELECT e.tenant_id, 0, sum(octet_length(e.data::text) + octet_length(e.metadata::text))
  FROM "${annals.schema}".events e
 GROUP BY e.tenant_id
ON CONFLICT (tenant_id, shard) DO UPDATE SET bytes = excluded.bytes;
ALTER TABLE "${annals.schema}".events FORCE ROW LEVEL SECURITY;
ALTER TABLE "${annals.schema}".tenant_counters FORCE ROW LEVEL SECURITY;
