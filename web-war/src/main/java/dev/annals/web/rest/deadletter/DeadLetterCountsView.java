package dev.annals.web.rest.deadletter;

import dev.annals.dlq.api.ConsumerLetterCounts;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant's dead letters counted per consumer.
 *
 * @param consumers each consumer with letters, by name
 */
@Schema(name = "DeadLetterCounts")
public record DeadLetterCountsView(@Schema(required = true) List<ConsumerView> consumers) {

  /**
   * One consumer's letters per state.
   *
   * @param consumer the consumer's (a subscription's) name
   * @param consumerKind the kind of consumer
   * @param open letters waiting for an operator
   * @param parked letters waiting behind an open or retrying one of their stream
   * @param redriven letters delivered again
   * @param discarded letters given up
   * @param retrying letters waiting beside the flow for their next attempt
   */
  @Schema(name = "DeadLetterConsumerCounts")
  public record ConsumerView(
      @Schema(required = true) String consumer,
      @Schema(required = true) String consumerKind,
      @Schema(required = true, minimum = "0") long open,
      @Schema(required = true, minimum = "0") long parked,
      @Schema(required = true, minimum = "0") long redriven,
      @Schema(required = true, minimum = "0") long discarded,
      @Schema(required = true, minimum = "0") long retrying) {}

  static DeadLetterCountsView from(List<ConsumerLetterCounts> counts) {
    return new DeadLetterCountsView(
        counts.stream()
            .map(
                c ->
                    new ConsumerView(
                        c.consumer(),
                        c.consumerKind(),
                        c.open(),
                        c.parked(),
                        c.redriven(),
                        c.discarded(),
                        c.retrying()))
            .toList());
  }
}
