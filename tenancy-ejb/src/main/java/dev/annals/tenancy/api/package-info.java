/** What other modules may use of tenancy: tenant ids, the tenant's connection, schema status. */
package dev.annals.tenancy.api;
