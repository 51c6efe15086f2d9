package dev.annals.eventstore.infrastructure.subscription;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing secrets sealed for storage: AES-256-GCM under a key derived (SHA-256) from the
 * server's configured key material, a fresh 12-byte nonce per secret, and the owner (tenant and
 * subscription name) as associated data, so a stored value neither reveals its secret nor verifies
 * when copied to another subscription's row. Stored form: {@value #PREFIX} and the base64 of nonce
 * and ciphertext. A value without the prefix was written before secrets were sealed and is taken as
 * it is.
 */
public final class SecretSeal {

  /** Marks a sealed value (version 1 of the format). */
  static final String PREFIX = "aesgcm1:";

  /** The shortest key material accepted (characters). */
  static final int MIN_KEY_CHARS = 16;

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private SecretSeal(SecretKeySpec key) {
    this.key = key;
  }

  /**
   * A seal under {@code keyMaterial} (the configured server key: any string of at least {@value
   * #MIN_KEY_CHARS} characters, e.g. 24 random bytes in base64).
   *
   * @throws IllegalArgumentException when it is too short
   */
  public static SecretSeal of(String keyMaterial) {
    if (keyMaterial == null || keyMaterial.strip().length() < MIN_KEY_CHARS) {
      throw new IllegalArgumentException(
          "the webhook secrets key must have at least " + MIN_KEY_CHARS + " characters");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  ("annals webhook secrets\n" + keyMaterial.strip())
                      .getBytes(StandardCharsets.UTF_8));
      return new SecretSeal(new SecretKeySpec(digest, "AES"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** {@code secret} sealed for the subscription {@code owner} (tenant and name). */
  public String seal(String owner, String secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, owner);
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
      return PREFIX + Base64.getEncoder().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("sealing a webhook secret failed", e);
    }
  }

  /**
   * The secret of a stored value: opened when sealed, as it is when written before sealing.
   *
   * @throws IllegalStateException when the value was sealed under another key or for another owner,
   *     or was altered
   */
  public String open(String owner, String stored) {
    if (!stored.startsWith(PREFIX)) {
      return stored;
    }
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      if (all.length <= NONCE_BYTES) {
        throw new IllegalStateException("a sealed webhook secret is truncated");
      }
      byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, owner);
      byte[] secret = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return new String(secret, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "a webhook secret does not open with this server's key (another key, or altered)", e);
    }
  }

  /** Whether {@code stored} is sealed (not a value written before sealing). */
  public static boolean sealed(String stored) {
    return stored.startsWith(PREFIX);
  }

  private Cipher cipher(int mode, byte[] nonce, String owner) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
