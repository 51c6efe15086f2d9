--liquibase formatted sql

--changeset annals:tenant-0007-writes-only-through-append
-- Defense in depth: the runtime role changes events, streams and the counters only through
-- append_batch, which runs as its owner (SECURITY DEFINER, changeset 0003) and decides versions
-- itself, so a flaw in the application cannot write a wrong version, a hole or a forged event
-- through plain SQL. Row-Level Security still applies inside the function (the tables FORCE it,
-- so their owner is bound by the policies too, unless it is a superuser: run migrations as a
-- non-superuser owner), and append_batch binds each append's tenant before touching its rows.
-- Definer functions are executable by PUBLIC by default: only the runtime role may call them.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "${annals.schema}".events FROM "${annals.app.role}";
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "${annals.schema}".streams FROM "${annals.app.role}";
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "${annals.schema}".tenant_counters FROM "${annals.app.role}";
REVOKE EXECUTE ON FUNCTION "${annals.schema}".append_batch(jsonb) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION "${annals.schema}".append_replay(text, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "${annals.schema}".append_batch(jsonb) TO "${annals.app.role}";
