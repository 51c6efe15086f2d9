package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.DatabaseServer;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.QuotaExceededException;
import dev.annals.tenancy.infrastructure.DatabaseServerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a database-mode tenant may be placed: a server named in a request must be registered, and
 * each server holds at most its quota of database-mode tenants (the platform's own server: {@code
 * annals.tenancy.platform.max-database-tenants}), so tenants cannot exhaust its connections.
 */
@ApplicationScoped
public class ServerPlacement {

  @Inject DatabaseServerRepository servers;

  @Inject
  @ConfigProperty(name = "annals.tenancy.platform.max-database-tenants", defaultValue = "50")
  int platformMaxTenants;

  /**
   * The registered server a request names.
   *
   * @throws InvalidRequestException when none has that name
   */
  Optional<DatabaseServer> resolve(Optional<String> name) throws SQLException {
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String n = DatabaseServer.checkName(name.get());
    return Optional.of(
        servers
            .find(n)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "'database.server': no database server is registered as '"
                            + n
                            + "' (a platform admin registers them)")));
  }

  /** The quota on database-mode tenants of a server (empty: the platform's own). */
  int maxTenants(Optional<DatabaseServer> server) {
    return server.map(DatabaseServer::maxTenants).orElse(platformMaxTenants);
  }

  /**
   * Fails when the server holds its quota of database-mode tenants already. For moves: creations
   * check inside the claim, serialised per server.
   *
   * @throws QuotaExceededException when it is full
   */
  void requireRoom(Optional<DatabaseServer> server) throws SQLException {
    int max = maxTenants(server);
    if (servers.usage(server.map(DatabaseServer::name)) >= max) {
      throw DatabaseServerRepository.full(server, max);
    }
  }
}
