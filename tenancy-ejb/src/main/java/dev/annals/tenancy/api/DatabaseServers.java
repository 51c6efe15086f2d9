package dev.annals.tenancy.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL servers database-mode tenants may be placed on, registered by a platform admin.
 * Tenants name one; no request ever supplies a host, port or credentials.
 */
@Local
public interface DatabaseServers {

  /**
   * Registers a server. Nothing is connected to yet: its credentials are only looked up.
   *
   * @param server the server, with a reference to its credentials
   * @return the server as registered
   * @throws ConflictException when the name is taken
   */
  RegisteredServer register(DatabaseServer server);

  /** Every registered server, by name. */
  List<RegisteredServer> list();

  /**
   * @param name a server name
   * @return the server, or empty when none has that name
   * @throws InvalidRequestException when the name is malformed
   */
  Optional<RegisteredServer> find(String name);

  /**
   * Removes a server no tenant uses.
   *
   * @return the server as it was registered
   * @throws ResourceNotFoundException when there is none of that name
   * @throws ConflictException when tenants (not yet purged) or an open move use it
   */
  RegisteredServer remove(String name);
}
