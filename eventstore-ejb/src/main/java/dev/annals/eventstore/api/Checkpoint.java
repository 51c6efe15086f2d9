package dev.annals.eventstore.api;

import dev.annals.tenancy.api.InvalidRequestException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in a tenant's $all: the writing transaction's id and the event's global position.
 * Events are ordered by this pair, never by position alone, because positions are taken before
 * commit and so commit out of order. Clients see it as an opaque string.
 *
 * @param transactionId the writing transaction's xid8
 * @param position the event's global position
 */
public record Checkpoint(long transactionId, long position) implements Comparable<Checkpoint> {

  /** Before the first event. */
  public static final Checkpoint START = new Checkpoint(0, 0);

  private static final Pattern WIRE = Pattern.compile("^([0-9]{1,19})-([0-9]{1,19})$");

  /** Rejects negative parts. */
  public Checkpoint {
    if (transactionId < 0 || position < 0) {
      throw new InvalidRequestException("Checkpoint parts must not be negative");
    }
  }

  /**
   * @param text a checkpoint as this store wrote it
   * @throws InvalidRequestException when it is not one
   */
  public static Checkpoint parse(String text) {
    Matcher m = text == null ? null : WIRE.matcher(text);
    if (m == null || !m.matches()) {
      throw new InvalidRequestException(
          "Checkpoint '"
              + text
              + "' is malformed: pass back a checkpoint or position this API"
              + " returned");
    }
    try {
      return new Checkpoint(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("Checkpoint '" + text + "' is out of range");
    }
  }

  public boolean isStart() {
    return equals(START);
  }

  @Override
  public int compareTo(Checkpoint o) {
    int byTransaction = Long.compare(transactionId, o.transactionId);
    return byTransaction != 0 ? byTransaction : Long.compare(position, o.position);
  }

  @Override
  public String toString() {
    return transactionId + "-" + position;
  }
}
