package dev.annals.web.rest;

import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant's request rates: configured (null: the default applies) and enforced (0: unlimited).
 *
 * @param requestsPerSecond configured for the tenant as a whole, or null
 * @param principalRequestsPerSecond configured for each principal on the tenant, or null
 * @param effectiveRequestsPerSecond enforced for the tenant as a whole
 * @param effectivePrincipalRequestsPerSecond enforced for each principal on the tenant
 */
@Schema(name = "TenantLimits", description = "A tenant's request rates")
@JsonbNillable // a null rate is an answer ("the default applies"), not an omission
public record TenantLimitsView(
    @Schema(
            nullable = true,
            minimum = "1",
            maximum = "1000000",
            description = "Configured for the tenant as a whole; null: the server's default")
        Integer requestsPerSecond,
    @Schema(
            nullable = true,
            minimum = "1",
            maximum = "1000000",
            description = "Configured for each principal on the tenant; null: the server's default")
        Integer principalRequestsPerSecond,
    @Schema(required = true, description = "Enforced for the tenant as a whole (0: unlimited)")
        int effectiveRequestsPerSecond,
    @Schema(required = true, description = "Enforced for each principal on it (0: unlimited)")
        int effectivePrincipalRequestsPerSecond) {}
