/** Beans deployed into the integration-test server to observe container behaviour from inside. */
package dev.annals.it.probe;
