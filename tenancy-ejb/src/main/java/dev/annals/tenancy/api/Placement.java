package dev.annals.tenancy.api;

/**
 * Where a tenant's data lives, as much as a writer that batches appends of many tenants needs to
 * know: appends with the same {@link #dataSource()} may share one local transaction, and those with
 * the same placement one append call. Opaque otherwise; obtained from {@link TenantConnections}.
 *
 * @param dataSource the JNDI name of the datasource that reaches the data
 * @param schema the schema that holds it
 */
public record Placement(String dataSource, String schema) {}
