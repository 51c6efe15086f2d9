package dev.annals.web.rest.live;

import dev.annals.eventstore.api.AllScan;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.ReadForm;
import dev.annals.eventstore.api.Recheck;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.Wakeups;
import dev.annals.eventstore.api.subscription.SubscriptionFilter;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.UnavailableException;
import dev.annals.web.rest.EventPagesWriter;
import dev.annals.web.rest.EventView;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client's live feed. A wake-up (or the start) marks the feed dirty and schedules one drain:
 * scan $all by checkpoint until a short scan (the database returns only matching events), send
 * them, and once the first catch-up is done send the comment {@code live}. When the last scan found
 * committed events held back behind an older open transaction, the feed reads again soon ({@link
 * Recheck}) rather than waiting for a wake-up that transaction may never send. Drains never
 * overlap, so the position is read and written by one task at a time, and events go out in $all
 * order.
 *
 * <p>Bounded: sends not yet taken by the client count against {@code annals.live.max-unsent-bytes};
 * an event that would exceed it, or a backlog that made no progress over a whole heartbeat period,
 * disconnects the client (it resumes with {@code Last-Event-ID}, losing nothing).
 */
final class LiveFeed {

  private static final Logger LOG = Logger.getLogger(LiveFeed.class.getName());

  /** The final event's name when the server ends the stream (not a valid event type). */
  static final String CLOSED_EVENT = "annals:closed";

  /** The longest pause between reads while events stay held back by an open transaction. */
  static final long MAX_RECHECK_MILLIS = 500;

  /** How soon a read that found the store unavailable is tried again. */
  private static final long RETRY_MILLIS = 1_000;

  private final LiveFeeds feeds;
  private final TenantId tenant;
  private final SubscriptionFilter storeFilter;
  private final ReadForm form;
  private final Optional<Instant> until;
  private final SseEventSink sink;
  private final Sse sse;
  private final AtomicBoolean dirty = new AtomicBoolean(true);
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean expired;
  private final AtomicBoolean ending = new AtomicBoolean();
  private final AtomicBoolean recheckPending = new AtomicBoolean();
  private final AtomicLong unsentBytes = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private long sentAtLastHeartbeat;
  private Checkpoint position;
  private boolean live;
  private Wakeups.Registration registration;
  private ScheduledFuture<?> heartbeats;
  private ScheduledFuture<?> expiry;
  private final Recheck recheck = new Recheck(MAX_RECHECK_MILLIS);
  private boolean progressed; // by the current drain

  LiveFeed(
      LiveFeeds feeds,
      TenantId tenant,
      Checkpoint after,
      LiveFilter filter,
      ReadForm form,
      Optional<Instant> until,
      SseEventSink sink,
      Sse sse) {
    this.feeds = feeds;
    this.form = form;
    this.until = until;
    this.tenant = tenant;
    this.position = after;
    this.storeFilter = filter.filter();
    this.sink = sink;
    this.sse = sse;
  }

  void start() {
    registration = feeds.wakeups.listen(tenant, this::wake);
    long every = Math.max(10, feeds.heartbeatMs);
    try {
      heartbeats =
          feeds.executor.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
      if (until.isPresent()) {
        long left = Math.max(0, Duration.between(Instant.now(), until.get()).toMillis());
        expiry = feeds.executor.schedule(this::expire, left, TimeUnit.MILLISECONDS);
      }
    } catch (RejectedExecutionException e) {
      close();
      return;
    }
    wake();
  }

  /** Something may have changed: read soon (never here: this runs on the wake-up thread). */
  private void wake() {
    dirty.set(true);
    if (!closed.get() && draining.compareAndSet(false, true)) {
      try {
        feeds.executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        draining.set(false);
        close();
      }
    }
  }

  /** The caller's token is no longer accepted: the next drain says so and ends the stream. */
  private void expire() {
    expired = true;
    wake();
  }

