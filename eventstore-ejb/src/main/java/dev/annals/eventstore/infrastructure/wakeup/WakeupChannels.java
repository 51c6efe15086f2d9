package dev.annals.eventstore.infrastructure.wakeup;

import dev.annals.tenancy.api.TenantId;
import java.util.Optional;

/**
 * The Redis channels of wake-ups: one per tenant, {@code annals:wakeup:<tenant>}. They are
 * server-internal (only Annals' Redis user may subscribe, and it is limited to this pattern) and
 * carry no payload: a message says only that the tenant committed something.
 */
final class WakeupChannels {

  static final String PREFIX = "annals:wakeup:";

  /** What every node subscribes to (PSUBSCRIBE); Redis' ACL names exactly this pattern. */
  static final String PATTERN = PREFIX + "*";

  private WakeupChannels() {}

  static String of(TenantId tenant) {
    return PREFIX + tenant.value();
  }

  /** The tenant of a channel, or empty for a channel that names none (never trusted blindly). */
  static Optional<TenantId> tenant(String channel) {
    if (channel == null || !channel.startsWith(PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TenantId(channel.substring(PREFIX.length())));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
