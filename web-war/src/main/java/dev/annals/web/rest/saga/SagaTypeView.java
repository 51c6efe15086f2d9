package dev.annals.web.rest.saga;

import dev.annals.saga.api.SagaTypeInfo;
import jakarta.json.JsonObject;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A declarative saga type on the wire.
 *
 * @param type its name
 * @param definition its definition, in canonical form
 * @param createdAt when it was first defined
 * @param updatedAt when it was last defined
 */
@Schema(name = "SagaTypeView")
public record SagaTypeView(
    @Schema(required = true) String type,
    @Schema(
            required = true,
            type = SchemaType.OBJECT,
            additionalProperties = Schema.True.class,
            description = "{\"steps\": [...], \"timeoutMs\"?} as stored (defaults filled in)")
        JsonObject definition,
    @Schema(required = true, format = "date-time") String createdAt,
    @Schema(required = true, format = "date-time") String updatedAt) {

  static SagaTypeView from(SagaTypeInfo t) {
    return new SagaTypeView(
        t.type(), t.definition(), t.createdAt().toString(), t.updatedAt().toString());
  }

  /**
   * Every declarative type of a tenant.
   *
   * @param sagaTypes the types, by name
   */
  @Schema(name = "SagaTypeListView")
  public record ListView(@Schema(required = true) List<SagaTypeView> sagaTypes) {}
}
