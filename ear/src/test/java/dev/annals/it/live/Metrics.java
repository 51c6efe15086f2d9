package dev.annals.it.live;

import dev.annals.it.ItServer;
import dev.annals.it.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one application metric from the server's Prometheus text. */
final class Metrics {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Metrics() {}

  /**
   * The value of {@code name} (e.g. {@code annals_wakeups_polling}); NaN while the server has not
   * registered it (a gauge appears once its bean exists).
   */
  static double value(String name) throws IOException, InterruptedException {
    return value(ItServer.baseUri(), name);
  }

  /** The value of {@code name} on the node at {@code base}; NaN when absent. */
  static double value(URI base, String name) throws IOException, InterruptedException {
    Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$");
    HttpResponse<String> metrics =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/metrics"))
                .header("Authorization", "Bearer " + Tokens.platformAdmin()) // admins only
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (metrics.statusCode() != 200) {
      return Double.NaN; // a node still starting: its application (and metrics guard) not up yet
    }
    for (String l : metrics.body().lines().toList()) {
      Matcher m = line.matcher(l);
      if (m.matches()) {
        return Double.parseDouble(m.group(2));
      }
    }
    return Double.NaN;
  }

  /** Waits until {@code name} on the node at {@code base} is {@code value} (60 s at most). */
  static void await(URI base, String name, double value) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (value(base, name) != value) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + " at " + base + " never became " + value);
      }
      Thread.sleep(100);
    }
  }

  /** Waits until the counter {@code name} on the node at {@code base} exceeds {@code than}. */
  static void awaitAbove(URI base, String name, double than) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (count(base, name) <= than) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + " at " + base + " never exceeded " + than);
      }
      Thread.sleep(50);
    }
  }

  /** A counter's value: 0 before its first increment registered it. */
  static double count(String name) throws IOException, InterruptedException {
    return count(ItServer.baseUri(), name);
  }

  static double count(URI base, String name) throws IOException, InterruptedException {
    double v = value(base, name);
    return Double.isNaN(v) ? 0 : v;
  }
}
