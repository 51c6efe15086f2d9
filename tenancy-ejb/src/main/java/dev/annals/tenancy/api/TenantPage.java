package dev.annals.tenancy.api;

import java.util.List;
import java.util.Optional;

/**
 * One page of the registry, in id order.
 *
 * @param tenants the tenants of this page
 * @param next the id to pass as {@code after} for the next page; empty on the last page
 */
public record TenantPage(List<Tenant> tenants, Optional<TenantId> next) {}
