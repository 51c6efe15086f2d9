package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.AuditEvent;
import dev.annals.tenancy.api.AuditOutcome;
import dev.annals.tenancy.api.ConflictException;
import dev.annals.tenancy.api.DatabaseServer;
import dev.annals.tenancy.api.DatabaseServers;
import dev.annals.tenancy.api.RegisteredServer;
import dev.annals.tenancy.api.ResourceNotFoundException;
import dev.annals.tenancy.api.UnavailableException;
import dev.annals.tenancy.infrastructure.DatabaseServerRepository;
import dev.annals.tenancy.infrastructure.ServerCredentials;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry of database servers. Registering connects to nothing (a server may be prepared
 * later); whether its credentials reference resolves is shown, the secret never. Registering and
 * removing are recorded in the platform's audit chain once done (as tenant lifecycle actions are).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseServersBean implements DatabaseServers {

  @Inject DatabaseServerRepository servers;

  @Inject ServerCredentials credentials;

  @Inject TenantMaintenance maintenance;

  @Override
  public RegisteredServer register(DatabaseServer server) {
    try {
      if (!servers.insert(server)) {
        throw new ConflictException(
            "A database server named '" + server.name() + "' is registered already");
      }
      audit("database-server.registered", server);
      return view(server);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public List<RegisteredServer> list() {
    try {
      List<RegisteredServer> all = new ArrayList<>();
      for (DatabaseServer s : servers.all()) {
        all.add(view(s));
      }
      return all;
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public Optional<RegisteredServer> find(String name) {
    DatabaseServer.checkName(name);
    try {
      Optional<DatabaseServer> s = servers.find(name);
      return s.isEmpty() ? Optional.empty() : Optional.of(view(s.get()));
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public RegisteredServer remove(String name) {
    DatabaseServer.checkName(name);
    try {
      DatabaseServer server =
          servers
              .find(name)
              .orElseThrow(
                  () ->
                      new ResourceNotFoundException(
                          "No database server is registered as '" + name + "'"));
      if (!servers.delete(name)) {
        throw new ConflictException(
            "The database server '"
                + name
                + "' still holds tenants (or a move involves it): move or purge them first");
      }
      audit("database-server.removed", server);
      return new RegisteredServer(server, credentials.resolve(server.credentials()).isPresent(), 0);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /** Where the server is and its limits; the credentials reference is not recorded. */
  private void audit(String action, DatabaseServer s) {
    JsonObject detail =
        Json.createObjectBuilder()
            .add("host", s.host())
            .add("port", s.port())
            .add("maxConnectionsPerTenant", s.maxConnectionsPerTenant())
            .add("maxTenants", s.maxTenants())
            .build();
    maintenance.audit(
        AuditEvent.onPlatform(
            action, Optional.empty(), Optional.of(s.name()), AuditOutcome.SUCCEEDED, detail));
  }

  private RegisteredServer view(DatabaseServer s) throws SQLException {
    return new RegisteredServer(
        s, credentials.resolve(s.credentials()).isPresent(), servers.usage(Optional.of(s.name())));
  }

  private static UnavailableException unavailable(SQLException e) {
    return new UnavailableException(
        "Could not reach the database server registry now; retry in a moment", e);
  }
}
