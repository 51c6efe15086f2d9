package dev.annals.bench.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Server-Sent Events connection to {@code /api/tenants/{t}/events/live}, read without a thread
 * of its own: the HTTP client hands it lines, and each complete event (its {@code data:} line ended
 * by a blank line) is passed to the listener with the moment it was received. A thousand of them
 * cost a thousand connections and the client's few threads.
 */
final class SseFeed implements Flow.Subscriber<String> {

  /** Receives each event's id and the {@link System#nanoTime()} it was complete at. */
  interface Listener {
    void event(String eventId, long receivedNanos);
  }

  private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([^\"]+)\"");

  private final Listener listener;
  private final CompletableFuture<Void> live = new CompletableFuture<>();
  private final AtomicLong events = new AtomicLong();
  private volatile Flow.Subscription subscription;
  private volatile String pendingId;
  private volatile String failure;
  private volatile boolean ended;
  private volatile int status;

  SseFeed(Listener listener) {
    this.listener = listener;
  }

  /**
   * Opens a feed; the returned future completes once the server sent its {@code live} comment
   * (caught up), or exceptionally when the connection failed or was refused.
   */
  static SseFeed open(
      HttpClient client, URI base, String tenant, String authorization, Listener listener) {
    SseFeed feed = new SseFeed(listener);
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/tenants/" + tenant + "/events/live"))
            .header("Accept", "text/event-stream")
            .header("Authorization", authorization)
            .timeout(Duration.ofHours(1))
            .GET()
            .build();
    client
        .sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(feed))
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                feed.fail(error.toString());
              } else {
                feed.status = response.statusCode();
                if (response.statusCode() != 200) {
                  feed.fail("status " + response.statusCode());
                }
              }
            });
    return feed;
  }

  /** Completes once the feed is live. */
  CompletableFuture<Void> live() {
    return live;
  }

  /** Events received. */
  long events() {
    return events.get();
  }

  /** Why the feed failed or ended early; null while it is fine. */
  String failure() {
    return failure != null ? failure : ended ? "the server ended the stream" : null;
  }

  /** Closes the connection. */
  void close() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(String line) {
    if (line.isEmpty()) {
      String id = pendingId;
      if (id != null) {
        pendingId = null;
        events.incrementAndGet();
        listener.event(id, System.nanoTime());
      }
    } else if (line.startsWith("data:")) {
      Matcher m = EVENT_ID.matcher(line);
      pendingId = m.find() ? m.group(1) : null;
    } else if (line.startsWith(": live")) {
      live.complete(null);
    }
  }

  @Override
  public void onError(Throwable t) {
    fail(t.toString());
  }

  @Override
  public void onComplete() {
    ended = true;
    live.completeExceptionally(new IllegalStateException("the stream ended before it was live"));
  }

  private void fail(String why) {
    if (failure == null) {
      failure = why;
    }
    live.completeExceptionally(new IllegalStateException(why));
  }

  int status() {
    return status;
  }
}
