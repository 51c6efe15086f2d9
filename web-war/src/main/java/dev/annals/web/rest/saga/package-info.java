/** The saga endpoints: a tenant's declarative saga types and its sagas. */
package dev.annals.web.rest.saga;
