package dev.annals.dlq.api;

/**
 * How many of a consumer's dead letters are in each state.
 *
 * @param consumer the consumer's name
 * @param consumerKind its kind
 * @param open letters waiting for an operator
 * @param parked letters waiting behind an open one of their stream
 * @param redriven letters delivered again
 * @param discarded letters given up
 * @param retrying letters waiting beside the flow for their next attempt
 */
public record ConsumerLetterCounts(
    String consumer,
    String consumerKind,
    long open,
    long parked,
    long redriven,
    long discarded,
    long retrying) {}
