/** The failure system's beans: the queue's sender and MDB, redrive and discard, policies. */
package dev.annals.dlq.internal;
