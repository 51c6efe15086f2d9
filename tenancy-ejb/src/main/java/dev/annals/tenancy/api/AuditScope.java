package dev.annals.tenancy.api;

/**
 * Which chains a record joins. Platform-wide actions (tokens, authentication and authorization
 * failures) join the platform's chain; actions a platform admin takes on a tenant (its lifecycle
 * and moves) join both the platform's and the tenant's chain, so each side can verify them on its
 * own; actions inside a tenant (subscriptions, upcasters, dead letters, sagas) join only the
 * tenant's chain.
 */
public enum AuditScope {
  /** The platform's chain only. */
  PLATFORM("platform"),
  /** The tenant's chain only. */
  TENANT("tenant"),
  /** Both, in one transaction: each chain gets its own record of the same action. */
  PLATFORM_AND_TENANT("both");

  private final String wireName;

  AuditScope(String wireName) {
    this.wireName = wireName;
  }

  /** The scope as the database's append function takes it. */
  public String wireName() {
    return wireName;
  }
}
