--liquibase formatted sql

--changeset annals:0004-audit-chains splitStatements:false
-- The hash-chained audit log (docs/audit.md). One chain for the platform ('platform') and one per
-- tenant ('tenant:<id>'). Each record stores the SHA-256 of its canonical form, which includes the
-- previous record's hash, so editing, removing, reordering or inserting a record breaks the chain
-- from there on. audit_chains holds each chain's head (last sequence number and hash): appends lock
-- it, so they serialize per chain, and verification compares the stored records with it, so a
-- removed tail is noticed too. Nobody but the owner (through annals.audit_append) writes here.
CREATE TABLE annals.audit_chains (
  chain     text   PRIMARY KEY CHECK (chain = 'platform' OR chain ~ '^tenant:[a-z][a-z0-9_]{2,39}$'),
  records   bigint NOT NULL CHECK (records >= 0),
  head_hash text   NOT NULL CHECK (head_hash ~ '^[0-9a-f]{64}$')
);
CREATE TABLE annals.audit_records (
  chain          text        NOT NULL REFERENCES annals.audit_chains (chain),
  seq            bigint      NOT NULL CHECK (seq > 0),
  recorded_at    timestamptz NOT NULL,
  principal      text        NOT NULL,
  tenant_id      text,
  action         text        NOT NULL,
  target         text,
  outcome        text        NOT NULL CHECK (outcome IN ('succeeded', 'refused', 'failed')),
  correlation_id text,
  detail         jsonb       NOT NULL,
  prev_hash      text        NOT NULL,
  hash           text        NOT NULL,
  PRIMARY KEY (chain, seq)
);
-- Records: insert-only for everyone (the owner and superusers included) while the triggers stand.
CREATE FUNCTION annals.audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'annals.% is insert-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON annals.audit_records
  FOR EACH ROW EXECUTE FUNCTION annals.audit_is_append_only();
CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON annals.audit_records
  FOR EACH STATEMENT EXECUTE FUNCTION annals.audit_is_append_only();
-- Heads: only ever move forward by one record; never removed.
CREATE FUNCTION annals.audit_head_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.chain <> OLD.chain OR NEW.records <> OLD.records + 1 THEN
    RAISE EXCEPTION 'an audit chain head only moves forward by one record'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER audit_chains_forward BEFORE UPDATE ON annals.audit_chains
  FOR EACH ROW EXECUTE FUNCTION annals.audit_head_moves_forward();
CREATE TRIGGER audit_chains_no_delete BEFORE DELETE ON annals.audit_chains
  FOR EACH ROW EXECUTE FUNCTION annals.audit_is_append_only();
CREATE TRIGGER audit_chains_no_truncate BEFORE TRUNCATE ON annals.audit_chains
  FOR EACH STATEMENT EXECUTE FUNCTION annals.audit_is_append_only();

--changeset annals:0004-audit-functions splitStatements:false
-- The canonical form (version 1), byte for byte what AuditCanonicalForm computes in Java: the line
-- 'annals-audit-v1', then one line per field in this order, each '-' for NULL or else
-- '<UTF-8 byte length>:<value>' (so no value needs escaping). The time is UTC with microseconds,
-- the detail is jsonb's own text rendering (keys sorted, one space after ':' and ',').
CREATE FUNCTION annals.audit_canonical(
    p_chain text, p_seq bigint, p_at timestamptz, p_principal text, p_tenant text, p_action text,
    p_target text, p_outcome text, p_correlation text, p_detail jsonb, p_prev text)
  RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT 'annals-audit-v1' || string_agg(
           E'\n' || CASE WHEN f IS NULL THEN '-'
                         ELSE octet_length(convert_to(f, 'UTF8')) || ':' || f END,
           '' ORDER BY i)
    FROM unnest(ARRAY[p_chain, p_seq::text,
                      to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                      p_principal, p_tenant, p_action, p_target, p_outcome, p_correlation,
                      p_detail::text, p_prev]) WITH ORDINALITY AS u(f, i)
$$;
CREATE FUNCTION annals.audit_hash(
    p_chain text, p_seq bigint, p_at timestamptz, p_principal text, p_tenant text, p_action text,
    p_target text, p_outcome text, p_correlation text, p_detail jsonb, p_prev text)
  RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(annals.audit_canonical(
           p_chain, p_seq, p_at, p_principal, p_tenant, p_action, p_target, p_outcome,
           p_correlation, p_detail, p_prev), 'UTF8')), 'hex')
$$;
-- Extends one chain whose head the caller has locked (audit_lock_head). Owner only.
CREATE FUNCTION annals.audit_extend(
    p_chain text, p_at timestamptz, p_principal text, p_tenant text, p_action text, p_target text,
    p_outcome text, p_correlation text, p_detail jsonb)
  RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  n    bigint;
  prev text;
  h    text;
