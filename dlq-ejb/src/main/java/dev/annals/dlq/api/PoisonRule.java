package dev.annals.dlq.api;

/**
 * When failures that retrying cannot help are poison by their look: the same error, each attempt
 * failing fast, on this many attempts ({@code annals.failures.poison.*}).
 *
 * @param sameErrorAttempts the attempts; 0: never poison on that ground
 * @param fastMs an attempt failing within this many milliseconds failed "fast"
 */
public record PoisonRule(int sameErrorAttempts, long fastMs) {

  public PoisonRule {
    sameErrorAttempts = Math.max(0, sameErrorAttempts);
    fastMs = Math.max(0, fastMs);
  }
}
