package dev.annals.it;

import dev.annals.devservices.DevIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Bearer tokens for tests, signed with the key pair the integration-test server trusts (the ear
 * module writes it to {@code annals.it.issuerDir} before the server starts).
 */
public final class Tokens {

  private static final DevIssuer ISSUER = open();
  private static final String PLATFORM_ADMIN =
      ISSUER.mint("it-platform-admin", List.of("platform-admin"), List.of("*"), Duration.ofDays(1));

  private Tokens() {}

  /** A platform admin's token: every operation on every tenant. */
  public static String platformAdmin() {
    return PLATFORM_ADMIN;
  }

  /** A token of {@code subject} with these roles and tenants, valid for an hour. */
  public static String of(String subject, List<String> roles, List<String> tenants) {
    return ISSUER.mint(subject, roles, tenants, Duration.ofHours(1));
  }

  /** The issuer the server trusts, to sign tokens of any shape. */
  public static DevIssuer issuer() {
    return ISSUER;
  }

  private static DevIssuer open() {
    try {
      return DevIssuer.openOrCreate(
          Path.of(System.getProperty("annals.it.issuerDir", "target/it-issuer")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
