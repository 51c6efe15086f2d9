package dev.annals.eventstore.internal.projection;

import java.util.Optional;

/**
 * How a projection generation's subscription is named: {@code projection-<name>-<generation>},
 * targeting the handler {@value #HANDLER}. Projection names have no {@code -}, so the name parses
 * back without ambiguity.
 */
final class GenerationNames {

  /** The handler every projection generation's subscription targets. */
  static final String HANDLER = "projections";

  private static final String PREFIX = "projection-";

  /**
   * A generation of a projection.
   *
   * @param projection the projection's name
   * @param generation the generation, from 1
   */
  record Generation(String projection, int generation) {}

  private GenerationNames() {}

  /** The subscription names of the projection's generations, without the generation. */
  static String prefix(String projection) {
    return PREFIX + projection + "-";
  }

  /** The subscription name of one generation. */
  static String subscription(String projection, int generation) {
    return prefix(projection) + generation;
  }

  /** The generation a subscription drives; empty for any other name. */
  static Optional<Generation> parse(String subscription) {
    int dash = subscription.lastIndexOf('-');
    if (!subscription.startsWith(PREFIX) || dash <= PREFIX.length()) {
      return Optional.empty();
    }
    String digits = subscription.substring(dash + 1);
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int generation = Integer.parseInt(digits);
    String name = subscription.substring(PREFIX.length(), dash);
    if (generation < 1 || name.contains("-")) {
      return Optional.empty();
    }
    return Optional.of(new Generation(name, generation));
  }
}
