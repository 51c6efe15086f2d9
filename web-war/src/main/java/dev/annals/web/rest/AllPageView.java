package dev.annals.web.rest;

import dev.annals.eventstore.api.AllSlice;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of $all.
 *
 * @param events the events, in checkpoint order
 * @param checkpoint pass it as {@code after} for the next page
 */
public record AllPageView(
    @Schema(required = true) List<EventView> events, @Schema(required = true) String checkpoint) {

  static AllPageView of(AllSlice slice) {
    return new AllPageView(
        slice.events().stream().map(EventView::from).toList(), slice.checkpoint().toString());
  }
}
