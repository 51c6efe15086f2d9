package dev.annals.dlq.api;

import dev.annals.tenancy.api.InvalidRequestException;
import java.util.Locale;

/** Where a dead letter stands. */
public enum LetterState {
  /** Failed past its consumer's retry policy; heads its stream for that consumer. */
  OPEN,
  /** Never delivered: waits behind an open letter of the same stream and consumer. */
  PARKED,
  /**
   * Failed, not yet given up: waits beside its consumer's flow for its due time, when the consumer
   * delivers it again; heads its stream for that consumer like an open letter. Becomes open after
   * the policy's {@code maxAttempts}.
   */
  RETRYING,
  /** Delivered again: by an operator's redrive, or by a retry. */
  REDRIVEN,
  /** Given up by an operator, with a reason. */
  DISCARDED;

  /** The states of letters still waiting to be delivered. */
  public static final java.util.List<LetterState> WAITING =
      java.util.List.of(OPEN, RETRYING, PARKED);

  /** Whether a letter in this state still waits to be delivered (redrive and discard act on it). */
  public boolean waiting() {
    return WAITING.contains(this);
  }

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
        "'state' must be one of open, parked, retrying, redriven, discarded; not '" + text + "'");
  }
}
