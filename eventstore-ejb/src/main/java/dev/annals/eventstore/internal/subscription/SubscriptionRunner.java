package dev.annals.eventstore.internal.subscription;

import dev.annals.dlq.api.LetterRetries;
import dev.annals.dlq.api.StreamReleasedException;
import dev.annals.eventstore.api.Recheck;
import dev.annals.eventstore.api.Wakeups;
import dev.annals.eventstore.api.subscription.SubscriptionTarget;
import dev.annals.eventstore.infrastructure.subscription.WebhookBatch;
import dev.annals.eventstore.infrastructure.subscription.WebhookClient;
import dev.annals.tenancy.api.TenantId;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives one subscription on this node while the node holds its lease: woken by {@link Wakeups} (or
 * the driver), it delivers batch after batch until caught up, one batch at a time (so per-stream
 * order holds), always reading from the database by checkpoint. A failed batch is tried again,
 * whole once and then one event at a time, and its event at fault leaves the flow as a retrying
 * letter that is delivered again beside it when due ({@link FailedDeliveries}, {@link
 * FailureHandling}), so one failing event never holds the others; an open circuit breaker, its own
 * or its webhook host's ({@link HostBreakers}), pauses it. When a batch ends short while committed
 * events wait behind an older open transaction, it reads again soon ({@link Recheck}) instead of
 * waiting for a wake-up that transaction may never send. After a full batch to a handler, the next
 * batch takes the page read ahead while that batch committed ({@link ReadAhead}), if it still fits.
 * It stops when the node loses the lease, or the subscription is paused, stopped or deleted.
 */
final class SubscriptionRunner {

  /** The longest pause between reads while events stay held back by an open transaction. */
  static final long MAX_RECHECK_MILLIS = 500;

  private final TenantId tenant;
  private final String name;
  private final String node;
  private final DeliveryBean delivery;
  private final WebhookClient webhooks;
  private final ScheduledExecutorService executor;
  private final long wakeDelayMs;
  private final FailureHandling failures;
  private final FailedDeliveries failed;
  private final HostBreakers hosts;
  private final java.util.function.Consumer<SubscriptionRunner> onStop;

  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicBoolean recheckPending = new AtomicBoolean();
  private volatile boolean again;
  private volatile boolean closed;
  private volatile long retryAt;
  private volatile boolean handlerTarget;
  private volatile long hostPauseMs;
  private boolean progressed; // by the last delivery attempt; read and written by the running task
  private Sent refused; // the webhook batch last refused, and its body; by the running task

  /** A webhook batch as it was sent. */
  private record Sent(Delivery delivery, byte[] body) {}

  private ReadAhead ahead; // the page after the last full batch; read and written by the task
  private boolean catchingUp; // the last batch of this pass was full; read and written by the task
  private final Recheck recheck = new Recheck(MAX_RECHECK_MILLIS);
  private Wakeups.Registration registration;

