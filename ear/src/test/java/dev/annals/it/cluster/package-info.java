/** Two nodes on one PostgreSQL and Redis, and what they survive: a node killed, Redis stopped. */
package dev.annals.it.cluster;
