/**
 * Sagas over HTTP: declarative types against a receiver in the test JVM, the Java reference saga.
 */
package dev.annals.it.saga;
