package dev.annals.tenancy.api;

/**
 * How much a tenant holds.
 *
 * @param streams number of streams
 * @param events number of events (the sum of the streams' versions: versions have no holes)
 * @param storageBytes bytes of event data and metadata, as stored and read back (the storage
 *     quota's measure)
 */
public record TenantStats(long streams, long events, long storageBytes) {}
