package dev.annals.bench.report;

import java.util.Locale;

/**
 * A target from the issue: an absolute bound, or a bound relative to raw PostgreSQL's figure.
 *
 * @param kind how the bound applies
 * @param bound the number in the bound
 */
record Target(Kind kind, double bound) {

  enum Kind {
    NONE,
    AT_MOST,
    AT_LEAST,
    AT_MOST_TIMES_RAW,
    AT_LEAST_TIMES_RAW
  }

  static final Target NONE = new Target(Kind.NONE, 0);

  static Target atMost(double bound) {
    return new Target(Kind.AT_MOST, bound);
  }

  static Target atLeast(double bound) {
    return new Target(Kind.AT_LEAST, bound);
  }

  static Target atMostTimesRaw(double factor) {
    return new Target(Kind.AT_MOST_TIMES_RAW, factor);
  }

  static Target atLeastTimesRaw(double factor) {
    return new Target(Kind.AT_LEAST_TIMES_RAW, factor);
  }

  /** met, missed, or "—" without a target. */
  String judge(double annals, double raw) {
    boolean met =
        switch (kind) {
          case NONE -> true;
          case AT_MOST -> annals <= bound;
          case AT_LEAST -> annals >= bound;
          case AT_MOST_TIMES_RAW -> annals <= bound * raw;
          case AT_LEAST_TIMES_RAW -> annals >= bound * raw;
        };
    return kind == Kind.NONE ? "—" : met ? "met" : "missed";
  }

  String describe() {
    String b =
        bound == Math.rint(bound)
            ? String.format(Locale.ROOT, "%,.0f", bound)
            : Double.toString(bound);
    return switch (kind) {
      case NONE -> "—";
      case AT_MOST -> "≤ " + b;
      case AT_LEAST -> "≥ " + b;
      case AT_MOST_TIMES_RAW -> "≤ " + b + "× raw";
      case AT_LEAST_TIMES_RAW -> "≥ " + b + "× raw";
    };
  }
}
