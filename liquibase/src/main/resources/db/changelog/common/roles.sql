--liquibase formatted sql

--changeset annals:roles splitStatements:false
-- The runtime roles, one per module that reaches data: the event store's and tenancy's. Each owns
-- nothing, is no superuser and cannot bypass RLS. Created here when missing so the embedded default
-- works out of the box; on a managed server an administrator may create them beforehand (with
-- passwords) and Annals only grants to them. Applied once per database: by the platform changelog
-- and by the tenant-data changelog of every tenant database (roles are per server). The names are
-- validated by the migration runner (^[a-z][a-z0-9_]{2,62}$) before they reach this file.
DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['${annals.app.role}', '${annals.tenancy.role}'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS', r);
    END IF;
  END LOOP;
END
$$;
