package dev.annals.tenancy.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Resolves the credentials reference of a registered database server: reference {@code pg2} names
 * the MicroProfile Config keys {@code pg2.user} and {@code pg2.password} (so the environment
 * variables {@code PG2_USER} and {@code PG2_PASSWORD}, or server variables of those names). The
 * secret is read when a connection is opened, never stored in the registry or shown.
 */
@ApplicationScoped
public class ServerCredentials {

  /** A user and password; the password may be empty where the server does not ask for one. */
  public record Credentials(String user, String password) {
    @Override
    public String toString() {
      return "Credentials[user=" + user + ", password=***]";
    }
  }

  /** The credentials the reference names, when its user is configured. */
  public Optional<Credentials> resolve(String reference) {
    Config config = ConfigProvider.getConfig();
    return config
        .getOptionalValue(reference + ".user", String.class)
        .map(
            user ->
                new Credentials(
                    user,
                    config.getOptionalValue(reference + ".password", String.class).orElse("")));
  }
}
