package dev.annals.dlq.api;

/**
 * What a redrive came to.
 *
 * @param redriven letters delivered again (parked ones released behind their head included)
 * @param failed letters that failed again (each back to open, its attempts increased)
 * @param remaining letters of the selection still open or parked afterwards
 */
public record RedriveSummary(int redriven, int failed, int remaining) {}
