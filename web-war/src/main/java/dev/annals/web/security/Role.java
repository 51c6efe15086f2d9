package dev.annals.web.security;

import java.util.Optional;

/**
 * The roles a token grants, named in its {@code groups} claim. A platform admin manages tenants and
 * sees all of them; the others act only within the tenants their token names.
 */
public enum Role {
  /** Tenant lifecycle (create, list, move, suspend, resume, delete), on every tenant. */
  PLATFORM_ADMIN("platform-admin"),
  /** Everything within its tenants: what writers and readers do, plus tenant details. */
  TENANT_ADMIN("tenant-admin"),
  /** Appends within its tenants. */
  WRITER("writer"),
  /** Reads within its tenants: streams, stream heads, $all. */
  READER("reader");

  private final String claim;

  Role(String claim) {
    this.claim = claim;
  }

  /** The name in the token's {@code groups} claim. */
  public String claim() {
    return claim;
  }

  /** The role a {@code groups} entry names, if it names one. */
  public static Optional<Role> fromClaim(String name) {
    for (Role r : values()) {
      if (r.claim.equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
