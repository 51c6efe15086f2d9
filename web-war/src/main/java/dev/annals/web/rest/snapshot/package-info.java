/** Snapshots over HTTP, for clients that fold a stream's state themselves. */
package dev.annals.web.rest.snapshot;
