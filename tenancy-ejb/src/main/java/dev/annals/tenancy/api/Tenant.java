package dev.annals.tenancy.api;

import java.time.Instant;

/**
 * A tenant as the registry knows it.
 *
 * @param id the tenant's id
 * @param name a display name
 * @param isolation how its data is isolated: {@code shared}, {@code schema} or {@code database}
 * @param state {@code active}, {@code suspended}, {@code moving} or {@code deleted}
 * @param createdAt when it was created
 */
public record Tenant(TenantId id, String name, String isolation, String state, Instant createdAt) {}
