--liquibase formatted sql

--changeset annals:tenant-0017-sagas
-- Sagas: the index of a tenant's sagas beside their logs (streams saga-<id>), for listing by state
-- and type and for durable timers. The log is the truth; this row follows it in the transaction
-- that appends to the log, so state and wake_at never disagree with a committed log. wake_at is
-- when the saga needs running by itself (now, a retry's time, a deadline), null when only an
-- operator moves it. A node drives a saga while it holds the lease (node, lease_until), claimed
-- with FOR UPDATE SKIP LOCKED, so exactly one node fires each timer; a dead node's leases expire.
CREATE TABLE "${annals.schema}".sagas (
  tenant_id      text        NOT NULL,
  saga_id        text        NOT NULL CHECK (saga_id ~ '^[A-Za-z0-9._:@-]{1,100}$'),
  type           text        NOT NULL,
  state          text        NOT NULL
                             CHECK (state IN ('running', 'completed', 'compensating', 'compensated',
                                              'compensation_failed', 'failed', 'cancelled')),
  correlation_id text        NOT NULL,
  started_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  wake_at        timestamptz,
  node           text,
  lease_until    timestamptz,
  PRIMARY KEY (tenant_id, saga_id)
);
CREATE INDEX sagas_due ON "${annals.schema}".sagas (tenant_id, wake_at) WHERE wake_at IS NOT NULL;
CREATE INDEX sagas_by_state ON "${annals.schema}".sagas (tenant_id, state, saga_id);
ALTER TABLE "${annals.schema}".sagas ENABLE ROW LEVEL SECURITY;
ALTER TABLE "${annals.schema}".sagas FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "${annals.schema}".sagas
  USING (tenant_id = current_setting('annals.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('annals.tenant_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON "${annals.schema}".sagas TO "${annals.app.role}";

-- Declarative saga types a tenant admin defined over HTTP, as the JSON the API accepted (parsed
-- again, strictly, whenever it is used).
CREATE TABLE "${annals.schema}".saga_types (
  tenant_id  text        NOT NULL,
  type       text        NOT NULL CHECK (type ~ '^[a-z][a-z0-9_.-]{0,63}$'),
  definition jsonb       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, type)
);
ALTER TABLE "${annals.schema}".saga_types ENABLE ROW LEVEL SECURITY;
ALTER TABLE "${annals.schema}".saga_types FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "${annals.schema}".saga_types
  USING (tenant_id = current_setting('annals.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('annals.tenant_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON "${annals.schema}".saga_types TO "${annals.app.role}";
