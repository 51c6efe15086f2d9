/**
 * A given/when/expect fixture that runs a Java saga type's real steps through the engine's runner
 * without a container.
 */
package dev.annals.saga.testing;
