package dev.annals.web.security;

/**
 * Something security-relevant happened: a request was refused (no or bad token, wrong role, a
 * tenant the caller may not see) or a token was minted. Fired as a CDI event by {@link
 * SecurityEvents#report}, for the audit log to record.
 *
 * @param kind what happened
 * @param principal the caller's name, or null when it could not be authenticated
 * @param tenant the tenant concerned, or null
 * @param action the request ({@code METHOD /path}) or operation
 * @param detail what was refused or granted, for people
 * @param correlationId the request's correlation id, or null
 */
public record SecurityEvent(
    Kind kind,
    String principal,
    String tenant,
    String action,
    String detail,
    String correlationId) {

  /** The kinds of security events. */
  public enum Kind {
    /** No token, or one that is expired, forged or from an untrusted issuer (401). */
    AUTHENTICATION_FAILED,
    /** A valid token without the role the operation needs (403). */
    ACCESS_DENIED,
    /** A valid token naming a tenant outside its tenants (answered 404). */
    TENANT_REFUSED,
    /** The development issuer minted a token ({@code POST /api/tokens}). */
    TOKEN_MINTED
  }
}
