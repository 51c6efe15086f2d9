/** Declarative saga steps as HTTP calls, with java.net.http. */
package dev.annals.saga.infrastructure.http;
