--liquibase formatted sql

--changeset annals:0004-database-servers
-- The PostgreSQL servers a platform admin registered for database-mode tenants. A request names a
-- server (never a host and port), so Annals only ever connects, and sends credentials, where an
-- admin pointed it. credentials is a reference (an MP Config key prefix: <ref>.user and
-- <ref>.password), never the secret itself. max_tenants caps the database-mode tenants on the
-- server (each holds a pool of up to max_connections_per_tenant per node), so tenants cannot
-- exhaust its max_connections.
CREATE TABLE annals.database_servers (
  name                       text        PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_-]{0,39}$'),
  host                       text        NOT NULL CHECK (host ~ '^[A-Za-z0-9.:-]{1,253}$'),
  port                       integer     NOT NULL CHECK (port BETWEEN 1 AND 65535),
  credentials                text        NOT NULL CHECK (credentials ~ '^[a-z][a-z0-9_.-]{0,62}$'),
  max_connections_per_tenant integer     NOT NULL CHECK (max_connections_per_tenant BETWEEN 1 AND 100),
  max_tenants                integer     NOT NULL CHECK (max_tenants BETWEEN 0 AND 100000),
  created_at                 timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT, DELETE ON annals.database_servers TO "${annals.tenancy.role}";

-- Tenants and moves name a registered server; db_host/db_port (and from_/to_host, _port) of
-- earlier releases are no longer written. A tenant placed by host and port before this release is
-- given a registered server of that address, named legacy-<n>, using the platform owner's
-- credentials (reference 'db'), as those releases did.
ALTER TABLE annals.tenants ADD COLUMN db_server text REFERENCES annals.database_servers (name);
ALTER TABLE annals.tenants ADD CHECK ((isolation = 'database') OR (db_server IS NULL));
ALTER TABLE annals.tenant_moves ADD COLUMN from_server text REFERENCES annals.database_servers (name);
ALTER TABLE annals.tenant_moves ADD COLUMN to_server text REFERENCES annals.database_servers (name);
INSERT INTO annals.database_servers (name, host, port, credentials, max_connections_per_tenant, max_tenants)
SELECT 'legacy-' || row_number() OVER (ORDER BY host, port), host, port, 'db', 5, 100000
  FROM (SELECT db_host AS host, db_port AS port FROM annals.tenants WHERE db_host IS NOT NULL
        UNION SELECT from_host, from_port FROM annals.tenant_moves WHERE from_host IS NOT NULL
        UNION SELECT to_host, to_port FROM annals.tenant_moves WHERE to_host IS NOT NULL) a;
UPDATE annals.tenants t SET db_server = s.name, db_host = NULL, db_port = NULL
  FROM annals.database_servers s WHERE s.host = t.db_host AND s.port = t.db_port;
UPDATE annals.tenant_moves m SET from_server = s.name
  FROM annals.database_servers s WHERE s.host = m.from_host AND s.port = m.from_port;
UPDATE annals.tenant_moves m SET to_server = s.name
  FROM annals.database_servers s WHERE s.host = m.to_host AND s.port = m.to_port;
