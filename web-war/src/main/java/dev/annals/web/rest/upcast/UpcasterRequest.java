package dev.annals.web.rest.upcast;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT …/upcasters/{eventType}/{fromVersion}} (documentation only; the resource
 * reads the body itself to name the operation at fault).
 *
 * @param operations applied in order to a payload at fromVersion, lifting it to fromVersion + 1
 */
@Schema(name = "UpcasterRequest")
public record UpcasterRequest(
    @Schema(
            required = true,
            minItems = 1,
            maxItems = 100,
            description =
                "Each an object with exactly one of: {\"rename\": {\"from\": \"/qty\", \"to\":"
                    + " \"/quantity\"}} (same parent), {\"add\": {\"path\": \"/currency\","
                    + " \"value\": \"EUR\"}} (only where absent), {\"remove\": \"/legacy\"},"
                    + " {\"move\": {\"from\": \"/street\", \"to\": \"/address/street\"}},"
                    + " {\"renameType\": \"ItemAddedV2\"}. Pointers are JSON Pointers into data;"
                    + " an absent source changes nothing; missing parent objects are created.")
        List<Map<String, Object>> operations) {}
