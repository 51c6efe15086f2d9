package dev.annals.bench.saga;

import dev.annals.bench.BenchConfig;
import dev.annals.bench.driver.Latencies;
import dev.annals.devservices.DevIssuer;
import dev.annals.saga.api.SagaState;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Sagas of a 3-step declarative type against a receiver in the harness JVM that answers at once.
 * Latency, one saga at a time: from its start to its completion by the server's clock (the saga's
 * {@code startedAt} and {@code finishedAt}), against the receiver's own latency, three calls in a
 * row from this JVM. Throughput: {@code clients} callers start sagas for the measured window, then
 * the run waits until none runs; sagas/s is the sagas completed over the server's time from the
 * first start to the last update, against three receiver calls in a row from as many callers.
 */
public final class SagaBench {

  /**
   * What the run measured.
   *
   * @param sagaLatency one saga, start to completion (server clock)
   * @param receiverLatency three calls to the receiver in a row (this JVM's clock)
   * @param clients callers of the throughput run
   * @param sagasPerSecond sagas completed per second
   * @param receiverPerSecond three-call rounds per second against the receiver alone
   * @param sagas sagas measured in both runs
   * @param errors sagas that did not complete, and refused starts
   */
  public record Results(
      Latencies sagaLatency,
      Latencies receiverLatency,
      int clients,
      double sagasPerSecond,
      double receiverPerSecond,
      long sagas,
      long errors) {}

  /** The tenant the sagas run in. */
  public static final String TENANT = "bench_sagas";

  private static final Logger LOG = Logger.getLogger(SagaBench.class.getName());
  static final String[] STEPS = {"one", "two", "three"};
  private static final Duration PATIENCE = Duration.ofMinutes(10);

  private final URI base;
  private final String authorization;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicLong errors = new AtomicLong();

  private SagaBench(URI base, DevIssuer issuer) {
    this.base = base;
    this.authorization =
        "Bearer "
            + issuer.mint(
                "bench-sagas",
                List.of("tenant-admin", "writer", "reader"),
                List.of(TENANT),
                Duration.ofDays(1));
  }

  /**
   * Runs both measurements with the run's warm-up, window and saga clients. A sagas-only run first
   * warms the server up with sagas for {@code bench.serverWarmupMs}, half one at a time and half by
   * the clients (unmeasured; the full run's server warm-up has other workloads).
   */
  public static Results run(BenchConfig config, URI base, DevIssuer issuer)
      throws IOException, InterruptedException {
    if (config.sagasOnly() && !config.serverWarmup().isZero()) {
      SagaBench warm = new SagaBench(base, issuer);
      try (StepReceiver receiver = new StepReceiver()) {
        warm.define("bench-warm", receiver);
        LOG.info(() -> "Warming the server up with sagas for " + config.serverWarmup());
        warm.oneAtATime("bench-warm", config.serverWarmup().dividedBy(2));
        warm.load("bench-warm", config.sagaClients(), config.serverWarmup().dividedBy(2));
      }
    }
    return run(base, issuer, config.warmup(), config.duration(), config.sagaClients());
  }

  /**
   * Runs both measurements in the (existing) tenant {@link #TENANT}.
   *
   * @param clients callers of the throughput run
   */
  public static Results run(
      URI base, DevIssuer issuer, Duration warmup, Duration duration, int clients)
      throws IOException, InterruptedException {
    SagaBench bench = new SagaBench(base, issuer);
    try (StepReceiver receiver = new StepReceiver()) {
      bench.define("bench-one", receiver);
      bench.define("bench-load", receiver);
      LOG.info("Sagas: one at a time");
      bench.oneAtATime("bench-one", warmup); // unmeasured
      Latencies sagas = bench.oneAtATime("bench-one", duration);
      Latencies calls = new Latencies();
      receiver.rounds(1, warmup, new Latencies()); // unmeasured
      receiver.rounds(1, duration, calls);
      LOG.info(() -> "Sagas: " + clients + " clients starting them");
      double perSecond = bench.load("bench-load", clients, duration);
      double rounds = receiver.rounds(clients, duration, new Latencies());
      return new Results(
          sagas,
          calls,
          clients,
          perSecond,
          rounds,
          sagas.count(),
          bench.errors.get() + receiver.failures());
    }
  }

