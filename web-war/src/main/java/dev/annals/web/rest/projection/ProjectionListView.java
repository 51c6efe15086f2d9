package dev.annals.web.rest.projection;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant's projections, by name.
 *
 * @param projections all of them
 */
@Schema(name = "ProjectionList")
public record ProjectionListView(@Schema(required = true) List<ProjectionView> projections) {}
