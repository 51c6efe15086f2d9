package dev.annals.web.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A database-server registration as the OpenAPI document describes it. Documentation only: the
 * resource reads the body by hand ({@link DatabaseServerRequestParser}), refusing unknown fields by
 * name.
 *
 * @param name the server's name, which tenants use
 * @param host host name or address
 * @param port port
 * @param credentials a reference to the owner credentials on that server: the configuration keys
 *     {@code <credentials>.user} and {@code <credentials>.password}. Never the secret itself
 * @param maxConnectionsPerTenant pool size of each tenant's datasource there, per node
 * @param maxTenants how many database-mode tenants the server may hold
 */
@Schema(name = "DatabaseServerRequest")
public record DatabaseServerRequest(
    @Schema(required = true, pattern = "^[a-z][a-z0-9_-]{0,39}$", maxLength = 40) String name,
    @Schema(required = true, pattern = "^[A-Za-z0-9.:-]{1,253}$", maxLength = 253) String host,
    @Schema(required = true, minimum = "1", maximum = "65535") int port,
    @Schema(
            required = true,
            pattern = "^[a-z][a-z0-9_.-]{0,62}$",
            maxLength = 63,
            description =
                "A configuration key prefix naming the credentials (<credentials>.user,"
                    + " <credentials>.password, e.g. environment PG2_USER/PG2_PASSWORD for pg2),"
                    + " never the secret")
        String credentials,
    @Schema(minimum = "1", maximum = "100", defaultValue = "5") Integer maxConnectionsPerTenant,
    @Schema(minimum = "0", maximum = "100000", defaultValue = "20") Integer maxTenants) {}
