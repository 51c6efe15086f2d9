package dev.annals.eventstore.api.projection;

import dev.annals.eventstore.api.Checkpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a rebuild's new generation has come.
 *
 * @param generation the generation being built
 * @param startedAt when the rebuild was asked for
 * @param checkpoint where the new generation is in $all
 * @param eventsDone events it has applied
 * @param eventsTotal events done plus the committed events after its checkpoint (those counted up
 *     to a bound: a lower bound beyond it)
 * @param eventsPerSecond its rate: the recent one, or the average since the start when there is no
 *     recent one
 * @param etaSeconds seconds until it has caught up at that rate; empty while there is no rate
 */
public record RebuildProgress(
    int generation,
    Instant startedAt,
    Checkpoint checkpoint,
    long eventsDone,
    long eventsTotal,
    double eventsPerSecond,
    Optional<Double> etaSeconds) {

  /**
   * The progress from what the new generation's subscription shows.
   *
   * @param generation the generation being built
   * @param startedAt when the rebuild started
   * @param now the time now
   * @param checkpoint the generation's checkpoint
   * @param done events applied so far
   * @param remaining committed events after the checkpoint
   * @param recentRate the recent rate (events/s; 0 when there was no recent batch)
   * @return the progress
   */
  public static RebuildProgress of(
      int generation,
      Instant startedAt,
      Instant now,
      Checkpoint checkpoint,
      long done,
      long remaining,
      double recentRate) {
    long doneSoFar = Math.max(0, done);
    long left = Math.max(0, remaining);
    double elapsed = Math.max(0, Duration.between(startedAt, now).toMillis()) / 1000.0;
    double rate = recentRate > 0 ? recentRate : elapsed > 0 ? doneSoFar / elapsed : 0;
    Optional<Double> eta =
        left == 0 ? Optional.of(0.0) : rate > 0 ? Optional.of(left / rate) : Optional.empty();
    return new RebuildProgress(
        generation, startedAt, checkpoint, doneSoFar, doneSoFar + left, rate, eta);
  }
}
