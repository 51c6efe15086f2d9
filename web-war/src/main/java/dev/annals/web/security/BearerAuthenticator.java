package dev.annals.web.security;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Authenticates /api requests from their bearer token, verifying each distinct token once.
 *
 * <p>Verification is {@link BearerTokenVerifier}'s, from the MicroProfile JWT keys ({@code
 * mp.jwt.verify.issuer}, {@code .audiences}, {@code .publickey} or {@code .publickey.location}, a
 * PEM/JWK file or a JWKS URL, {@code .publickey.algorithm}): signature, issuer, audience, expiry.
 * The outcome is kept per raw token until the token expires (plus the same clock skew the verifier
 * allows), so a client that sends the same token with every request pays for the signature check
 * and the claims once. A token's claims cannot change (its signature covers them). Only verified
 * tokens are kept, never refusals; a cached token whose time has passed is verified again (and
 * refused). Bounded: once full, the cache starts over.
 *
 * <p>Why not Liberty's mpJwt: its trust association interceptor and web security collaborator built
 * a login {@code Subject} for every request even with its per-token cache, 17% of an append's and
 * 25% of a small read's CPU (bench/RESULTS.md). The keys, claims and answers are the same; what is
 * given up is mpJwt-only configuration (server.xml's {@code mpJwt} element, encrypted tokens).
 */
@ApplicationScoped
public class BearerAuthenticator {

  /** Tokens kept at most; a deployment rarely has this many clients active at once. */
  static final int MAX_TOKENS = 10_000;

  private static final long SKEW_MILLIS = BearerTokenVerifier.CLOCK_SKEW_SECONDS * 1000L;

  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

  private Function<String, Optional<JWTClaimsSet>> verifier;

  private LongSupplier clock = System::currentTimeMillis;

  /** A token's caller and the time after which the token is no longer accepted. */
  private record Verified(Caller caller, long notAfterMillis) {
    Authenticated authenticated() {
      return new Authenticated(caller, Instant.ofEpochMilli(notAfterMillis));
    }
  }

  /**
   * An authenticated caller and how long its token is accepted.
   *
   * @param caller who the token describes
   * @param acceptedUntil its expiry plus the allowed clock skew: the token is refused after it
   */
  public record Authenticated(Caller caller, Instant acceptedUntil) {}

  @PostConstruct
  void configure() {
    Config config = ConfigProvider.getConfig(getClass().getClassLoader());
    verifier = BearerTokenVerifier.from(key -> config.getOptionalValue(key, String.class))::verify;
  }

  /** For tests: an authenticator with its own verification and clock (epoch milliseconds). */
  static BearerAuthenticator with(
      Function<String, Optional<JWTClaimsSet>> verifier, LongSupplier clock) {
    BearerAuthenticator a = new BearerAuthenticator();
    a.verifier = verifier;
    a.clock = clock;
    return a;
  }

  /**
   * The caller an {@code Authorization} header's bearer token describes, when the token is
   * verified, current and names a subject; empty for anything else (no header, another scheme, a
   * refused token).
   */
  public Optional<Caller> authenticate(String authorization) {
    return authenticated(authorization).map(Authenticated::caller);
  }

  /** Like {@link #authenticate}, with the time until which the token is accepted. */
  public Optional<Authenticated> authenticated(String authorization) {
    String token = bearerToken(authorization);
    if (token == null) {
      return Optional.empty();
    }
    long now = clock.getAsLong();
    Verified known = verified.get(token);
    if (known != null) {
      if (now <= known.notAfterMillis()) {
        return Optional.of(known.authenticated());
      }
      verified.remove(token);
    }
    Optional<Verified> fresh = verifier.apply(token).flatMap(BearerAuthenticator::caller);
    fresh.ifPresent(
        v -> {
          if (verified.size() >= MAX_TOKENS) {
            verified.clear();
          }
          verified.put(token, v);
        });
    return fresh.map(Verified::authenticated);
  }

  /** The token of a {@code Bearer} authorization (the scheme is case-insensitive), else null. */
  static String bearerToken(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).strip();
    return token.isEmpty() ? null : token;
  }

  private static Optional<Verified> caller(JWTClaimsSet claims) {
    String subject = claims.getSubject();
    Date expires = claims.getExpirationTime();
    if (subject == null || subject.isEmpty() || expires == null) {
      return Optional.empty(); // the caller's name is its subject; the verifier demands exp
    }
    Caller caller =
        Caller.of(subject, claims.getClaim("groups"), claims.getClaim(Caller.TENANTS_CLAIM));
    return Optional.of(new Verified(caller, expires.getTime() + SKEW_MILLIS));
  }
}
