package dev.annals.web.security;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The JAX-RS security context of a request {@link AuthenticationFilter} authenticated: the caller's
 * name as principal, its roles by their {@code groups} claim names.
 */
record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {

  /** The authentication scheme reported: a bearer token. */
  static final String BEARER = "Bearer";

  @Override
  public Principal getUserPrincipal() {
    return caller::name;
  }

  @Override
  public boolean isUserInRole(String role) {
    return Role.fromClaim(role).map(caller.roles()::contains).orElse(false);
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return BEARER;
  }
}
