package dev.annals.tenancy.api;

import java.util.Locale;

/** Where a tenant's data lives. Only tenancy branches on it; other modules never do. */
public enum Isolation {
  /** Shared tables with Row-Level Security, tenant bound per transaction. */
  SHARED,
  /** A schema of its own ({@code tenant_<id>}) in the platform database. */
  SCHEMA,
  /** A database of its own ({@code annals_tenant_<id>}), on the platform's server or another. */
  DATABASE;

  /** The name on the wire and in the registry. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param value {@code shared}, {@code schema} or {@code database}
   * @throws InvalidRequestException for anything else
   */
  public static Isolation parse(String value) {
    for (Isolation i : values()) {
      if (i.wireName().equals(value)) {
        return i;
      }
    }
    throw new InvalidRequestException(
        "'isolation' must be one of shared, schema, database; was: " + Identifiers.shown(value));
  }
}