  private void define(String type, StepReceiver receiver) throws IOException, InterruptedException {
    StringBuilder json = new StringBuilder("{\"steps\":[");
    for (int i = 0; i < STEPS.length; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"name\":\"")
          .append(STEPS[i])
          .append("\",\"action\":{\"method\":\"POST\",\"url\":\"")
          .append(receiver.url(STEPS[i]))
          .append("\",\"body\":{\"n\":\"${data.n}\"}},\"compensation\":{\"method\":\"POST\",")
          .append("\"url\":\"")
          .append(receiver.url(STEPS[i] + "/undo"))
          .append("\"}}");
    }
    json.append("]}");
    HttpResponse<String> r =
        send(
            request("/api/tenants/" + TENANT + "/saga-types/" + type)
                .PUT(HttpRequest.BodyPublishers.ofString(json.toString()))
                .build());
    if (r.statusCode() != 201 && r.statusCode() != 200) {
      throw new IOException("Defining saga type " + type + ": " + r.statusCode() + " " + r.body());
    }
  }

  /** Sagas one after another for {@code window}; each one's start-to-completion time. */
  private Latencies oneAtATime(String type, Duration window)
      throws IOException, InterruptedException {
    Latencies latencies = new Latencies();
    long end = System.nanoTime() + window.toNanos();
    do {
      String id = start(type);
      if (id == null) {
        continue;
      }
      JsonObject done = awaitRest(id);
      if (!SagaState.COMPLETED.wireName().equals(done.getString("state"))) {
        errors.incrementAndGet();
        continue;
      }
      Duration took =
          Duration.between(
              Instant.parse(done.getString("startedAt")),
              Instant.parse(done.getString("finishedAt")));
      latencies.recordNanos(took.toNanos());
    } while (System.nanoTime() < end);
    return latencies;
  }

  /**
   * {@code clients} callers start sagas for {@code window}; then waits until none runs. Sagas
   * completed per second of the server's time from the first start to the last update.
   */
  private double load(String type, int clients, Duration window) throws InterruptedException {
    long end = System.nanoTime() + window.toNanos();
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      callers.add(
          started(
              () -> {
                try {
                  while (System.nanoTime() < end) {
                    start(type);
                  }
                } catch (IOException e) {
                  errors.incrementAndGet();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }));
    }
    for (Thread t : callers) {
      t.join();
    }
    try {
      return completedPerSecond(type);
    } catch (IOException e) {
      errors.incrementAndGet();
      return 0;
    }
  }

  /** Waits until no saga of {@code type} runs, then pages them all. */
  private double completedPerSecond(String type) throws IOException, InterruptedException {
    String sagas = "/api/tenants/" + TENANT + "/sagas?type=" + type;
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!get(sagas + "&state=running&limit=1").getJsonArray("sagas").isEmpty()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IOException("sagas of " + type + " still run after " + PATIENCE);
      }
      Thread.sleep(50);
    }
    Instant first = Instant.MAX;
    Instant last = Instant.MIN;
    long completed = 0;
    String after = null;
    do {
      JsonObject page = get(sagas + "&limit=1000" + (after == null ? "" : "&after=" + after));
      for (JsonValue v : page.getJsonArray("sagas")) {
        JsonObject s = v.asJsonObject();
        Instant started = Instant.parse(s.getString("startedAt"));
        Instant updated = Instant.parse(s.getString("updatedAt"));
        first = started.isBefore(first) ? started : first;
        last = updated.isAfter(last) ? updated : last;
        if (SagaState.COMPLETED.wireName().equals(s.getString("state"))) {
          completed++;
        } else {
          errors.incrementAndGet();
        }
      }
      after = page.getString("next", null);
    } while (after != null);
    double seconds = completed == 0 ? 1 : Duration.between(first, last).toNanos() / 1e9;
    return completed / Math.max(seconds, 1e-3);
  }

  static Thread started(Runnable work) {
    Thread t = new Thread(work);
    t.start();
    return t;
  }

  /** Starts a saga; its id, or null (counted as an error) when refused. */
  private String start(String type) throws IOException, InterruptedException {
    HttpResponse<String> r =
        send(
            request("/api/tenants/" + TENANT + "/sagas")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"" + type + "\",\"data\":{\"n\":\"1\"}}"))
                .build());
    if (r.statusCode() != 201) {
      errors.incrementAndGet();
      return null;
    }
    return json(r.body()).getString("id");
  }

  private JsonObject awaitRest(String id) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (true) {
      JsonObject saga = get("/api/tenants/" + TENANT + "/sagas/" + id);
      String state = saga.getString("state");
      if (!SagaState.RUNNING.wireName().equals(state)
          && !SagaState.COMPENSATING.wireName().equals(state)) {
        return saga;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IOException("saga " + id + " still " + state + " after " + PATIENCE);
      }
      Thread.sleep(2);
    }
  }

  private JsonObject get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = send(request(path).GET().build());
    if (r.statusCode() != 200) {
      throw new IOException(path + ": " + r.statusCode() + " " + r.body());
    }
    return json(r.body());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Authorization", authorization);
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
