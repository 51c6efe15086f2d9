--liquibase formatted sql

--changeset annals:0007-tenant-quotas
-- Per-tenant quotas beside the rates (PUT /api/tenants/{t}/limits, "quotas"): streams, storage
-- bytes (data + metadata as stored and read back) and subscriptions. NULL: the server's default
-- (annals.quota.*); 0: unlimited for this tenant. A row now holds any mix of rates and quotas, so
-- the rule "at least one rate" becomes "at least one value" (no row: every default applies).
ALTER TABLE annals.tenant_limits
  ADD COLUMN max_streams       bigint CHECK (max_streams >= 0),
  ADD COLUMN max_storage_bytes bigint CHECK (max_storage_bytes >= 0),
  ADD COLUMN max_subscriptions bigint CHECK (max_subscriptions >= 0);
ALTER TABLE annals.tenant_limits DROP CONSTRAINT tenant_limits_check;
ALTER TABLE annals.tenant_limits ADD CONSTRAINT tenant_limits_any_value CHECK (
  requests_per_second IS NOT NULL OR principal_requests_per_second IS NOT NULL
  OR max_streams IS NOT NULL OR max_storage_bytes IS NOT NULL OR max_subscriptions IS NOT NULL);
