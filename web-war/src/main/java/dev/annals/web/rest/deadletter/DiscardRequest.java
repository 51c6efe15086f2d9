package dev.annals.web.rest.deadletter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why a letter is given up. Documentation only (parsed by hand).
 *
 * @param reason why, for the audit log and the letter
 */
@Schema(name = "DeadLetterDiscardRequest")
public record DiscardRequest(
    @Schema(required = true, minLength = 1, maxLength = 1000) String reason) {}
