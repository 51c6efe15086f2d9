package dev.annals.tenancy.api;

import java.time.Instant;
import java.util.Optional;

/**
 * A tenant as the registry knows it.
 *
 * @param id the tenant's id
 * @param name a display name
 * @param isolation where its data lives
 * @param state where it is in its lifecycle
 * @param createdAt when it was created
 * @param server the PostgreSQL server of a database-mode tenant placed off the platform's server
 * @param deletedAt when it was deleted
 * @param purgeAfter when a deleted tenant's retained data is purged
 * @param purged whether a deleted tenant's data is gone
 * @param generation its placement's number, counted up by every move: a database-mode tenant's
 *     datasource is named after it, so each placement has a datasource of its own
 */
public record Tenant(
    TenantId id,
    String name,
    Isolation isolation,
    TenantState state,
    Instant createdAt,
    Optional<DatabaseServer> server,
    Optional<Instant> deletedAt,
    Optional<Instant> purgeAfter,
    boolean purged,
    int generation) {

  /** Whether the tenant was deleted (its data may still be retained). */
  public boolean deleted() {
    return state == TenantState.DELETED;
  }

  /** The same tenant placed elsewhere, in the same generation. */
  public Tenant at(Isolation isolation, Optional<DatabaseServer> server) {
    return new Tenant(
        id, name, isolation, state, createdAt, server, deletedAt, purgeAfter, purged, generation);
  }

  /** The same tenant in another generation of its placement (the target of a move). */
  public Tenant inGeneration(int generation) {
    return new Tenant(
        id, name, isolation, state, createdAt, server, deletedAt, purgeAfter, purged, generation);
  }

  /** Whether its data lives in the same place as {@code other}'s would. */
  public boolean samePlaceAs(Tenant other) {
    return isolation == other.isolation && server.equals(other.server);
  }

  /** Where its data lives: a schema of the platform database, or a database of its own. */
  public Placement placement(String platformDataSource) {
    return switch (isolation) {
      case SHARED -> new Placement(platformDataSource, Identifiers.SHARED_SCHEMA);
      case SCHEMA -> new Placement(platformDataSource, Identifiers.schemaOf(id));
      case DATABASE ->
          new Placement(Identifiers.jndiNameOf(id, generation), Identifiers.SHARED_SCHEMA);
    };
  }
}
