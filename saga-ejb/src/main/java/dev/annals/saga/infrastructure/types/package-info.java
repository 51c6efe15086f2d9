/** Declarative saga types as the tenant's stored JSON. */
package dev.annals.saga.infrastructure.types;
