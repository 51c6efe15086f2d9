package dev.annals.web.rest.saga;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of sagas by id.
 *
 * @param sagas the sagas
 * @param next the {@code after} of the next page; absent on the last
 */
@Schema(name = "SagaListView")
public record SagaListView(
    @Schema(required = true) List<SagaSummaryView> sagas,
    @Schema(description = "Pass as 'after' for the next page; absent on the last") String next) {}
