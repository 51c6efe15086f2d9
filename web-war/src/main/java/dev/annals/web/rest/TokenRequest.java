package dev.annals.web.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A token request to the development issuer, as the OpenAPI document describes it. Documentation
 * only: the resource reads the body by hand, refusing unknown fields by name.
 *
 * @param subject who the token is for (its sub, recorded as the principal of its appends)
 * @param roles its roles: platform-admin, tenant-admin, writer, reader (and the scrape role)
 * @param tenants the tenants it may act on (ids), or "*" for all
 * @param ttlSeconds how long it is valid
 */
@Schema(name = "TokenRequest")
public record TokenRequest(
    @Schema(required = true, pattern = "^[A-Za-z0-9._:@+=-]{1,200}$") String subject,
    @Schema(
            required = true,
            minItems = 1,
            description =
                "Any of platform-admin, tenant-admin, writer, reader, and the role that may read"
                    + " /metrics (ANNALS_METRICS_ROLE) where one is configured")
        List<String> roles,
    @Schema(description = "Tenant ids, or \"*\" for every tenant; default none")
        List<String> tenants,
    @Schema(
            minimum = "" + TokenRequestParser.MIN_TTL_SECONDS,
            maximum = "" + TokenRequestParser.MAX_TTL_SECONDS,
            defaultValue = "" + TokenRequestParser.DEFAULT_TTL_SECONDS,
            format = "int64")
        long ttlSeconds) {}
