--liquibase formatted sql

--changeset annals:0003-datasource-generations
-- Each placement of a database-mode tenant gets a datasource of its own,
-- jdbc/annals/tenant/<id>-<generation>: a move to another server declares a new one instead of
-- re-pointing the datasource in use (which Liberty can only apply by restarting the application).
-- Every move attempt gives its target a generation never used before (a failed attempt's
-- datasource may have been used, so a retry must not re-point it either).
ALTER TABLE annals.tenants ADD COLUMN datasource_generation integer NOT NULL DEFAULT 1
  CHECK (datasource_generation > 0);
ALTER TABLE annals.tenant_moves ADD COLUMN to_generation integer CHECK (to_generation > 0);
