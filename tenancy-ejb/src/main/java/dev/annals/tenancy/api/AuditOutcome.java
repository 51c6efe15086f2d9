package dev.annals.tenancy.api;

import java.util.Locale;

/** How an audited action ended. */
public enum AuditOutcome {
  /** It was done. */
  SUCCEEDED,
  /** It was not allowed (authentication, authorization, a rule): nothing changed. */
  REFUSED,
  /** It was allowed but did not complete. */
  FAILED;

  /** The name on the wire and in the log. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param value {@code succeeded}, {@code refused} or {@code failed}
   * @throws IllegalArgumentException for anything else
   */
  public static AuditOutcome parse(String value) {
    for (AuditOutcome o : values()) {
      if (o.wireName().equals(value)) {
        return o;
      }
    }
    throw new IllegalArgumentException("unknown audit outcome " + value);
  }
}
