package dev.annals.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Server-Sent Events client for tests, on {@code java.net.http}: it parses the stream on a thread
 * of its own into {@link Message}s that a test takes with a deadline. Only complete messages (ended
 * by a blank line) count, as in a browser's EventSource.
 */
public final class SseClient implements AutoCloseable {

  /** One message: an event (id, event, data) or a comment. */
  public record Message(String id, String event, String data, String comment) {
    public boolean isComment() {
      return comment != null;
    }
  }

  private static final Message END = new Message(null, null, null, null);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final int status;
  private final String problem;
  private final InputStream body;
  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private volatile boolean ended;

  private SseClient(HttpResponse<InputStream> response) throws IOException {
    this.status = response.statusCode();
    this.body = response.body();
    if (status != 200) {
      problem = new String(body.readAllBytes(), StandardCharsets.UTF_8);
      body.close();
      return;
    }
    problem = null;
    Thread reader = new Thread(this::read, "sse-client");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Opens {@code path} with {@code token} (null: none) and the given headers (name, value, ...);
   * returns once the response's headers arrived.
   */
  public static SseClient open(String path, String token, String... headers) {
    return open(ItServer.baseUri(), path, token, headers);
  }

  /** Opens {@code path} on the server at {@code base} (another node) like {@link #open}. */
  public static SseClient open(java.net.URI base, String path, String token, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/event-stream").GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (headers.length > 0) {
      b.headers(headers);
    }
    try {
      return new SseClient(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Opens {@code path} as a platform admin. */
  public static SseClient open(String path) {
    return open(path, Tokens.platformAdmin());
  }

  public int status() {
    return status;
  }

  /** The body of a refusal (not 200), else null. */
  public String problem() {
    return problem;
  }

  /** Whether the server ended the stream. */
  public boolean ended() {
    return ended;
  }

  /** The next {@code n} events (comments skipped); fails when they do not arrive in time. */
  public List<Message> events(int n, Duration timeout) throws InterruptedException {
    List<Message> out = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (out.size() < n) {
      Message m = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (m == null || m == END) {
        throw new AssertionError(
            "got " + out.size() + " of " + n + " events" + (m == END ? ", then the end" : ""));
      }
      if (!m.isComment()) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * The next event (comments skipped), or empty once the server ended the stream; fails when
   * neither happens in time.
   */
  public java.util.Optional<Message> nextEvent(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Message m = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (m == null) {
        throw new AssertionError("no event and no end within " + timeout);
      }
      if (m == END) {
        messages.add(END); // the end stays the end
        return java.util.Optional.empty();
      }
      if (!m.isComment()) {
        return java.util.Optional.of(m);
      }
    }
  }

  /** Waits for the comment {@code text}; events before it are returned. */
  public List<Message> untilComment(String text, Duration timeout) throws InterruptedException {
    List<Message> before = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Message m = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (m == null || m == END) {
        throw new AssertionError("no comment '" + text + "'; events before: " + before.size());
      }
      if (m.isComment() && m.comment().equals(text)) {
        return before;
      }
      if (!m.isComment()) {
        before.add(m);
      }
    }
  }

  private void read() {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      parse(r, messages::add);
    } catch (IOException e) {
      // closed by the test or the server: the end either way
    } finally {
      ended = true;
      messages.add(END);
    }
  }

  /** Parses SSE text (e.g. what a raw socket received) into its complete messages. */
  public static List<Message> parse(String text) {
    List<Message> out = new ArrayList<>();
    try {
      parse(new BufferedReader(new StringReader(text)), out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void parse(BufferedReader r, Consumer<Message> sink) throws IOException {
    String id = null;
    String event = null;
    StringBuilder data = null;
    String line;
    while ((line = r.readLine()) != null) {
      if (line.isEmpty()) {
        if (data != null || id != null || event != null) {
          sink.accept(new Message(id, event, data == null ? null : data.toString(), null));
        }
        id = null;
        event = null;
        data = null;
      } else if (line.startsWith(":")) {
        sink.accept(new Message(null, null, null, value(line, 1)));
      } else if (line.startsWith("id:")) {
        id = value(line, 3);
      } else if (line.startsWith("event:")) {
        event = value(line, 6);
      } else if (line.startsWith("data:")) {
        data = data == null ? new StringBuilder() : data.append('\n');
        data.append(value(line, 5));
      }
    }
  }

  private static String value(String line, int from) {
    return line.startsWith(" ", from) ? line.substring(from + 1) : line.substring(from);
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException e) {
      // closing a stream the server may have closed already
    }
  }
}
