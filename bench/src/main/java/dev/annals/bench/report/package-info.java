/** The results: one table of Annals against raw PostgreSQL, with the targets. */
package dev.annals.bench.report;
