--liquibase formatted sql

--changeset annals:tenant-0015-dead-letters
-- The failure system (dlq-ejb), in the tenant's place like every tenant table, so it follows the
-- tenant through every isolation mode, a move and a purge. dead_letters: one row per (consumer,
-- event) that failed past its consumer's retry policy (state 'open') or waits behind such a
-- letter of the same stream ('parked'); recorded by the dead-letter queue's MDB, deduplicated on
-- (consumer kind, consumer, event id). A letter redriven or discarded keeps its row (its state
-- says so); the same event failing again for the same consumer (after a reset) opens it again.
CREATE TABLE "${annals.schema}".dead_letters (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id       text        NOT NULL,
  consumer_kind   text        NOT NULL,
  consumer        text        NOT NULL,
  stream_id       text        NOT NULL,
  stream_version  bigint      NOT NULL,
  event_id        uuid        NOT NULL,
  position_tx     xid8        NOT NULL,
  position        bigint      NOT NULL,
  state           text        NOT NULL CHECK (state IN ('open', 'parked', 'redriven', 'discarded')),
  attempts        integer     NOT NULL DEFAULT 0,
  cause           text,
  stack_summary   text,
  event           jsonb,
  first_failure   timestamptz,
  last_failure    timestamptz,
  reason          text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, consumer_kind, consumer, event_id)
);
CREATE INDEX dead_letters_stream
  ON "${annals.schema}".dead_letters (tenant_id, consumer_kind, consumer, stream_id, position_tx, position);
ALTER TABLE "${annals.schema}".dead_letters ENABLE ROW LEVEL SECURITY;
ALTER TABLE "${annals.schema}".dead_letters FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "${annals.schema}".dead_letters
  USING (tenant_id = current_setting('annals.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('annals.tenant_id', true));
GRANT SELECT, INSERT, UPDATE ON "${annals.schema}".dead_letters TO "${annals.app.role}";

-- The streams a consumer may not deliver: written in the same transaction that sends a stream's
-- first letter (and moves the consumer's checkpoint past it), so the consumer's next batch parks
-- the stream's later events at once, before the MDB has recorded the letter. last_event_id is the
-- newest letter sent for the stream: a redrive lifts the block only once it has released that one.
CREATE TABLE "${annals.schema}".dead_letter_streams (
  tenant_id       text        NOT NULL,
  consumer_kind   text        NOT NULL,
  consumer        text        NOT NULL,
  stream_id       text        NOT NULL,
  last_event_id   uuid        NOT NULL,
  since           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, consumer_kind, consumer, stream_id)
);
ALTER TABLE "${annals.schema}".dead_letter_streams ENABLE ROW LEVEL SECURITY;
ALTER TABLE "${annals.schema}".dead_letter_streams FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "${annals.schema}".dead_letter_streams
  USING (tenant_id = current_setting('annals.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('annals.tenant_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON "${annals.schema}".dead_letter_streams TO "${annals.app.role}";

-- A consumer's retry and breaker policy set through the API (absent: the MP Config defaults), and
-- its breaker's state as its driving node last saw it (shown on the subscription).
CREATE TABLE "${annals.schema}".consumer_policies (
  tenant_id             text        NOT NULL,
  consumer_kind         text        NOT NULL,
  consumer              text        NOT NULL,
  max_attempts          integer,
  initial_backoff_ms    bigint,
  max_backoff_ms        bigint,
  breaker_failure_ratio double precision,
  breaker_window        integer,
  breaker_delay_ms      bigint,
  breaker_state         text        NOT NULL DEFAULT 'closed'
                                    CHECK (breaker_state IN ('closed', 'open', 'half_open')),
  breaker_since         timestamptz,
  breaker_failures      integer     NOT NULL DEFAULT 0,
  updated_at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, consumer_kind, consumer)
);
ALTER TABLE "${annals.schema}".consumer_policies ENABLE ROW LEVEL SECURITY;
ALTER TABLE "${annals.schema}".consumer_policies FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "${annals.schema}".consumer_policies
  USING (tenant_id = current_setting('annals.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('annals.tenant_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON "${annals.schema}".consumer_policies TO "${annals.app.role}";
