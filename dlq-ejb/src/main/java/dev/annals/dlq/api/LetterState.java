package dev.annals.dlq.api;

import dev.annals.tenancy.api.InvalidRequestException;
import java.util.Locale;

/** Where a dead letter stands. */
public enum LetterState {
  /** Failed past its consumer's retry policy; heads its stream for that consumer. */
  OPEN,
  /** Never delivered: waits behind an open letter of the same stream and consumer. */
  PARKED,
  /** Delivered again by an operator's redrive. */
  REDRIVEN,
  /** Given up by an operator, with a reason. */
  DISCARDED;

  /** The name stored and shown: lower case. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws InvalidRequestException for an unknown name
   */
  public static LetterState parse(String text) {
    for (LetterState s : values()) {
      if (s.wireName().equals(text)) {
        return s;
      }
    }
    throw new InvalidRequestException(
        "'state' must be one of open, parked, redriven, discarded; not '" + text + "'");
  }
}
