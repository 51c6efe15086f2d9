--liquibase formatted sql

--changeset annals:0001-schema
CREATE SCHEMA IF NOT EXISTS annals;

--changeset annals:0001-runtime-role splitStatements:false
-- The runtime role: owns nothing, is no superuser, cannot bypass RLS. Created here when missing so
-- the embedded default works out of the box; on a managed server an administrator may create it
-- beforehand (with a password) and Annals only grants to it. The name is validated by the
-- migration runner (^[a-z][a-z0-9_]{2,62}$) before it reaches this file.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${annals.app.role}') THEN
    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS',
                   '${annals.app.role}');
  END IF;
END
$$;

--changeset annals:0001-runtime-role-usage
GRANT USAGE ON SCHEMA annals TO "${annals.app.role}";
