/** A tenant's projections over HTTP: list, show (with a rebuild's progress), rebuild. */
package dev.annals.web.rest.projection;
