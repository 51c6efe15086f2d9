package dev.annals.web.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of tenants on the wire.
 *
 * @param tenants this page, in id order
 * @param next pass as {@code after} for the next page; null on the last page
 */
public record TenantListView(@Schema(required = true) List<TenantView> tenants, String next) {}