  SubscriptionRunner(
      TenantId tenant,
      String name,
      String node,
      DeliveryBean delivery,
      WebhookClient webhooks,
      ScheduledExecutorService executor,
      long backoffMs,
      long wakeDelayMs,
      FailureHandling failures,
      LetterRetries retries,
      HostBreakers hosts,
      java.util.function.Consumer<SubscriptionRunner> onStop) {
    this.tenant = tenant;
    this.name = name;
    this.node = node;
    this.delivery = delivery;
    this.webhooks = webhooks;
    this.executor = executor;
    this.wakeDelayMs = wakeDelayMs;
    this.failures = failures;
    this.failed =
        new FailedDeliveries(
            tenant,
            name,
            node,
            delivery,
            retries,
            failures,
            backoffMs,
            new FailedDeliveries.Runner() {
              @Override
              public void retryAfter(long ms) {
                SubscriptionRunner.this.retryAfter(ms);
              }

              @Override
              public void wakeIn(long ms) {
                executor.schedule(SubscriptionRunner.this::wake, ms, TimeUnit.MILLISECONDS);
              }

              @Override
              public void stop() {
                SubscriptionRunner.this.stop();
              }
            });
    this.hosts = hosts;
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

  /**
   * Something may have changed: deliver soon, unless a failed batch waits for its retry time. With
   * a wake delay (projections) the runner starts that much later and, after each pass, waits again
   * before the next, so the commits of that time are read in one batch.
   */
  void wake() {
    again = true;
    if (!closed && busy.compareAndSet(false, true)) {
      if (wakeDelayMs > 0) {
        executor.schedule(this::run, wakeDelayMs, TimeUnit.MILLISECONDS);
      } else {
        executor.execute(this::run);
      }
    }
  }

  private void run() {
    try {
      while (again && !closed && System.currentTimeMillis() >= retryAt) {
        again = false;
        drain();
        if (wakeDelayMs > 0) {
          break; // woken meanwhile: the next pass waits its delay (below)
        }
      }
    } finally {
      busy.set(false);
    }
    if (again && !closed && System.currentTimeMillis() >= retryAt) {
      wake();
    }
  }

  private void drain() {
    try {
      deliverAll();
    } finally {
      catchingUp = false; // a pass starts at the handler's batch size
      giveUpReadAhead(); // only the very next batch of a pass takes a page read ahead
    }
  }

  private void giveUpReadAhead() {
    if (ahead != null) {
      ahead.cancel();
      ahead = null;
    }
  }

  private void deliverAll() {
    while (!closed) {
      long paused = failures.waitMs();
      if (paused > 0) {
        retryAfter(paused); // the breaker is open: nothing is tried, so nothing is skipped
        return;
      }
      failed.retryDue();
      if (closed) {
        return;
      }
      Delivery.Outcome outcome;
      long started = System.currentTimeMillis();
      try {
        outcome = deliverOne();
      } catch (RuntimeException | IOException | java.sql.SQLException e) {
        giveUpReadAhead();
        catchingUp = false;
        if (unwrap(e) instanceof StreamReleasedException) {
          continue; // a redrive released the stream meanwhile: deliver its events instead
        }
        if (failed.failed(unwrap(e), System.currentTimeMillis() - started)) {
          continue;
        }
        return;
      }
      long recheckIn = recheck.after(outcome == Delivery.Outcome.HELD_BACK, progressed);
      switch (outcome) {
        case MORE -> {}
        case CAUGHT_UP -> {
          return;
        }
        case PAUSED -> {
          retryAfter(hostPauseMs); // the webhook host's breaker: nothing was tried
          return;
        }
        case HELD_BACK -> {
          // the transaction holding events back may end without a wake-up: look again soon
          if (recheckPending.compareAndSet(false, true)) {
            executor.schedule(
                () -> {
                  recheckPending.set(false);
                  wake();
                },
                recheckIn,
                TimeUnit.MILLISECONDS);
          }
          return;
        }
        case LOST -> {
          failures.reset();
          stop();
          return;
        }
      }
    }
  }

  private Delivery.Outcome deliverOne() throws IOException, java.sql.SQLException {
    boolean narrow = failures.narrow();
    progressed = false;
    // The batch a receiver just refused goes again whole, as read and sent: its checkpoint
    // compare-and-set below still guards against a reset or another node meanwhile.
    Sent again = failed.takeSameBatch() ? refused : null;
    refused = null;
    if (handlerTarget) {
      boolean endsFailures = !failed.retrying();
      ReadAhead page = ahead;
      ahead = null; // the delivery takes it or gives it up
      DeliveryBean.HandlerDelivery done =
          delivery.deliverToHandler(tenant, name, node, narrow, endsFailures, catchingUp, page);
      ahead = done.readAhead().orElse(null);
      catchingUp = done.outcome() == Delivery.Outcome.MORE;
      if (!done.delivered().isEmpty()) {
        failed.delivered(endsFailures);
      }
      failures.succeeded(done.delivered(), done.next());
      progressed = !done.delivered().isEmpty() || done.outcome() == Delivery.Outcome.MORE;
      return done.outcome();
    }
    Optional<Delivery> read =
        again != null ? Optional.of(again.delivery()) : delivery.read(tenant, name, node, narrow);
    if (read.isEmpty()) {
      return Delivery.Outcome.LOST;
    }
    Delivery d = read.get();
    if (d.empty()) {
      return d.acknowledged();
    }
    progressed = true;
    if (d.row().handler().isPresent()) {
      handlerTarget = true; // a subscription's target never changes
      return deliverOne();
    }
    if (!d.matched().isEmpty()) {
      byte[] body = again != null ? again.body() : WebhookBatch.body(name, d.matched(), d.next());
      URI url = URI.create(d.row().webhookUrl().orElseThrow());
      String host = SubscriptionTarget.Webhook.host(url);
      long paused = hosts.permit(tenant, host);
      if (paused > 0) {
        hostPauseMs = paused;
        return Delivery.Outcome.PAUSED;
      }
      int status;
      try {
        status = webhooks.post(tenant, d.row(), body);
      } catch (IOException e) {
        hosts.record(tenant, host, false, 1);
        refused = new Sent(d, body);
        throw new DeliveryFailedException(
            "the webhook did not answer: " + Failures.describe(e), false, e, d.matched());
      }
      boolean ok = status >= 200 && status <= 299;
      hosts.record(tenant, host, ok, ok ? d.matched().size() : 1); // one success per event
      if (!ok) {
        refused = new Sent(d, body);
        throw new DeliveryFailedException(
            "the webhook answered " + status, false, null, d.matched());
      }
    }
    boolean endsFailures = !failed.retrying();
    if (!delivery.advance(tenant, name, node, d, endsFailures)) {
      return Delivery.Outcome.LOST;
    }
    if (!d.matched().isEmpty()) {
      failed.delivered(endsFailures);
    }
    failures.succeeded(d.matched(), d.next());
    return d.acknowledged();
  }

  private void retryAfter(long ms) {
    retryAt = System.currentTimeMillis() + ms;
    executor.schedule(this::wake, ms, TimeUnit.MILLISECONDS);
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
