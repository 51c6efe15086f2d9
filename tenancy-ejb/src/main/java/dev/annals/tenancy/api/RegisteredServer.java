package dev.annals.tenancy.api;

/**
 * A registered database server and how it is used.
 *
 * @param server the server
 * @param credentialsResolve whether its credentials reference names configured credentials (the
 *     secret itself is never shown)
 * @param tenants the database-mode tenants on it whose data exists (deleted but not yet purged ones
 *     included): what its quota counts
 */
public record RegisteredServer(DatabaseServer server, boolean credentialsResolve, int tenants) {}
