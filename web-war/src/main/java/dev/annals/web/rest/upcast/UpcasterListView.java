package dev.annals.web.rest.upcast;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant's declarative upcasters.
 *
 * @param upcasters by event type, then version
 */
@Schema(name = "UpcasterListView")
public record UpcasterListView(@Schema(required = true) List<UpcasterView> upcasters) {}
