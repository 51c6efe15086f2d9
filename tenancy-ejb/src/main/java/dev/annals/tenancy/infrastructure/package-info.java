/** Adapters to PostgreSQL for tenancy: Liquibase migrations and database health. */
package dev.annals.tenancy.infrastructure;
