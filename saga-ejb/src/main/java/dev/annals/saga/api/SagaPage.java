package dev.annals.saga.api;

import java.util.List;
import java.util.Optional;

/**
 * A page of sagas by id.
 *
 * @param sagas the sagas
 * @param next the {@code after} of the next page, empty on the last
 */
public record SagaPage(List<SagaSummary> sagas, Optional<String> next) {}
