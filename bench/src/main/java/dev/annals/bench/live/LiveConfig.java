package dev.annals.bench.live;

import java.time.Duration;

/**
 * The delivery benchmarks' settings, from system properties {@code bench.live.*} (full-run
 * defaults; quick mode shrinks them, but runs the same code).
 *
 * @param httpPortB the second node's HTTP port ({@code bench.http.port.b}, default the first node's
 *     + 3)
 * @param jmsPortB the second node's messaging port ({@code bench.jms.port.b}, default + 3)
 * @param rate appends per second of the cross-node latency run
 * @param warmup unmeasured appends at that rate before the window
 * @param duration the measured window
 * @param holdClients SSE clients held open on one node
 * @param holdDuration how long they are held (events trickle in meanwhile)
 */
public record LiveConfig(
    int httpPortB,
    int jmsPortB,
    int rate,
    Duration warmup,
    Duration duration,
    int holdClients,
    Duration holdDuration) {

  /** Reads the settings; {@code quick} picks the small defaults. */
  public static LiveConfig fromSystemProperties(boolean quick, int httpPort, int jmsPort) {
    return new LiveConfig(
        Integer.parseInt(prop("bench.http.port.b", Integer.toString(httpPort + 3))),
        Integer.parseInt(prop("bench.jms.port.b", Integer.toString(jmsPort + 3))),
        Integer.parseInt(prop("bench.live.rate", quick ? "200" : "1000")),
        Duration.ofMillis(Long.parseLong(prop("bench.live.warmupMs", quick ? "0" : "60000"))),
        Duration.ofMillis(Long.parseLong(prop("bench.live.durationMs", quick ? "1000" : "30000"))),
        Integer.parseInt(prop("bench.live.clients", quick ? "100" : "1000")),
        Duration.ofMillis(
            Long.parseLong(prop("bench.live.hold.durationMs", quick ? "2000" : "60000"))));
  }

  private static String prop(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
