--liquibase formatted sql

--changeset annals:tenant-0011-subscriptions
-- Subscriptions: a named reader of the tenant's $all with a server-held checkpoint, the same
-- (transaction id, position) pair $all paging uses, so delivery never skips an event of a
-- transaction that commits late. One node at a time drives a subscription: it holds the lease
-- (node, lease_until), renews it while it runs, and every checkpoint advance is a compare-and-set
-- on (node, checkpoint), so a node that lost its lease can never advance it. state is what an
-- operator chose (running, paused) or 'stopped' by an error retrying cannot cure; catching_up and
-- live are derived from the lag when read. The webhook secret signs deliveries: the server needs
-- it in the clear to compute the HMAC, so only the runtime role may read it (column grant) and no
-- read of the API returns it.
CREATE TABLE "${annals.schema}".subscriptions (
  tenant_id           text        NOT NULL,
  name                text        NOT NULL CHECK (name ~ '^[a-z][a-z0-9_-]{2,62}$'),
  stream_prefix       text,
  event_types         text[],
  handler             text,
  webhook_url         text,
  webhook_secret      text,
  state               text        NOT NULL DEFAULT 'running'
                                  CHECK (state IN ('running', 'paused', 'stopped')),
  checkpoint_tx       xid8        NOT NULL DEFAULT '0',
  checkpoint_position bigint      NOT NULL DEFAULT 0,
  delivered           bigint      NOT NULL DEFAULT 0,
  rate_since          timestamptz NOT NULL DEFAULT now(),
  rate_count          bigint      NOT NULL DEFAULT 0,
  events_per_second   double precision NOT NULL DEFAULT 0,
  failures            integer     NOT NULL DEFAULT 0,
  last_error          text,
  last_error_at       timestamptz,
  node                text,
  lease_until         timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, name),
  CHECK ((handler IS NULL) <> (webhook_url IS NULL)),
  CHECK ((webhook_url IS NULL) = (webhook_secret IS NULL))
);
ALTER TABLE "${annals.schema}".subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE "${annals.schema}".subscriptions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "${annals.schema}".subscriptions
  USING (tenant_id = current_setting('annals.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('annals.tenant_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON "${annals.schema}".subscriptions TO "${annals.app.role}";
