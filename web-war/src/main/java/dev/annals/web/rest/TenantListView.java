package dev.annals.web.rest;

import java.util.List;

/**
 * A page of tenants on the wire.
 *
 * @param tenants this page, in id order
 * @param next pass as {@code after} for the next page; null on the last page
 */
public record TenantListView(List<TenantView> tenants, String next) {}
