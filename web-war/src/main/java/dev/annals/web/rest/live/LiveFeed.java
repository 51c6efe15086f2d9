package dev.annals.web.rest.live;

import dev.annals.eventstore.api.AllSlice;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.Wakeups;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.UnavailableException;
import dev.annals.web.rest.EventPagesWriter;
import dev.annals.web.rest.EventView;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client's live feed. A wake-up (or the start) marks the feed dirty and schedules one drain:
 * read $all pages by checkpoint until a short page, send the matching events, and once the first
 * catch-up is done send the comment {@code live}. Drains never overlap, so the position is read and
 * written by one task at a time, and events go out in $all order.
 *
 * <p>Bounded: sends not yet taken by the client count against {@code annals.live.max-unsent-bytes};
 * an event that would exceed it, or a backlog that made no progress over a whole heartbeat period,
 * disconnects the client (it resumes with {@code Last-Event-ID}, losing nothing).
 */
final class LiveFeed {

  private static final Logger LOG = Logger.getLogger(LiveFeed.class.getName());

  /** How soon a read that found the store unavailable is tried again. */
  private static final long RETRY_MILLIS = 1_000;

  private final LiveFeeds feeds;
  private final TenantId tenant;
  private final LiveFilter filter;
  private final SseEventSink sink;
  private final Sse sse;
  private final AtomicBoolean dirty = new AtomicBoolean(true);
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong unsentBytes = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private long sentAtLastHeartbeat;
  private Checkpoint position;
  private boolean live;
  private Wakeups.Registration registration;
  private ScheduledFuture<?> heartbeats;

  LiveFeed(
      LiveFeeds feeds,
      TenantId tenant,
      Checkpoint after,
      LiveFilter filter,
      SseEventSink sink,
      Sse sse) {
    this.feeds = feeds;
    this.tenant = tenant;
    this.position = after;
    this.filter = filter;
    this.sink = sink;
    this.sse = sse;
  }

  void start() {
    registration = feeds.wakeups.listen(tenant, this::wake);
    long every = Math.max(10, feeds.heartbeatMs);
    try {
      heartbeats =
          feeds.executor.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
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

  private void drain() {
    try {
      while (!closed.get() && dirty.getAndSet(false)) {
        readToEnd();
      }
      if (!live && !closed.get()) {
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

  private void retryLater() {
    try {
      feeds.executor.schedule(this::wake, RETRY_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      close();
    }
  }

  private void readToEnd() {
    AllSlice page;
    do {
      page = feeds.store.readAll(tenant, position, feeds.pageSize);
      for (RecordedEvent e : page.events()) {
        if (closed.get()) {
          return;
        }
        position = e.position();
        if (filter.matches(e)) {
          sendEvent(e);
        }
      }
    } while (page.events().size() == feeds.pageSize);
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
    try {
      sink.close();
    } catch (java.io.IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Closing a live feed's sink failed", e);
    }
    feeds.closed(this);
  }
}
