package dev.annals.web.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant-creation body as the OpenAPI document describes it. Documentation only: the resource
 * reads the body by hand, refusing unknown fields by name.
 *
 * @param id the new tenant's id, never reused
 * @param name display name
 * @param isolation where its data lives; default shared
 * @param database a registered database server, for isolation database only (default: the
 *     platform's own)
 */
@Schema(name = "TenantCreateRequest")
public record TenantCreateRequest(
    @Schema(required = true, pattern = "^[a-z][a-z0-9_]{2,39}$", maxLength = 40) String id,
    @Schema(required = true) String name,
    @Schema(ref = "Isolation", defaultValue = "shared") String isolation,
    DatabasePlacement database) {

  /**
   * Where a database-mode tenant's database lives: a server a platform admin registered (never a
   * host and port).
   *
   * @param server the registered server's name
   */
  @Schema(name = "DatabasePlacement")
  public record DatabasePlacement(
      @Schema(required = true, pattern = "^[a-z][a-z0-9_-]{0,39}$", maxLength = 40)
          String server) {}
}
