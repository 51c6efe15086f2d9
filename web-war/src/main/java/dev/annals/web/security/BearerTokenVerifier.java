package dev.annals.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Verifies a bearer token against the MicroProfile JWT settings ({@code mp.jwt.verify.issuer},
 * {@code .audiences}, {@code .publickey} or {@code .publickey.location}: a PEM or JWK(S) file, or a
 * JWKS URL; {@code .publickey.algorithm}): the signature with a trusted key and the configured
 * algorithm only (never {@code alg: none}), the issuer, the audience, expiry and not-before (with
 * mpJwt's clock skew). Used for /api ({@link BearerAuthenticator}, which caches the outcome per
 * token) and for the management endpoints. Nothing configured: every token is refused.
 */
public final class BearerTokenVerifier {

  private static final Logger LOG = Logger.getLogger(BearerTokenVerifier.class.getName());

  /** The clock skew allowed on expiry and not-before: Liberty mpJwt's default (5 minutes). */
  static final int CLOCK_SKEW_SECONDS = 300;

  /** The token types accepted: JWT, an OAuth access token (RFC 9068), or none stated. */
  private static final DefaultJOSEObjectTypeVerifier<SecurityContext> TYPES =
      new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null);

  private final Optional<DefaultJWTProcessor<SecurityContext>> processor;

  private BearerTokenVerifier(Optional<DefaultJWTProcessor<SecurityContext>> processor) {
    this.processor = processor;
  }

  /**
   * A verifier from MicroProfile Config ({@code config} looks a key up), i.e. the environment
   * ({@code MP_JWT_VERIFY_*}). A key that cannot be read or parsed is logged and refuses every
   * token.
   */
  public static BearerTokenVerifier from(Function<String, Optional<String>> config) {
    try {
      return configured(config);
    } catch (IllegalStateException e) {
      LOG.log(Level.SEVERE, "Every bearer token will be refused: " + e.getMessage(), e);
      return new BearerTokenVerifier(Optional.empty());
    }
  }

  private static BearerTokenVerifier configured(Function<String, Optional<String>> config) {
    Optional<String> issuer = config.apply("mp.jwt.verify.issuer");
    Optional<JWKSource<SecurityContext>> keys = keys(config);
    if (issuer.isEmpty() || keys.isEmpty()) {
      return new BearerTokenVerifier(Optional.empty());
    }
    JWSAlgorithm algorithm =
        JWSAlgorithm.parse(config.apply("mp.jwt.verify.publickey.algorithm").orElse("RS256"));
    Set<String> audiences =
        config
            .apply("mp.jwt.verify.audiences")
            .map(
                a ->
                    Arrays.stream(a.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet()))
            .filter(s -> !s.isEmpty())
            .orElse(null);
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    p.setJWSTypeVerifier(TYPES);
    p.setJWSKeySelector(selector(algorithm, keys.get()));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            audiences,
            new JWTClaimsSet.Builder().issuer(issuer.get()).build(),
            new HashSet<>(Set.of("exp", "iat")),
            null);
    claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
    p.setJWTClaimsSetVerifier(claims);
    return new BearerTokenVerifier(Optional.of(p));
  }

  /** The token's claims, if it is signed by a trusted key, current, and meant for this service. */
  public Optional<JWTClaimsSet> verify(String token) {
    if (processor.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(processor.get().process(token, null));
    } catch (ParseException | BadJOSEException | JOSEException e) {
      return Optional.empty();
    }
  }

  /**
   * The keys that may have signed a token: those of the configured algorithm's type whose key id
   * matches the token's, where both name one. A PEM key has no id, so it verifies tokens whatever
   * their {@code kid} (as mpJwt does).
   */
  private static JWSKeySelector<SecurityContext> selector(
      JWSAlgorithm algorithm, JWKSource<SecurityContext> source) {
    JWKSelector ofType =
        new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.forAlgorithm(algorithm)).build());
    return (header, context) -> {
      if (!algorithm.equals(header.getAlgorithm())) {
        return List.of();
      }
      String kid = header.getKeyID();
      List<Key> keys = new ArrayList<>();
      for (JWK k : source.get(ofType, context)) {
        if (kid == null || k.getKeyID() == null || kid.equals(k.getKeyID())) {
          keys.add(publicKey(k));
        }
      }
      return keys;
    };
  }

  private static Key publicKey(JWK jwk) throws KeySourceException {
    try {
      return jwk instanceof RSAKey rsa ? rsa.toRSAPublicKey() : jwk.toECKey().toECPublicKey();
    } catch (JOSEException e) {
      throw new KeySourceException("Unusable verification key " + jwk.getKeyID(), e);
    }
  }

  private static Optional<JWKSource<SecurityContext>> keys(
      Function<String, Optional<String>> config) {
    Optional<String> inline = config.apply("mp.jwt.verify.publickey");
    if (inline.isPresent()) {
      return Optional.of(parse(inline.get()));
    }
    return config.apply("mp.jwt.verify.publickey.location").map(BearerTokenVerifier::located);
  }

  private static JWKSource<SecurityContext> located(String location) {
    try {
      if (location.startsWith("http://") || location.startsWith("https://")) {
        URL jwks = URI.create(location).toURL();
        return JWKSourceBuilder.create(jwks).build();
      }
      Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the token verification key " + location, e);
    }
  }

  /** A PEM public key (with or without its armour), a JWK or a JWK set. */
  private static JWKSource<SecurityContext> parse(String text) {
    String t = text.strip();
    try {
      if (t.startsWith("{")) {
        return new ImmutableJWKSet<>(
            t.contains("\"keys\"") ? JWKSet.parse(t) : new JWKSet(JWK.parse(t)));
      }
      return new ImmutableJWKSet<>(new JWKSet(pem(t)));
    } catch (ParseException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("The token verification key is not a PEM key or a JWK", e);
    }
  }

  /** An X.509 SubjectPublicKeyInfo (PEM "PUBLIC KEY"), RSA or EC. */
  private static JWK pem(String text) throws GeneralSecurityException {
    byte[] der = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").strip());
    X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
    try {
      return new RSAKey.Builder((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec))
          .build();
    } catch (InvalidKeySpecException notRsa) {
      ECPublicKey ec = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(spec);
      return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
    }
  }
}
