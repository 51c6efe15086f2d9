package dev.annals.bench.live;

import dev.annals.bench.BenchConfig;
import dev.annals.bench.http.AnnalsHttp;
import dev.annals.bench.server.BenchServer;
import dev.annals.devservices.DevIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The delivery benchmarks of issue 11, on the running bench server (node A) and a second node
 * {@value #NODE_B} started beside it on the same database and Redis: append on A → SSE client on B
 * at a fixed rate, then many SSE clients held open on A. Each has a tenant of its own, so the held
 * clients do not first catch up on the latency run's events.
 */
public final class LiveBench {

  /**
   * Both results.
   *
   * @param crossNode append on node A, SSE client on node B
   * @param held many SSE clients on one node
   */
  public record Results(LiveResult crossNode, LiveResult held) {}

  /** The second node's Liberty server name. */
  public static final String NODE_B = "annals-bench-b";

  static final String CROSS_NODE_TENANT = "bench_live";
  static final String HELD_TENANT = "bench_held";

  private static final Logger LOG = Logger.getLogger(LiveBench.class.getName());

  private LiveBench() {}

  /**
   * Runs both benchmarks.
   *
   * @param nodeA the running bench server
   * @param environment what node A was started with (database, Redis, issuer): node B gets the same
   */
  public static Results run(
      BenchConfig config,
      LiveConfig live,
      DevIssuer issuer,
      AnnalsHttp http,
      URI nodeA,
      Map<String, String> environment)
      throws IOException, InterruptedException {
    http.createTenant(CROSS_NODE_TENANT);
    http.createTenant(HELD_TENANT);
    String authorization =
        "Bearer "
            + issuer.mint(
                "bench-live",
                List.of("writer", "reader"),
                List.of(CROSS_NODE_TENANT, HELD_TENANT),
                Duration.ofDays(1));
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    LiveResult crossNode;
    LOG.info(() -> "Starting the second node " + NODE_B);
    try (BenchServer nodeB =
        BenchServer.start(config, NODE_B, live.httpPortB(), live.jmsPortB(), environment)) {
      LOG.info(
          () ->
              "Append on node A → SSE on node B at "
                  + live.rate()
                  + " appends/s for "
                  + live.duration());
      crossNode =
          CrossNodeLatency.run(
              client, nodeA, nodeB.baseUri(), CROSS_NODE_TENANT, authorization, live);
    }
    LOG.info(() -> live.holdClients() + " SSE clients on one node for " + live.holdDuration());
    LiveResult held = HeldClients.run(client, nodeA, HELD_TENANT, authorization, live);
    return new Results(crossNode, held);
  }
}
