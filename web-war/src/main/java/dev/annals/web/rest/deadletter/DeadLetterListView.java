package dev.annals.web.rest.deadletter;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of dead letters, by id.
 *
 * @param deadLetters the letters
 * @param next the 'after' of the next page; absent on the last
 */
@Schema(name = "DeadLetterList")
public record DeadLetterListView(
    @Schema(required = true) List<DeadLetterView> deadLetters, Long next) {}
