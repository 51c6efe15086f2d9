package dev.annals.web.rest.deadletter;

import dev.annals.dlq.api.RedriveSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a redrive came to.
 *
 * @param redriven letters delivered again (parked ones released behind their head included)
 * @param failed letters that failed again (open again, one attempt more)
 * @param remaining letters of the selection still open or parked
 */
@Schema(name = "RedriveSummary")
public record RedriveSummaryView(
    @Schema(required = true, minimum = "0") int redriven,
    @Schema(required = true, minimum = "0") int failed,
    @Schema(required = true, minimum = "0") int remaining) {

  static RedriveSummaryView from(RedriveSummary s) {
    return new RedriveSummaryView(s.redriven(), s.failed(), s.remaining());
  }
}
