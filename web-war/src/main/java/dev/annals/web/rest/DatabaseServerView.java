package dev.annals.web.rest;

import dev.annals.tenancy.api.RegisteredServer;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A registered database server on the wire. Its credentials reference is never shown, only whether
 * it resolves.
 *
 * @param name its name
 * @param host host name or address
 * @param port port
 * @param maxConnectionsPerTenant pool size of each tenant's datasource there, per node
 * @param maxTenants how many database-mode tenants it may hold
 * @param tenants the database-mode tenants it holds (deleted but not yet purged ones included)
 * @param credentialsResolve whether the credentials reference names configured credentials
 */
@Schema(name = "DatabaseServerView")
@JsonbPropertyOrder({
  "name",
  "host",
  "port",
  "maxConnectionsPerTenant",
  "maxTenants",
  "tenants",
  "credentialsResolve"
})
public record DatabaseServerView(
    @Schema(required = true) String name,
    @Schema(required = true) String host,
    @Schema(required = true) int port,
    @Schema(required = true) int maxConnectionsPerTenant,
    @Schema(required = true) int maxTenants,
    @Schema(required = true) int tenants,
    @Schema(required = true) boolean credentialsResolve) {

  static DatabaseServerView from(RegisteredServer r) {
    return new DatabaseServerView(
        r.server().name(),
        r.server().host(),
        r.server().port(),
        r.server().maxConnectionsPerTenant(),
        r.server().maxTenants(),
        r.tenants(),
        r.credentialsResolve());
  }
}
