package dev.annals.tenancy.internal;

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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry of database servers. Registering connects to nothing (a server may be prepared
 * later); whether its credentials reference resolves is shown, the secret never.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseServersBean implements DatabaseServers {

  @Inject DatabaseServerRepository servers;

  @Inject ServerCredentials credentials;

  @Override
  public RegisteredServer register(DatabaseServer server) {
    try {
      if (!servers.insert(server)) {
        throw new ConflictException(
            "A database server named '" + server.name() + "' is registered already");
      }
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
      return new RegisteredServer(server, credentials.resolve(server.credentials()).isPresent(), 0);
    } catch (SQLException e) {
      throw unavailable(e);
    }
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
