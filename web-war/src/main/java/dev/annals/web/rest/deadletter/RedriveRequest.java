package dev.annals.web.rest.deadletter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which letters to redrive. Documentation only (parsed by hand).
 *
 * @param consumer the consumer's (a subscription's) name
 * @param stream only this stream's letters
 */
@Schema(name = "DeadLetterRedriveRequest")
public record RedriveRequest(@Schema(required = true) String consumer, String stream) {}
