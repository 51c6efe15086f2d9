/**
 * Dead letters, blocked streams and policies in the tenant's place (JDBC), and the JMS messages.
 */
package dev.annals.dlq.infrastructure;
