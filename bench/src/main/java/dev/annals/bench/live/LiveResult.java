package dev.annals.bench.live;

/**
 * What one delivery benchmark measured.
 *
 * @param clients SSE clients that followed the tenant
 * @param events events appended in the measured window
 * @param appendsPerSecond appends sent per second in the measured window
 * @param errors failed appends, events a client never received, clients that failed to connect or
 *     were disconnected
 * @param p50Millis median latency from sending an append to an SSE client receiving its event
 * @param p99Millis the 99th percentile of the same
 * @param firstError the first error seen, or empty
 * @param appendP50Millis median latency from sending an append to its answer (the part of the
 *     latency spent before the event is even committed; 0 where not measured)
 * @param appendP99Millis the 99th percentile of the same
 */
public record LiveResult(
    int clients,
    long events,
    double appendsPerSecond,
    long errors,
    double p50Millis,
    double p99Millis,
    String firstError,
    double appendP50Millis,
    double appendP99Millis) {}
