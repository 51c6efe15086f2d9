package dev.annals.web.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A minted token.
 *
 * @param token the JWT, to send as {@code Authorization: Bearer <token>}
 * @param expiresAt when it expires (ISO-8601)
 */
@Schema(name = "TokenView")
public record TokenView(
    @Schema(required = true) String token,
    @Schema(required = true, format = "date-time") String expiresAt) {}
