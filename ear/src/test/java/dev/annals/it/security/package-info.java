/**
 * Authentication and authorization: tokens refused, roles and tenants enforced on every operation.
 */
package dev.annals.it.security;
