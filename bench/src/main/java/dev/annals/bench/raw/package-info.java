/** The raw-PostgreSQL baseline: pgbench scripts doing Annals' work on Annals' own tables. */
package dev.annals.bench.raw;
