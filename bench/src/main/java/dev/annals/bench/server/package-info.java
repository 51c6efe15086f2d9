/** The system under test: the bench's own Liberty server, its EAR and its PostgreSQL database. */
package dev.annals.bench.server;
