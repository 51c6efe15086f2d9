--liquibase formatted sql

--changeset annals:0006-tenant-limits
-- Per-tenant request rates, set by a platform admin (PUT /api/tenants/{t}/limits): the tenant's
-- requests per second as a whole, and each principal's within the tenant. NULL (or no row): the
-- server's defaults (annals.rate.tenant.per-second, annals.rate.principal.per-second). Rates are
-- counted in Redis; this table is only their configuration.
CREATE TABLE annals.tenant_limits (
  tenant_id                     text        PRIMARY KEY
                                            REFERENCES annals.tenants (tenant_id) ON DELETE CASCADE,
  requests_per_second           integer     CHECK (requests_per_second BETWEEN 1 AND 1000000),
  principal_requests_per_second integer     CHECK (principal_requests_per_second BETWEEN 1 AND 1000000),
  updated_at                    timestamptz NOT NULL DEFAULT now(),
  CHECK (requests_per_second IS NOT NULL OR principal_requests_per_second IS NOT NULL)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON annals.tenant_limits TO "${annals.tenancy.role}";
