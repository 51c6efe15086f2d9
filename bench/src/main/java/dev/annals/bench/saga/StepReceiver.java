package dev.annals.bench.saga;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.annals.bench.driver.Latencies;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service the benchmark's sagas call, in the harness JVM: every POST to {@code /step/...} is
 * answered at once with 200 and an empty JSON object, so a saga's time beyond its calls' is the
 * engine's.
 */
final class StepReceiver implements AutoCloseable {

  private static final byte[] ANSWER = "{}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(16);
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  StepReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.createContext("/step/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** The URL of a step: {@code http://127.0.0.1:<port>/step/<name>}. */
  String url(String step) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/step/" + step;
  }

  /** Calls answered so far. */
  long calls() {
    return calls.get();
  }

  /**
   * The receiver's own latency as a client sees it: three calls in a row, by {@code callers} at
   * once for {@code window}, each round's time recorded in {@code latencies}; rounds per second.
   */
  double rounds(int callers, Duration window, Latencies latencies) throws InterruptedException {
    long end = System.nanoTime() + window.toNanos();
    AtomicLong rounds = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < callers; i++) {
      threads.add(
          SagaBench.started(
              () -> {
                try {
                  while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    for (String step : SagaBench.STEPS) {
                      client.send(
                          HttpRequest.newBuilder(URI.create(url(step)))
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString("{\"n\":\"1\"}"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                    }
                    long took = System.nanoTime() - s;
                    synchronized (latencies) {
                      latencies.recordNanos(took);
                    }
                    rounds.incrementAndGet();
                  }
                } catch (IOException e) {
                  failures.incrementAndGet();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }));
    }
    for (Thread t : threads) {
      t.join();
    }
    return rounds.get() / ((System.nanoTime() - t0) / 1e9);
  }

  /** Calls of {@link #rounds} that failed. */
  long failures() {
    return failures.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    calls.incrementAndGet();
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, ANSWER.length);
    exchange.getResponseBody().write(ANSWER);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
