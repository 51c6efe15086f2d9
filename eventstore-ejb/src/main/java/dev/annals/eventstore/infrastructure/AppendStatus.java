package dev.annals.eventstore.infrastructure;

import java.util.Locale;

/** What {@code append_batch} decided for one append; its SQL spelling is the lower-case name. */
public enum AppendStatus {
  /** Stored. */
  OK,
  /** An identical resend of a stored append: its original result, nothing stored. */
  REPLAYED,
  /** The expected version did not match; nothing stored. */
  WRONG_VERSION,
  /** Some ids are stored already, but not as this same append; nothing stored. */
  ID_CONFLICT,
  /** Lost a deadlock or serialization race; nothing stored, try again. */
  RETRY,
  /** The tenant's write gate is closed for a suspension. */
  SUSPENDED,
  /** The tenant's write gate here is closed for a move. */
  MOVED,
  /** The tenant is deleted. */
  DELETED,
  /** No gate row: the tenant's data does not live here. */
  NO_TENANT,
  /** The append would create a stream beyond the tenant's stream quota; nothing stored. */
  QUOTA_STREAMS,
  /** The append would take the tenant's stored bytes beyond its storage quota; nothing stored. */
  QUOTA_BYTES;

  /** The status the SQL function returned. */
  static AppendStatus fromSql(String status) {
    try {
      return valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalStateException("append_batch answered an unknown status: " + status, e);
    }
  }
}