  private void drain() {
    try {
      AllScan last = null;
      progressed = false;
      while (!closed.get() && !expired && dirty.getAndSet(false)) {
        last = readToEnd();
      }
      if (last != null && !closed.get() && !expired) {
        recheckLater(recheck.after(last.heldBack(), progressed));
      }
      if (expired) {
        endExpired();
      } else if (!live && !closed.get()) {
        live = true;
        send(sse.newEventBuilder().comment("live").build(), 0);
      }
    } catch (UnavailableException e) {
      // The database is briefly unreachable or the tenant's move is switching: try again soon.
      retryLater();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "A live feed of " + tenant + " ended: reading failed", e);
      close();
    } finally {
      draining.set(false);
    }
    if (dirty.get() && !closed.get()) {
      wake();
    }
  }

  /**
   * Events wait behind an open transaction that may end without a wake-up: read again after {@code
   * millis} (nothing when negative).
   */
  private void recheckLater(long millis) {
    if (millis < 0 || !recheckPending.compareAndSet(false, true)) {
      return; // nothing held back, or a re-read is already due
    }
    try {
      feeds.executor.schedule(
          () -> {
            recheckPending.set(false);
            wake();
          },
          millis,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      recheckPending.set(false);
      close();
    }
  }

  private void retryLater() {
    try {
      feeds.executor.schedule(this::wake, RETRY_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      close();
    }
  }

  /**
   * Scans on from the position until a short scan; only matching events come back from the
   * database, and the position moves past the rest. Returns the last scan.
   */
  private AllScan readToEnd() {
    AllScan scan;
    do {
      scan = feeds.store.follow(tenant, position, feeds.pageSize, form, storeFilter);
      for (RecordedEvent e : scan.events()) {
        if (closed.get() || expired) {
          return scan;
        }
        sendEvent(e);
      }
      progressed |= !scan.checkpoint().equals(position);
      position = scan.checkpoint();
    } while (scan.full());
    return scan;
  }

  /**
   * The last message of a stream whose token expired: the event {@value #CLOSED_EVENT} (a name no
   * event type can have) saying why, without an id, so a reconnect's {@code Last-Event-ID} stays
   * the last event sent. Then the stream ends.
   */
  private void endExpired() {
    if (closed.get() || !ending.compareAndSet(false, true)) {
      return;
    }
    String why =
        "{\"reason\":\"token-expired\",\"detail\":\"The bearer token this stream was opened with"
            + " expired; reconnect with a fresh token and Last-Event-ID.\"}";
    try {
      sink.send(sse.newEventBuilder().name(CLOSED_EVENT).data(why).build())
          .whenComplete((ok, failure) -> close());
    } catch (IllegalStateException e) {
      close();
    }
  }

  private void sendEvent(RecordedEvent e) {
    StringBuilder json = new StringBuilder(256 + e.data().length() + e.metadata().length());
    EventPagesWriter.event(json, EventView.from(e));
    long size = json.length();
    long unsent = unsentBytes.get();
    if (unsent > 0 && unsent + size > feeds.maxUnsentBytes) {
      tooSlow();
      return;
    }
    send(
        sse.newEventBuilder()
            .id(e.position().toString())
            .name(e.type())
            .data(json.toString())
            .build(),
        size);
  }

  private void send(OutboundSseEvent event, long size) {
    unsentBytes.addAndGet(size);
    try {
      sink.send(event)
          .whenComplete(
              (ok, failure) -> {
                unsentBytes.addAndGet(-size);
                sent.incrementAndGet();
                if (failure != null) {
                  close(); // the client has gone
                }
              });
    } catch (IllegalStateException e) {
      close(); // closed meanwhile
    }
  }

  /**
   * A comment every heartbeat period while the client keeps up; a client whose backlog did not
   * shrink at all over a whole period is too slow.
   */
  private void heartbeat() {
    if (sink.isClosed()) {
      close();
      return;
    }
    long done = sent.get();
    if (unsentBytes.get() > 0) {
      if (done == sentAtLastHeartbeat) {
        tooSlow();
      }
    } else {
      send(sse.newEventBuilder().comment("heartbeat").build(), 0);
    }
    sentAtLastHeartbeat = done;
  }

  private void tooSlow() {
    if (!closed.get()) {
      feeds.countTooSlow();
      LOG.fine(() -> "A live feed of " + tenant + " fell behind and was disconnected");
      close();
    }
  }

  void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (registration != null) {
      registration.close();
    }
    if (heartbeats != null) {
      heartbeats.cancel(false);
    }
    if (expiry != null) {
      expiry.cancel(false);
    }
    try {
      sink.close();
    } catch (java.io.IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Closing a live feed's sink failed", e);
    }
    feeds.closed(this);
  }
}
