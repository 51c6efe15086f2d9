package dev.annals.dlq.api;

import java.util.List;
import java.util.Optional;

/**
 * One page of a tenant's dead letters, by id.
 *
 * @param letters the letters, without their events and stack summaries
 * @param next the {@code after} of the next page; absent on the last
 */
public record DeadLetterPage(List<DeadLetter> letters, Optional<Long> next) {}
