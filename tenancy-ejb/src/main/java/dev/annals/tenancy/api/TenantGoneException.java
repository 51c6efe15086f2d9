package dev.annals.tenancy.api;

/** The tenant was deleted; its data is retained until the given time, then purged. */
public class TenantGoneException extends ResourceNotFoundException {

  private static final long serialVersionUID = 1L;

  /**
   * @param id the deleted tenant
   */
  public TenantGoneException(TenantId id) {
    super("Tenant '" + id + "' was deleted");
  }
}
