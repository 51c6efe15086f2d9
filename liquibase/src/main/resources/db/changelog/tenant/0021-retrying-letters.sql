--liquibase formatted sql

--changeset annals:tenant-0021-retrying-letters
-- Retrying letters (dlq-ejb): an event whose delivery failed, not yet given up, leaves its
-- consumer's flow as a letter in state 'retrying' (heading its stream like an open letter, so the
-- stream's later events park behind it) with the time its consumer delivers it again (due_at).
-- After the policy's maxAttempts it becomes 'open'. due_at stays on a letter closed by a retry.
-- dead_letter_streams.releasing: a retry delivered the stream's head and is releasing the letters
-- parked behind it (some may still be on their way through the queue); the consumer's next retry
-- pass goes on with them, on whichever node drives it then.
ALTER TABLE "${annals.schema}".dead_letters DROP CONSTRAINT dead_letters_state_check;
ALTER TABLE "${annals.schema}".dead_letters ADD CONSTRAINT dead_letters_state_check
  CHECK (state IN ('open', 'parked', 'retrying', 'redriven', 'discarded'));
ALTER TABLE "${annals.schema}".dead_letters ADD COLUMN due_at timestamptz;
CREATE INDEX dead_letters_due
  ON "${annals.schema}".dead_letters (tenant_id, consumer_kind, consumer, due_at)
  WHERE state = 'retrying';
ALTER TABLE "${annals.schema}".dead_letter_streams
  ADD COLUMN releasing boolean NOT NULL DEFAULT false;
-- dead_letter_streams.pending: letters sent for the stream (in the transactions that block it and
-- park its events) that the MDB has not recorded yet; a retry releases parked letters only when
-- none is pending, so a letter still in the queue is never overtaken by the ones behind it.
ALTER TABLE "${annals.schema}".dead_letter_streams
  ADD COLUMN pending integer NOT NULL DEFAULT 0;
