package dev.annals.tenancy.api;

/** No tenant has this id. */
public class TenantNotFoundException extends ResourceNotFoundException {

  private static final long serialVersionUID = 1L;

  /**
   * @param id the id that was looked up
   */
  public TenantNotFoundException(TenantId id) {
    super("Tenant '" + id + "' does not exist");
  }
}
