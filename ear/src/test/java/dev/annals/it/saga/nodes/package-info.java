/**
 * Sagas across server restarts, crashes and two nodes (shared-mode tenants only: each test stops or
 * kills the server).
 */
package dev.annals.it.saga.nodes;
