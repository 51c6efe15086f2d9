--liquibase formatted sql

--changeset annals:0002-tenant-moves
-- One row per move of a tenant between isolation modes (or servers): where from, where to, how
-- far. At most one move per tenant is open at a time. A start-up finds moves whose node died:
-- before the switch they are rolled back (the tenant stays where it was), after it completed.
CREATE TABLE annals.tenant_moves (
  move_id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id      text        NOT NULL REFERENCES annals.tenants (tenant_id),
  from_isolation text        NOT NULL,
  from_host      text,
  from_port      integer,
  to_isolation   text        NOT NULL CHECK (to_isolation IN ('shared', 'schema', 'database')),
  to_host        text        CHECK (to_host ~ '^[A-Za-z0-9.:-]{1,253}$'),
  to_port        integer     CHECK (to_port BETWEEN 1 AND 65535),
  prior_state    text        NOT NULL CHECK (prior_state IN ('active', 'suspended')),
  phase          text        NOT NULL DEFAULT 'copying'
                             CHECK (phase IN ('copying', 'fenced', 'switched', 'done', 'failed')),
  events_copied  bigint      NOT NULL DEFAULT 0,
  error          text,
  started_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz
);
CREATE UNIQUE INDEX tenant_moves_one_open ON annals.tenant_moves (tenant_id)
  WHERE phase IN ('copying', 'fenced', 'switched');
GRANT SELECT, INSERT, UPDATE ON annals.tenant_moves TO "${annals.tenancy.role}";
