/**
 * Integration tests that drive the API only through the Java client generated from the served
 * OpenAPI document: the document is a contract a generated client must honour without workarounds.
 */
package dev.annals.it.client;
