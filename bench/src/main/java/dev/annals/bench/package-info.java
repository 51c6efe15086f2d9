/** The benchmark harness: Annals and raw PostgreSQL doing the same work in one run. */
package dev.annals.bench;
