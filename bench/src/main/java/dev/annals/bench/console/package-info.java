/**
 * The console's first paint at volume: seeded tenants, events and dead letters, timed in Chromium.
 */
package dev.annals.bench.console;
