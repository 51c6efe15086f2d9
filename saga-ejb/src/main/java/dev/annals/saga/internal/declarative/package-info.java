/**
 * Declarative saga types: their JSON form (parsed, checked and stored as sent) and the {@code
 * ${data.field}} placeholders filled from a saga's data when a step's call is made.
 */
package dev.annals.saga.internal.declarative;
