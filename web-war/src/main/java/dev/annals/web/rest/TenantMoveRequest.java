package dev.annals.web.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A move body as the OpenAPI document describes it. Documentation only: the resource reads the body
 * by hand, refusing unknown fields by name.
 *
 * @param isolation the target isolation mode
 * @param database a registered database server, for isolation database only (default: the
 *     platform's own)
 */
@Schema(name = "TenantMoveRequest")
public record TenantMoveRequest(
    @Schema(required = true, ref = "Isolation") String isolation,
    TenantCreateRequest.DatabasePlacement database) {}
