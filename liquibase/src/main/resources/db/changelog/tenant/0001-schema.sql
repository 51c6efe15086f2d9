--liquibase formatted sql

--changeset annals:tenant-0001-schema
-- The schema exists already (the migration runner creates it to hold Liquibase's own tables);
-- this grants the runtime roles their way in. ${annals.schema} is derived from a validated tenant
-- id (or is 'annals') and checked by the migration runner before it reaches this file.
CREATE SCHEMA IF NOT EXISTS "${annals.schema}";
GRANT USAGE ON SCHEMA "${annals.schema}" TO "${annals.app.role}", "${annals.tenancy.role}";
