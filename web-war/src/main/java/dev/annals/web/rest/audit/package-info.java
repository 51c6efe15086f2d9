/** The audit log over HTTP: page a chain, verify it end to end. */
package dev.annals.web.rest.audit;
