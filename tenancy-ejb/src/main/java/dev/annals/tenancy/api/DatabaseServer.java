package dev.annals.tenancy.api;

import java.util.regex.Pattern;

/**
 * A PostgreSQL server that holds database-mode tenants other than the platform's own.
 *
 * @param host host name or IP address (letters, digits, '.', ':' and '-' only: it is written into
 *     Liberty configuration)
 * @param port TCP port, 1-65535
 */
public record DatabaseServer(String host, int port) {

  private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.:-]{1,253}$");

  /**
   * @throws InvalidRequestException when the host or port is not acceptable
   */
  public DatabaseServer {
    if (host == null || !HOST.matcher(host).matches()) {
      throw new InvalidRequestException(
          "'database.host' must be a host name or IP address (letters, digits, '.', ':', '-'),"
              + " was: "
              + Identifiers.shown(host));
    }
    if (port < 1 || port > 65535) {
      throw new InvalidRequestException("'database.port' must be 1-65535, was " + port);
    }
  }
}
