--liquibase formatted sql

--changeset annals:tenant-0016-schema-version-check
-- An event's schema version is 1 or more (the store validates it before appending; this is the
-- wall behind it). NOT VALID: existing rows all carry the default 1, and validating would scan
-- the whole table under an exclusive lock on upgrade; new rows are checked all the same.
ALTER TABLE "${annals.schema}".events
  ADD CONSTRAINT events_schema_version_check CHECK (schema_version >= 1) NOT VALID;

--changeset annals:tenant-0016-upcasters
-- Declarative upcasters a tenant admin registers over HTTP: the operations that lift a stored
-- payload of event_type at from_version to from_version + 1 when it is read (stored events are
-- never rewritten). The runtime role writes them directly, under Row-Level Security like every
-- tenant table; the store caches them per tenant and re-reads them after a change (see
-- docs/event-sourcing.md, "Event versioning").
CREATE TABLE "${annals.schema}".upcasters (
  tenant_id    text        NOT NULL,
  event_type   text        NOT NULL,
  from_version integer     NOT NULL CHECK (from_version >= 1),
  operations   jsonb       NOT NULL CHECK (jsonb_typeof(operations) = 'array'),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, event_type, from_version)
);
ALTER TABLE "${annals.schema}".upcasters ENABLE ROW LEVEL SECURITY;
ALTER TABLE "${annals.schema}".upcasters FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "${annals.schema}".upcasters
  USING (tenant_id = current_setting('annals.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('annals.tenant_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON "${annals.schema}".upcasters TO "${annals.app.role}";