BEGIN
  SELECT records + 1, head_hash INTO STRICT n, prev FROM annals.audit_chains WHERE chain = p_chain;
  h := annals.audit_hash(p_chain, n, p_at, p_principal, p_tenant, p_action, p_target, p_outcome,
                         p_correlation, p_detail, prev);
  INSERT INTO annals.audit_records (chain, seq, recorded_at, principal, tenant_id, action, target,
                                    outcome, correlation_id, detail, prev_hash, hash)
    VALUES (p_chain, n, p_at, p_principal, p_tenant, p_action, p_target, p_outcome, p_correlation,
            p_detail, prev, h);
  UPDATE annals.audit_chains SET records = n, head_hash = h WHERE chain = p_chain;
END
$$;
-- Creates the chain's head when missing and locks it until the transaction ends: appends to one
-- chain serialize here. A chain starts from 64 zeros. Owner only.
CREATE FUNCTION annals.audit_lock_head(p_chain text) RETURNS void LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO annals.audit_chains (chain, records, head_hash) VALUES (p_chain, 0, repeat('0', 64))
    ON CONFLICT (chain) DO NOTHING;
  PERFORM 1 FROM annals.audit_chains WHERE chain = p_chain FOR UPDATE;
END
$$;
-- The only way in for the runtime roles: appends one record to the platform chain, the tenant's
-- chain, or both (p_scope 'platform', 'tenant', 'both'; one transaction, heads locked platform
-- first, so two appends never wait on each other in a cycle). A tenant chain needs a registered
-- tenant (any state but 'creating'); the record's time is taken once every head is locked.
CREATE FUNCTION annals.audit_append(
    p_scope text, p_principal text, p_tenant text, p_action text, p_target text, p_outcome text,
    p_correlation text, p_detail jsonb)
  RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  chains text[];
  c      text;
  v_at   timestamptz;
BEGIN
  IF p_scope IS NULL OR p_scope NOT IN ('platform', 'tenant', 'both') THEN
    RAISE EXCEPTION 'audit scope must be platform, tenant or both' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_scope <> 'platform' AND NOT EXISTS (
       SELECT 1 FROM annals.tenants WHERE tenant_id = p_tenant AND state <> 'creating') THEN
    RAISE EXCEPTION 'no tenant % to audit', p_tenant USING ERRCODE = 'foreign_key_violation';
  END IF;
  chains := CASE p_scope WHEN 'platform' THEN ARRAY['platform']
                         WHEN 'tenant' THEN ARRAY['tenant:' || p_tenant]
                         ELSE ARRAY['platform', 'tenant:' || p_tenant] END;
  FOREACH c IN ARRAY chains LOOP
    PERFORM annals.audit_lock_head(c);
  END LOOP;
  v_at := clock_timestamp();
  FOREACH c IN ARRAY chains LOOP
    PERFORM annals.audit_extend(c, v_at, p_principal, p_tenant, p_action, p_target, p_outcome,
                                p_correlation, coalesce(p_detail, '{}'));
  END LOOP;
END
$$;

--changeset annals:0004-audit-backfill splitStatements:false
-- The audit log before chains (annals.audit_log, kept as it was, frozen) is copied into the chains
-- once, in its order: each old record becomes a record of the platform chain and of its tenant's
-- chain, with its original time, principal '(unrecorded)' (the old log kept none), outcome
-- 'succeeded', action 'tenant.<old action>', and the old record's id in the detail (auditLogId).
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT audit_id, recorded_at, tenant_id, action, detail FROM annals.audit_log
           ORDER BY audit_id LOOP
    PERFORM annals.audit_lock_head('platform');
    PERFORM annals.audit_lock_head('tenant:' || r.tenant_id);
    PERFORM annals.audit_extend('platform', r.recorded_at, '(unrecorded)', r.tenant_id,
                                'tenant.' || r.action, r.tenant_id, 'succeeded', NULL,
                                r.detail || jsonb_build_object('auditLogId', r.audit_id));
    PERFORM annals.audit_extend('tenant:' || r.tenant_id, r.recorded_at, '(unrecorded)',
                                r.tenant_id, 'tenant.' || r.action, r.tenant_id, 'succeeded', NULL,
                                r.detail || jsonb_build_object('auditLogId', r.audit_id));
  END LOOP;
END
$$;

--changeset annals:0004-audit-grants
-- Tenancy reads the chains (verification, paging) and appends only through audit_append; the
-- event store's role has nothing here. The old log takes no more records.
REVOKE ALL ON FUNCTION annals.audit_canonical(text, bigint, timestamptz, text, text, text, text, text, text, jsonb, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION annals.audit_hash(text, bigint, timestamptz, text, text, text, text, text, text, jsonb, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION annals.audit_extend(text, timestamptz, text, text, text, text, text, text, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION annals.audit_lock_head(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION annals.audit_append(text, text, text, text, text, text, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION annals.audit_append(text, text, text, text, text, text, text, jsonb) TO "${annals.tenancy.role}";
GRANT SELECT ON annals.audit_chains, annals.audit_records TO "${annals.tenancy.role}";
REVOKE INSERT ON annals.audit_log FROM "${annals.app.role}", "${annals.tenancy.role}";
