package dev.annals.it.saga;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The services a declarative saga calls, in the test JVM: every request to {@code /steps/<path>} is
 * recorded (path, idempotency key, correlation id, body) and answered with the next status scripted
 * for its path, or 200 once the script is spent. A 2xx carries {@code {"<last path segment>":
 * "ok"}} so the saga's data shows what ran.
 */
public final class StepReceiver implements AutoCloseable {

  /**
   * One call as received.
   *
   * @param path the path after /steps/
   * @param idempotencyKey the Idempotency-Key header
   * @param correlationId the X-Correlation-Id header
   * @param body the body
   * @param status what the receiver answered
   */
  public record Call(
      String path, String idempotencyKey, String correlationId, String body, int status) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Integer> always = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

  public StepReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/steps/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool()); // a held call blocks no other
    server.start();
  }

  /** The base URL steps call: {@code http://127.0.0.1:<port>/steps/}. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/steps/";
  }

  /** The next calls to {@code path} answer these statuses, in order. */
  public void script(String path, Integer... statuses) {
    scripts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(statuses));
  }

  /** Every call to {@code path} answers {@code status}. */
  public void always(String path, int status) {
    always.put(path, status);
  }

  /**
   * The first call to {@code path} is recorded, then held unanswered until {@link #release}: a step
   * in flight.
   */
  public void holdFirst(String path) {
    holds.put(path, new CountDownLatch(1));
    held.put(path, new CountDownLatch(1));
  }

  /** Waits until the first call to {@code path} is being held. */
  public void awaitHeld(String path) throws InterruptedException {
    if (!held.get(path).await(2, TimeUnit.MINUTES)) {
      throw new AssertionError("no call to " + path + " came");
    }
  }

  /** Lets the held call to {@code path} answer (into a closed connection, after a kill). */
  public void release(String path) {
    holds.get(path).countDown();
  }

  /** Calls to {@code path} answer as scripted again (200 when nothing is). */
  public void recover(String path) {
    always.remove(path);
  }

  /** The calls whose path starts with {@code prefix}, in the order received. */
  public List<Call> calls(String prefix) {
    return calls.stream().filter(c -> c.path().startsWith(prefix)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath().substring("/steps/".length());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Deque<Integer> script = scripts.get(path);
    Integer next = script == null ? null : script.pollFirst();
    int status = next != null ? next : always.getOrDefault(path, 200);
    calls.add(
        new Call(
            path,
            exchange.getRequestHeaders().getFirst("Idempotency-Key"),
            exchange.getRequestHeaders().getFirst("X-Correlation-Id"),
            body,
            status));
    CountDownLatch hold = holds.get(path);
    if (hold != null && held.get(path).getCount() > 0) {
      held.get(path).countDown();
      try {
        hold.await(3, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    byte[] answer =
        status < 300 ? ("{\"" + name + "\":\"ok\"}").getBytes(StandardCharsets.UTF_8) : new byte[0];
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
    if (answer.length > 0) {
      exchange.getResponseBody().write(answer);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
