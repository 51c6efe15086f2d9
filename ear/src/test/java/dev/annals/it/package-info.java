/** Integration tests against the running annals-it server, its PostgreSQL and its Redis. */
package dev.annals.it;
