package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.Tenant;
import java.time.Instant;

/**
 * How long a deleted tenant's data is kept. Retention counts from the deletion; deleting again may
 * shorten it (0: purge now), never lengthen it, so a repeated delete is safe and a mistaken long
 * retention can still be cut.
 */
final class Retention {

  /** The longest retention a delete may ask for. */
  static final int MAX_DAYS = 3650;

  private Retention() {}

  /**
   * @throws InvalidRequestException unless {@code retainDays} is between 0 and {@link #MAX_DAYS}
   */
  static void check(int retainDays) {
    if (retainDays < 0 || retainDays > MAX_DAYS) {
      throw new InvalidRequestException(
          "'retainDays' must be between 0 and " + MAX_DAYS + ", was " + retainDays);
    }
  }

  /**
   * Whether a delete asking for {@code retainDays} must purge {@code deleted}'s data now: when it
   * asks for none, or when the retention (perhaps just shortened) has ended.
   */
  static boolean purgesNow(Tenant deleted, int retainDays, Instant now) {
    if (!deleted.deleted() || deleted.purged()) {
      return false;
    }
    return retainDays == 0 || deleted.purgeAfter().map(p -> !p.isAfter(now)).orElse(false);
  }
}
