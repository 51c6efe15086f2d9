--liquibase formatted sql

--changeset annals:tenant-0004-positions-per-tenant
-- A moved tenant keeps its checkpoints: its events are copied with their (transaction_id,
-- global_position), so positions need only be unique per tenant (two tenants that lived in
-- different schemas may hold the same position once both live in the shared tables). The key is
-- the $all order itself, which replaces the separate index.
ALTER TABLE "${annals.schema}".events DROP CONSTRAINT events_pkey;
ALTER TABLE "${annals.schema}".events
  ADD CONSTRAINT events_pkey PRIMARY KEY (tenant_id, transaction_id, global_position);
DROP INDEX "${annals.schema}".events_all_order;
