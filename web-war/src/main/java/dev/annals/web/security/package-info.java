/**
 * Who may call what: the caller from its MicroProfile JWT (verified here, once per distinct token),
 * the roles, the one filter that decides every request from its resource method's rule, and the
 * development issuer's tokens.
 */
package dev.annals.web.security;
