package dev.annals.web.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant-creation body as the OpenAPI document describes it. Documentation only: the resource
 * reads the body by hand, refusing unknown fields by name.
 *
 * @param id the new tenant's id, never reused
 * @param name display name
 * @param isolation where its data lives; default shared
 * @param database another PostgreSQL server, for isolation database only
 */
@Schema(name = "TenantCreateRequest")
public record TenantCreateRequest(
    @Schema(required = true, pattern = "^[a-z][a-z0-9_]{2,39}$", maxLength = 40) String id,
    @Schema(required = true) String name,
    @Schema(ref = "Isolation", defaultValue = "shared") String isolation,
    DatabaseServerRequest database) {

  /**
   * A database server registered for a database-mode tenant.
   *
   * @param host host name or address
   * @param port port
   */
  @Schema(name = "DatabaseServerRequest")
  public record DatabaseServerRequest(
      @Schema(required = true) String host,
      @Schema(required = true, minimum = "1", maximum = "65535") int port) {}
}
