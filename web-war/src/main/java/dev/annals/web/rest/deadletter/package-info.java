/** A tenant's dead letters over HTTP: list, show, redrive, discard. */
package dev.annals.web.rest.deadletter;
