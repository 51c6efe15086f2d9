package dev.annals.web.rest.saga;

import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body that starts a saga (documentation only: {@link SagaRequestParser} reads it).
 *
 * @param type the saga type
 * @param data its data
 * @param id an id of the caller's choice: starting it again finds the same saga
 */
@Schema(name = "SagaStartRequest")
public record SagaStartRequest(
    @Schema(required = true, description = "A Java or declarative saga type's name") String type,
    @Schema(
            type = SchemaType.OBJECT,
            additionalProperties = Schema.True.class,
            description = "The saga's data (default {}); ${data.<field>} in a declarative step")
        JsonObject data,
    @Schema(
            description = "1-100 of [A-Za-z0-9._:@-]; default a random UUID",
            pattern = "^[A-Za-z0-9._:@-]{1,100}$")
        String id) {}
