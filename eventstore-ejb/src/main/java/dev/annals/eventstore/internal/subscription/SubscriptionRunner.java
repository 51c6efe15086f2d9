package dev.annals.eventstore.internal.subscription;

import dev.annals.eventstore.api.Wakeups;
import dev.annals.eventstore.infrastructure.subscription.WebhookBatch;
import dev.annals.eventstore.infrastructure.subscription.WebhookClient;
import dev.annals.tenancy.api.TenantId;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives one subscription on this node while the node holds its lease: woken by {@link Wakeups} (or
 * the driver), it delivers batch after batch until caught up, one batch at a time (so per-stream
 * order holds), always reading from the database by checkpoint. A failed batch is recorded and
 * retried after a fixed pause (issue 13 replaces this with backoff, breakers and dead letters:
 * {@link #failed} is the seam). It stops when the node loses the lease, or the subscription is
 * paused, stopped or deleted.
 */
final class SubscriptionRunner {

  private static final Logger LOG = Logger.getLogger(SubscriptionRunner.class.getName());

  private final TenantId tenant;
  private final String name;
  private final String node;
  private final DeliveryBean delivery;
  private final WebhookClient webhooks;
  private final ScheduledExecutorService executor;
  private final long backoffMs;
  private final java.util.function.Consumer<SubscriptionRunner> onStop;

  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile boolean again;
  private volatile boolean closed;
  private volatile long retryAt;
  private volatile boolean handlerTarget;
  private Wakeups.Registration registration;

  SubscriptionRunner(
      TenantId tenant,
      String name,
      String node,
      DeliveryBean delivery,
      WebhookClient webhooks,
      ScheduledExecutorService executor,
      long backoffMs,
      java.util.function.Consumer<SubscriptionRunner> onStop) {
    this.tenant = tenant;
    this.name = name;
    this.node = node;
    this.delivery = delivery;
    this.webhooks = webhooks;
    this.executor = executor;
    this.backoffMs = backoffMs;
    this.onStop = onStop;
  }

  /** Starts listening and delivers what is there. */
  void start(Wakeups wakeups) {
    registration = wakeups.listen(tenant, this::wake);
    wake();
  }

  /** Stops: no batch starts after this (one in flight completes or fails its compare-and-set). */
  void close() {
    closed = true;
    if (registration != null) {
      registration.close();
    }
  }

  TenantId tenant() {
    return tenant;
  }

  boolean closed() {
    return closed;
  }

  /** Something may have changed: deliver soon, unless a failed batch waits for its retry time. */
  void wake() {
    again = true;
    if (!closed && busy.compareAndSet(false, true)) {
      executor.execute(this::run);
    }
  }

  private void run() {
    try {
      while (again && !closed && System.currentTimeMillis() >= retryAt) {
        again = false;
        drain();
      }
    } finally {
      busy.set(false);
    }
    if (again && !closed && System.currentTimeMillis() >= retryAt) {
      wake();
    }
  }

  private void drain() {
    while (!closed) {
      Delivery.Outcome outcome;
      try {
        outcome = deliverOne();
      } catch (RuntimeException | IOException | java.sql.SQLException e) {
        failed(e);
        return;
      }
      switch (outcome) {
        case MORE -> {}
        case CAUGHT_UP -> {
          return;
        }
        case LOST -> {
          stop();
          return;
        }
      }
    }
  }

  private Delivery.Outcome deliverOne() throws IOException, java.sql.SQLException {
    if (handlerTarget) {
      return delivery.deliverToHandler(tenant, name, node);
    }
    Optional<Delivery> read = delivery.read(tenant, name, node);
    if (read.isEmpty()) {
      return Delivery.Outcome.LOST;
    }
    Delivery d = read.get();
    if (d.empty()) {
      return Delivery.Outcome.CAUGHT_UP;
    }
    if (d.row().handler().isPresent()) {
      handlerTarget = true; // a subscription's target never changes
      return delivery.deliverToHandler(tenant, name, node);
    }
    if (!d.matched().isEmpty()) {
      byte[] body = WebhookBatch.body(name, d.matched(), d.next());
      String secret = d.row().webhookSecret().orElseThrow();
      URI url = URI.create(d.row().webhookUrl().orElseThrow());
      int status = webhooks.post(url, body, WebhookBatch.signature(secret, body));
      if (status < 200 || status > 299) {
        throw new DeliveryFailedException("the webhook answered " + status, false, null);
      }
    }
    return delivery.advance(tenant, name, node, d) ? d.acknowledged() : Delivery.Outcome.LOST;
  }

  /** The failure seam: record it, then retry the same batch after the pause. */
  private void failed(Exception e) {
    boolean permanent = unwrap(e) instanceof DeliveryFailedException f && f.permanent();
    Throwable cause = unwrap(e);
    String error =
        cause instanceof DeliveryFailedException
            ? cause.getMessage()
            : "delivery failed: " + Failures.describe(cause);
    try {
      delivery.recordFailure(tenant, name, node, error, permanent);
    } catch (RuntimeException | java.sql.SQLException recordFailed) {
      LOG.log(
          Level.WARNING,
          "Could not record the failure of subscription {0}/{1}: {2}",
          new Object[] {tenant, name, Failures.describe(recordFailed)});
    }
    LOG.log(Level.FINE, "Subscription {0}/{1} failed: {2}", new Object[] {tenant, name, error});
    if (permanent) {
      stop();
      return;
    }
    retryAt = System.currentTimeMillis() + backoffMs;
    executor.schedule(this::wake, backoffMs, TimeUnit.MILLISECONDS);
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (t instanceof jakarta.ejb.EJBException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private void stop() {
    close();
    onStop.accept(this);
  }
}
