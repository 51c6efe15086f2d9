package dev.annals.eventstore.infrastructure.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretSealTest {

  private static final String KEY = "0123456789abcdef-server-key";
  private static final String SECRET =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @Test
  void aSealedSecretOpensForItsOwnerAndDoesNotContainTheSecret() {
    SecretSeal seal = SecretSeal.of(KEY);
    String stored = seal.seal("acme/orders", SECRET);
    assertTrue(SecretSeal.sealed(stored));
    assertFalse(stored.contains(SECRET));
    assertFalse(stored.contains(SECRET.substring(0, 16)));
    assertEquals(SECRET, seal.open("acme/orders", stored));
  }

  @Test
  void sealingTwiceGivesDifferentValues() {
    SecretSeal seal = SecretSeal.of(KEY);
    assertNotEquals(seal.seal("acme/orders", SECRET), seal.seal("acme/orders", SECRET));
  }

  @Test
  void aSealedSecretCopiedToAnotherSubscriptionDoesNotOpen() {
    SecretSeal seal = SecretSeal.of(KEY);
    String stored = seal.seal("acme/orders", SECRET);
    assertThrows(IllegalStateException.class, () -> seal.open("evil/orders", stored));
    assertThrows(IllegalStateException.class, () -> seal.open("acme/other", stored));
  }

  @Test
  void anotherKeyOrAnAlteredValueDoesNotOpen() {
    String stored = SecretSeal.of(KEY).seal("acme/orders", SECRET);
    assertThrows(
        IllegalStateException.class,
        () -> SecretSeal.of("another-key-of-16-chars").open("acme/orders", stored));
    char last = stored.charAt(stored.length() - 3);
    String altered =
        stored.substring(0, stored.length() - 3)
            + (last == 'A' ? 'B' : 'A')
            + stored.substring(stored.length() - 2);
    assertThrows(
        IllegalStateException.class, () -> SecretSeal.of(KEY).open("acme/orders", altered));
    assertThrows(
        IllegalStateException.class,
        () -> SecretSeal.of(KEY).open("acme/orders", SecretSeal.PREFIX + "AAAA"));
  }

  @Test
  void aValueStoredBeforeSealingIsTakenAsItIs() {
    assertEquals(SECRET, SecretSeal.of(KEY).open("acme/orders", SECRET));
  }

  @Test
  void aShortKeyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> SecretSeal.of("short"));
    assertThrows(IllegalArgumentException.class, () -> SecretSeal.of(null));
  }
}
