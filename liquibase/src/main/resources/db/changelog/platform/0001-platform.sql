--liquibase formatted sql

--changeset annals:0001-schema
CREATE SCHEMA IF NOT EXISTS annals;
GRANT USAGE ON SCHEMA annals TO "${annals.app.role}", "${annals.tenancy.role}";

--changeset annals:0001-tenants
-- The tenant registry: one row per tenant, ever (ids are never reused). Where a tenant's data
-- lives is derived from its id and isolation (schema tenant_<id>, database annals_tenant_<id>);
-- db_host/db_port name the server of a database-mode tenant (NULL: the platform's server).
-- 'creating' rows are provisioning in progress, never acknowledged; a start-up removes leftovers.
CREATE TABLE annals.tenants (
  tenant_id    text        PRIMARY KEY CHECK (tenant_id ~ '^[a-z][a-z0-9_]{2,39}$'),
  name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  isolation    text        NOT NULL DEFAULT 'shared' CHECK (isolation IN ('shared', 'schema', 'database')),
  state        text        NOT NULL DEFAULT 'active'
                           CHECK (state IN ('creating', 'active', 'suspended', 'moving', 'deleted')),
  db_host      text        CHECK (db_host ~ '^[A-Za-z0-9.:-]{1,253}$'),
  db_port      integer     CHECK (db_port BETWEEN 1 AND 65535),
  data_version text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  deleted_at   timestamptz,
  purge_after  timestamptz,
  purged_at    timestamptz,
  CHECK ((isolation = 'database') OR (db_host IS NULL AND db_port IS NULL)),
  CHECK ((state = 'deleted') = (deleted_at IS NOT NULL))
);
GRANT SELECT ON annals.tenants TO "${annals.app.role}";
GRANT SELECT, INSERT, UPDATE, DELETE ON annals.tenants TO "${annals.tenancy.role}";

--changeset annals:0001-audit-log splitStatements:false
-- Who did what to which tenant. Insert-only for everyone: no role is granted UPDATE or DELETE, and
-- the trigger refuses them (and TRUNCATE) even for the owner or a superuser.
CREATE TABLE annals.audit_log (
  audit_id    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  tenant_id   text        NOT NULL,
  action      text        NOT NULL,
  detail      jsonb       NOT NULL DEFAULT '{}'
);
CREATE FUNCTION annals.audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'annals.audit_log is insert-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON annals.audit_log
  FOR EACH ROW EXECUTE FUNCTION annals.audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON annals.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION annals.audit_log_is_append_only();
GRANT INSERT ON annals.audit_log TO "${annals.app.role}", "${annals.tenancy.role}";
