package dev.annals.web.rest;

import dev.annals.tenancy.api.Tenant;

/**
 * A tenant on the wire.
 *
 * @param id its id
 * @param name display name
 * @param isolation shared, schema or database
 * @param state active, suspended, moving or deleted
 * @param created when it was created (ISO-8601)
 */
public record TenantView(String id, String name, String isolation, String state, String created) {

  static TenantView from(Tenant t) {
    return new TenantView(
        t.id().value(), t.name(), t.isolation(), t.state(), t.createdAt().toString());
  }
}
