package dev.annals.tenancy.api;

import java.util.regex.Pattern;

/**
 * A PostgreSQL server a platform admin registered for database-mode tenants. Requests name it;
 * Annals connects, and sends credentials, only to servers registered here.
 *
 * @param name its name, {@code ^[a-z][a-z0-9_-]{0,39}$}
 * @param host host name or IP address (letters, digits, '.', ':' and '-' only: it is written into
 *     Liberty configuration)
 * @param port TCP port, 1-65535
 * @param credentials a reference to the owner credentials on that server, never the secret: the
 *     MicroProfile Config keys {@code <credentials>.user} and {@code <credentials>.password} (for
 *     example the environment variables {@code PG2_USER} and {@code PG2_PASSWORD} for {@code pg2})
 * @param maxConnectionsPerTenant the pool size of each of its tenants' datasources, per node
 * @param maxTenants how many database-mode tenants it may hold
 */
public record DatabaseServer(
    String name,
    String host,
    int port,
    String credentials,
    int maxConnectionsPerTenant,
    int maxTenants) {

  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_-]{0,39}$");
  private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.:-]{1,253}$");
  private static final Pattern REFERENCE = Pattern.compile("^[a-z][a-z0-9_.-]{0,62}$");

  /**
   * @throws InvalidRequestException when a field is not acceptable
   */
  public DatabaseServer {
    checkName(name);
    if (host == null || !HOST.matcher(host).matches()) {
      throw new InvalidRequestException(
          "'host' must be a host name or IP address (letters, digits, '.', ':', '-'), was: "
              + Identifiers.shown(host));
    }
    if (port < 1 || port > 65535) {
      throw new InvalidRequestException("'port' must be 1-65535, was " + port);
    }
    if (credentials == null || !REFERENCE.matcher(credentials).matches()) {
      throw new InvalidRequestException(
          "'credentials' must name a configuration key prefix (^[a-z][a-z0-9_.-]{0,62}$), not"
              + " hold a secret");
    }
    if (maxConnectionsPerTenant < 1 || maxConnectionsPerTenant > 100) {
      throw new InvalidRequestException(
          "'maxConnectionsPerTenant' must be 1-100, was " + maxConnectionsPerTenant);
    }
    if (maxTenants < 0 || maxTenants > 100_000) {
      throw new InvalidRequestException("'maxTenants' must be 0-100000, was " + maxTenants);
    }
  }

  /**
   * @throws InvalidRequestException when {@code name} is not a server name
   */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidRequestException(
          "A database server name must match ^[a-z][a-z0-9_-]{0,39}$, was: "
              + Identifiers.shown(name));
    }
    return name;
  }
}
