/** The hash-chained audit log: chains under concurrent actions, tampering, privileges. */
package dev.annals.it.audit;
