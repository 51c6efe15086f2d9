package dev.annals.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The development issuer inside the server: on only when {@code annals.security.dev-issuer.key}
 * names its key (a JSON Web Key file, which the run command and the test builds write), it signs
 * tokens with the issuer and audience the server itself trusts ({@code mp.jwt.verify.*}). A
 * production deployment leaves it off and takes tokens from its identity provider.
 */
@ApplicationScoped
public class TokenIssuer {

  /** A minted token and when it expires. */
  public record Minted(String token, Instant expiresAt) {}

  @Inject
  @ConfigProperty(name = "annals.security.dev-issuer.key")
  Optional<String> keyFile;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  Optional<String> audiences;

  private final Clock clock = Clock.systemUTC();
  private volatile RSAKey key;

  /** Whether the development issuer is on. */
  public boolean enabled() {
    return keyFile.filter(f -> !f.isBlank()).isPresent() && issuer.isPresent();
  }

  /**
   * Signs a token (RS256) for {@code subject}.
   *
   * @param roles the groups claim
   * @param tenants the tenants claim (tenant ids, or "*")
   * @param ttl how long it is valid
   */
  public Minted mint(String subject, List<String> roles, List<String> tenants, Duration ttl) {
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer.orElseThrow())
            .audience(audiences.map(a -> Arrays.asList(a.split(","))).orElse(List.of()))
            .subject(subject)
            .claim("upn", subject)
            .claim("groups", roles)
            .claim(Caller.TENANTS_CLAIM, tenants)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .build();
    RSAKey signing = key();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(signing.getKeyID())
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(signing));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a token with the development key", e);
    }
    return new Minted(jwt.serialize(), expires);
  }

  private RSAKey key() {
    RSAKey k = key;
    if (k == null) {
      try {
        k = RSAKey.parse(Files.readString(Path.of(keyFile.orElseThrow())));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the development issuer's key", e);
      } catch (ParseException e) {
        throw new IllegalStateException("The development issuer's key is not a JSON Web Key", e);
      }
      key = k;
    }
    return k;
  }
}
