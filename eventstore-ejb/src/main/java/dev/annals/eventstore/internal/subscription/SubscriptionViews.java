package dev.annals.eventstore.internal.subscription;

import dev.annals.eventstore.api.subscription.SubscriptionFilter;
import dev.annals.eventstore.api.subscription.SubscriptionInfo;
import dev.annals.eventstore.api.subscription.SubscriptionName;
import dev.annals.eventstore.api.subscription.SubscriptionState;
import dev.annals.eventstore.api.subscription.SubscriptionTarget;
import dev.annals.eventstore.infrastructure.subscription.StoredState;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRow;
import java.net.URI;
import java.util.HashSet;

/** A stored subscription as operators see it: the shown state derives from the stored one. */
final class SubscriptionViews {

  private SubscriptionViews() {}

  static SubscriptionInfo info(SubscriptionRow row, long lagEvents, double lagSeconds) {
    SubscriptionTarget target =
        row.handler().isPresent()
            ? new SubscriptionTarget.Handler(row.handler().get())
            : new SubscriptionTarget.Webhook(URI.create(row.webhookUrl().orElseThrow()));
    return new SubscriptionInfo(
        new SubscriptionName(row.name()),
        new SubscriptionFilter(row.streamPrefix(), new HashSet<>(row.eventTypes())),
        target,
        state(row.state(), lagEvents),
        row.checkpoint(),
        lagEvents,
        lagSeconds,
        row.lastError(),
        row.failures(),
        row.node(),
        row.eventsPerSecond(),
        row.delivered(),
        row.createdAt());
  }

  /** Running is shown as live at the head and catching up behind it. */
  static SubscriptionState state(StoredState stored, long lagEvents) {
    return switch (stored) {
      case PAUSED -> SubscriptionState.PAUSED;
      case STOPPED -> SubscriptionState.STOPPED;
      case RUNNING -> lagEvents == 0 ? SubscriptionState.LIVE : SubscriptionState.CATCHING_UP;
    };
  }
}
