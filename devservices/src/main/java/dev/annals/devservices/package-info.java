/** The embedded default: a real PostgreSQL and Redis for the run command and the tests. */
package dev.annals.devservices;
