package dev.annals.web.error;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Every error body as the OpenAPI document describes it (RFC 9457). Documentation only: {@link
 * Problem} writes the documents; this record gives generated clients one model to read them with.
 *
 * @param type stable URI of the kind of problem: branch on it
 * @param title short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong this time, and what to do
 * @param instance the request path
 * @param correlationId the request's correlation id (also the X-Correlation-Id header)
 * @param currentVersion on a wrong expected version only: the stream's version now
 * @param limit on 429: the request rate exceeded; on a quota refusal (403): the quota's value
 * @param requestsPerSecond on 429: that rate
 * @param quota on a quota refusal (403): the quota's name
 * @param usage on a tenant's quota refusal (403): its usage when refused
 * @param rule on 422 only: the broken business rule
 */
@Schema(
    name = "ProblemView",
    description = "An RFC 9457 problem document (application/problem+json)")
public record ProblemView(
    @Schema(
            required = true,
            format = "uri",
            examples = "https://annals.dev/problems/wrong-expected-version")
        String type,
    @Schema(required = true) String title,
    @Schema(required = true, minimum = "400", maximum = "599") int status,
    @Schema(required = true) String detail,
    @Schema(required = true) String instance,
    @Schema(required = true) String correlationId,
    @Schema(
            minimum = "0",
            description = "Only on a wrong expected version (409): the stream's version now")
        Long currentVersion,
    @Schema(
            enumeration = {"principal", "tenant_principal", "tenant"},
            description = "Only on 429: the request rate that was exceeded")
        String limit,
    @Schema(minimum = "1", description = "Only on 429: that rate, in requests per second")
        Long requestsPerSecond,
    @Schema(
            examples = "maxStreams",
            description =
                "Only on quota-exceeded (403): the quota, e.g. maxStreams, maxStorageBytes,"
                    + " maxSubscriptions or database-servers/<name>/maxTenants; 'limit' then"
                    + " carries its value as a number")
        String quota,
    @Schema(
            minimum = "0",
            description = "Only on a tenant's quota-exceeded (403): its usage when refused")
        Long usage,
    @Schema(
            examples = "start-once",
            description = "Only on 422 business-rule-violated: the rule the command breaks")
        String rule) {}
